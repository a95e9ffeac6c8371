/**
 * Text → Dockerfile model → findings. One call per document version; diagnostics, code actions, hovers and the
 * CLI all read its result.
 */
import type { Range, TextEdit } from 'vscode-languageserver-types';
import { outlineOf, parseDockerfile, type DockerfileModel, type ModelOutline } from '../dockerfile/model';
import { withArgumentScansKept } from '../dockerfile/parse';
import type { Edit, Fix } from '../edits/edits';
import { suppressionsOf, type SuppressedId, type Suppression } from '../dockerfile/pragmas';
import { buildkitCheckSettings, isRaisedByCheckDirective, isSkippedByCheckDirective } from './buildkitChecks';
import { allRules, findRule } from '../rules';
import type { Finding, Report, Rule, RuleCatalog, RuleContext, RuleOptions, Severity, SeveritySetting, SuppressionUsage } from '../rules/rule';
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
  /** Runs rules also on files without what their `requires` names (tests compare the findings with and without). */
  readonly ignoreRequirements?: boolean;
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
  const suppressions = options.suppressionComments === false ? [] : suppressionsOf(model);
  const used = new Set<SuppressedId>();
  const lint: LintRun = {
    model,
    today: options.today ?? new Date().toISOString().slice(0, 10),
    ruleOptions: options.ruleOptions ?? {},
    dockerignore: options.dockerignore,
    alpineData: options.alpineData,
    catalog: {
      find: findRule,
      standingFor: (code) => allRules.filter((candidate) => (candidate.hadolint ?? []).includes(code)),
      isEnabled: (rule) => resolveSeverity(rule, options) !== 'off',
    },
    suppressions: { all: suppressions, isUsed: (id) => used.has(id) },
    used,
    findings: [],
  };
  const failures: RuleFailure[] = [];
  const checks = buildkitCheckSettings(model.directives);
  let outline: ModelOutline | undefined;
  const run = (rule: Rule): void => {
    const configured = resolveSeverity(rule, options);
    if (configured === 'off' || isSkippedByCheckDirective(rule, checks)) return;
    if (rule.requires && !options.ignoreRequirements && !meetsRequirements(rule.requires, (outline ??= outlineOf(model)))) return;
    // Note: a configured severity is taken at face value; `# check=error=true` raises the rule's findings to errors.
    const fixed = options.ruleSeverities?.[rule.id] !== undefined ? configured : isRaisedByCheckDirective(rule, checks) ? 'error' : undefined;
    try {
      rule.check(new RuleRun(lint, rule, configured, fixed));
    } catch (error) {
      failures.push({ ruleId: rule.id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
    }
  };
  for (const rule of allRules) if (!rule.reviewsSuppressions) run(rule);
  for (const rule of allRules) if (rule.reviewsSuppressions) run(rule);
  const findings = lint.findings;
  findings.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
  return { model, findings, suppressions, failures };
}

/** True when the file has one of the programs or keywords a rule requires. */
function meetsRequirements(requires: NonNullable<Rule['requires']>, outline: ModelOutline): boolean {
  const { programs, keywords } = requires;
  return (programs !== undefined && programs.some((name) => runsProgram(outline, name))) || (keywords !== undefined && keywords.some((keyword) => outline.keywords.has(keyword)));
}

/** True when a command runs `name`, or a program whose name starts with `prefix` for `prefix*`. */
function runsProgram(outline: ModelOutline, name: string): boolean {
  if (!name.endsWith('*')) return outline.programs.has(name);
  const prefix = name.slice(0, -1);
  for (const program of outline.programs) if (program.startsWith(prefix)) return true;
  return false;
}

/** What every rule of one analysis shares. */
interface LintRun {
  readonly model: DockerfileModel;
  readonly today: string;
  readonly ruleOptions: RuleOptions;
  readonly dockerignore: string | undefined;
  readonly alpineData: AlpineDataView | undefined;
  readonly catalog: RuleCatalog;
  readonly suppressions: SuppressionUsage;
  readonly used: Set<SuppressedId>;
  readonly findings: ResolvedFinding[];
}

/**
 * The context one rule checks a model with.
 * Why a class with `report` on its prototype: a context of closures made six objects per rule and lint, about 40 KB
 * of garbage per file whatever its size (a hundred rules), which set the cost of linting small files.
 */
class RuleRun implements RuleContext {
  constructor(
    private readonly lint: LintRun,
    private readonly rule: Rule,
    /** The rule's severity as configured (not `off`). */
    private readonly configured: SeveritySetting,
    /** The severity every finding gets, whatever the rule picks: a configured one, or `error` from `# check=error=true`. */
    private readonly fixed: SeveritySetting | undefined,
  ) {}

  // Why getters over the shared lint state: four fields per context instead of eleven, for some 60 contexts per file.
  get dockerfile(): DockerfileModel {
    return this.lint.model;
  }

  get today(): string {
    return this.lint.today;
  }

  get options(): RuleOptions {
    return this.lint.ruleOptions;
  }

  get dockerignore(): string | undefined {
    return this.lint.dockerignore;
  }

  get alpineData(): AlpineDataView | undefined {
    return this.lint.alpineData;
  }

  get rules(): RuleCatalog {
    return this.lint.catalog;
  }

  get suppressions(): SuppressionUsage {
    return this.lint.suppressions;
  }

  report(finding: Report): void {
    const { lint, rule } = this;
    const suppressedBy = rule.reviewsSuppressions ? undefined : findSuppressingId(lint.suppressions.all, rule, finding.at.start);
    if (suppressedBy) {
      lint.used.add(suppressedBy);
      return;
    }
    const severity = (this.fixed ?? finding.severity ?? this.configured) as Severity;
    const { at, message, fixes } = finding;
    const range = toRange(lint.model, at);
    // Why literals with the fields named (no spread, no property defined afterwards): every finding then has one of a
    // few shapes, which keeps the code that reads them fast; a spread of each rule's report, then a getter defined on
    // the copy, made every finding an object of its own shape.
    let resolved: { -readonly [K in keyof ResolvedFinding]: ResolvedFinding[K] };
    if (typeof fixes === 'function') {
      let made: readonly Fix[] | undefined;
      resolved = {
        ruleId: rule.id, at, message, severity, range, rule,
        get fixes() {
          return (made ??= fixes());
        },
      };
    } else {
      resolved = { ruleId: rule.id, at, message, severity, range, rule, fixes: fixes ?? [] };
    }
    if (finding.tags !== undefined) resolved.tags = finding.tags;
    if (finding.docsUrl !== undefined) resolved.docsUrl = finding.docsUrl;
    lint.findings.push(resolved);
  }
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
