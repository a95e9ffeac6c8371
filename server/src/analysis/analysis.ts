/**
 * Text → Dockerfile model → findings. One call per document version; diagnostics, code actions, hovers and the
 * CLI all read its result.
 */
import type { Range, TextEdit } from 'vscode-languageserver-types';
import { parseDockerfile, type DockerfileModel } from '../dockerfile/model';
import { withArgumentScansKept } from '../dockerfile/parse';
import type { Edit, Fix } from '../edits/edits';
import { suppressionsOf, type SuppressedId, type Suppression } from '../dockerfile/pragmas';
import { buildkitCheckSettings, isRaisedByCheckDirective, isSkippedByCheckDirective } from './buildkitChecks';
import { allRules, findRule } from '../rules';
import type { Finding, Report, Rule, RuleCatalog, RuleOptions, Severity, SeveritySetting } from '../rules/rule';
import type { Span } from '../util/span';
import type { AlpineDataView } from '../knowledge/alpineData';

export interface AnalysisOptions {
  /**
   * Severities the user configured, by rule id, taken at face value: a listed severity wins over the one a rule picks
   * per finding, even when it equals the rule's default. Rules not listed use their defaults. Only what the user set
   * belongs here (the editor's manifest defaults are filtered out at the boundary).
   */
  readonly ruleSeverities?: Readonly<Record<string, SeveritySetting>>;
  /** `YYYY-MM-DD`; defaults to the current date. */
  readonly today?: string;
  /**
   * False: suppression comments (`# alpinist ignore=…`, `# hadolint ignore=…`) are plain comments, which neither
   * silence nor get reported as unused (hadolint's `disable-ignore-pragma`). Defaults to true.
   */
  readonly suppressionComments?: boolean;
  /** Passed to every rule as `context.options`. */
  readonly ruleOptions?: RuleOptions;
  /**
   * The text of the `.dockerignore` that applies to this Dockerfile's build context (`<name>.dockerignore` beside it,
   * else `.dockerignore` in the context), read by the front end; undefined when there is none or it is unknown.
   */
  readonly dockerignore?: string;
  /** Alpine's package indexes and release data, as far as the front end has loaded them; passed to rules as is. */
  readonly alpineData?: AlpineDataView;
}

export interface ResolvedFinding extends Finding {
  /** `at` as a protocol range (lines and UTF-16 characters). */
  readonly range: Range;
  readonly severity: Severity;
  readonly rule: Rule;
}

export interface RuleFailure {
  readonly ruleId: string;
  readonly error: string;
}

export interface Analysis {
  readonly model: DockerfileModel;
  readonly findings: readonly ResolvedFinding[];
  readonly suppressions: readonly Suppression[];
  /** Rules that threw; the others still ran. */
  readonly failures: readonly RuleFailure[];
}

/** The severity a rule runs at, or `off`. */
export function resolveSeverity(rule: Rule, options: AnalysisOptions): SeveritySetting {
  return options.ruleSeverities?.[rule.id] ?? rule.defaultSeverity;
}

/** Runs every enabled rule over `text`. Never throws on bad input. */
export function analyze(text: string, options: AnalysisOptions = {}): Analysis {
  return withArgumentScansKept(() => analyzeModel(parseDockerfile(text), options));
}

/** The protocol range of a span of the model's text. */
export function toRange(model: DockerfileModel, span: Span): Range {
  return { start: model.document.positionAt(span.start), end: model.document.positionAt(span.end) };
}

/** Protocol edits (line/character ranges) for offset edits of the model's text. */
export function toTextEdits(model: DockerfileModel, edits: readonly Edit[]): TextEdit[] {
  return edits.map((edit) => ({ range: toRange(model, edit), newText: edit.newText }));
}

/**
 * Runs every enabled rule over a parsed model. Rules that review suppressions run last, when every other rule has
 * reported and the analysis knows which suppression ids silenced something.
 */
export function analyzeModel(model: DockerfileModel, options: AnalysisOptions = {}): Analysis {
  const today = options.today ?? new Date().toISOString().slice(0, 10);
  const suppressions = options.suppressionComments === false ? [] : suppressionsOf(model);
  const used = new Set<SuppressedId>();
  const findings: ResolvedFinding[] = [];
  const failures: RuleFailure[] = [];
  const catalog: RuleCatalog = {
    find: findRule,
    standingFor: (code) => allRules.filter((candidate) => (candidate.hadolint ?? []).includes(code)),
    isEnabled: (rule) => resolveSeverity(rule, options) !== 'off',
  };
  const checks = buildkitCheckSettings(model.directives);
  const run = (rule: Rule): void => {
    const configured = resolveSeverity(rule, options);
    if (configured === 'off' || isSkippedByCheckDirective(rule, checks)) return;
    const explicit = options.ruleSeverities?.[rule.id] !== undefined;
    const raised = isRaisedByCheckDirective(rule, checks);
    const report = (finding: Report): void => {
      const suppressedBy = rule.reviewsSuppressions ? undefined : findSuppressingId(suppressions, rule, finding.at.start);
      if (suppressedBy) {
        used.add(suppressedBy);
        return;
      }
      const severity = explicit ? (configured as Severity) : raised ? 'error' : (finding.severity ?? (configured as Severity));
      const { fixes } = finding;
      const resolved: ResolvedFinding = { ...finding, fixes: typeof fixes === 'function' ? [] : (fixes ?? []), ruleId: rule.id, rule, severity, range: toRange(model, finding.at) };
      if (typeof fixes === 'function') {
        let made: readonly Fix[] | undefined;
        Object.defineProperty(resolved, 'fixes', { get: () => (made ??= fixes()), enumerable: true });
      }
      findings.push(resolved);
    };
    try {
      rule.check({ dockerfile: model, today, options: options.ruleOptions ?? {}, dockerignore: options.dockerignore, alpineData: options.alpineData, report, rules: catalog, suppressions: { all: suppressions, isUsed: (id) => used.has(id) } });
    } catch (error) {
      failures.push({ ruleId: rule.id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
    }
  };
  for (const rule of allRules) if (!rule.reviewsSuppressions) run(rule);
  for (const rule of allRules) if (rule.reviewsSuppressions) run(rule);
  findings.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
  return { model, findings, suppressions, failures };
}

/** The suppression id that silences `rule` at `offset`, or undefined. */
function findSuppressingId(suppressions: readonly Suppression[], rule: Rule, offset: number): SuppressedId | undefined {
  for (const suppression of suppressions) {
    if (!suppression.target || offset < suppression.target.start || offset >= suppression.target.end) continue;
    for (const id of suppression.ids) {
      const matches = suppression.tool === 'alpinist' ? id.id === rule.id || id.id === 'all' : (rule.hadolint ?? []).includes(id.id);
      if (matches) return id;
    }
  }
  return undefined;
}
