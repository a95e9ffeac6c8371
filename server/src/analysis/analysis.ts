/**
 * Text → Dockerfile model → findings. One call per document version; diagnostics, code actions, hovers and the
 * CLI all read its result.
 */
import { DiagnosticTag } from 'vscode-languageserver-types';
import { parseDockerfile, toRange, type DockerfileModel } from '../dockerfile/model';
import { withArgumentScansKept } from '../dockerfile/parse';
import { allRules, findRule, UNUSED_SUPPRESSION_RULE_ID } from '../rules';
import { replaceOffsets } from '../edits/edits';
import type { Finding, Report, Rule, Severity, SeveritySetting } from '../rules/rule';
import { findSuppressions, type Suppression } from './suppressions';

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
}

export interface ResolvedFinding extends Finding {
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

/** Runs every enabled rule over a parsed model. */
export function analyzeModel(model: DockerfileModel, options: AnalysisOptions = {}): Analysis {
  const today = options.today ?? new Date().toISOString().slice(0, 10);
  const suppressions = options.suppressionComments === false ? [] : findSuppressions(model);
  const used = new Set<string>();
  const findings: ResolvedFinding[] = [];
  const failures: RuleFailure[] = [];
  for (const rule of allRules) {
    const configured = resolveSeverity(rule, options);
    if (configured === 'off' || rule.id === UNUSED_SUPPRESSION_RULE_ID) continue;
    // Why: a configured severity is the user's choice (resolved at the boundary, in config/), so it overrides the
    // severity a rule picks per finding (e.g. error on a release known to lack a package), even when it equals the default.
    const explicit = options.ruleSeverities?.[rule.id] !== undefined;
    const report = (finding: Report): void => {
      const start = model.document.offsetAt(finding.range.start);
      const suppressedBy = findSuppressingId(suppressions, rule, start);
      if (suppressedBy) {
        used.add(suppressedBy);
        return;
      }
      const severity = explicit ? (configured as Severity) : (finding.severity ?? (configured as Severity));
      findings.push({ ...finding, fixes: finding.fixes ?? [], ruleId: rule.id, rule, severity });
    };
    try {
      rule.check({ dockerfile: model, today, report });
    } catch (error) {
      failures.push({ ruleId: rule.id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
    }
  }
  findings.push(...unusedSuppressionFindings(model, suppressions, used, options));
  findings.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
  return { model, findings, suppressions, failures };
}

/** Key of the suppression id that silences `rule` at `offset`, or undefined. */
function findSuppressingId(suppressions: readonly Suppression[], rule: Rule, offset: number): string | undefined {
  for (const suppression of suppressions) {
    if (!suppression.target || offset < suppression.target.start || offset >= suppression.target.end) continue;
    for (const id of suppression.ids) {
      const matches = suppression.tool === 'alpinist' ? id.id === rule.id || id.id === 'all' : (rule.hadolint ?? []).includes(id.id);
      if (matches) return `${id.start}`;
    }
  }
  return undefined;
}

function unusedSuppressionFindings(
  model: DockerfileModel,
  suppressions: readonly Suppression[],
  used: ReadonlySet<string>,
  options: AnalysisOptions,
): ResolvedFinding[] {
  const rule = findRule(UNUSED_SUPPRESSION_RULE_ID);
  if (!rule) return [];
  const severity = resolveSeverity(rule, options);
  if (severity === 'off') return [];
  const findings: ResolvedFinding[] = [];
  for (const suppression of suppressions) {
    for (const id of suppression.ids) {
      if (used.has(`${id.start}`)) continue;
      let message: string | undefined;
      if (suppression.tool === 'alpinist') {
        const target = findRule(id.id);
        if (!target && id.id !== 'all') message = `\`${id.id}\` is not an Alpinist rule, so this suppression does nothing.`;
        else if (target && resolveSeverity(target, options) !== 'off') message = `\`${id.id}\` reports nothing here, so this suppression is unused.`;
      } else {
        // Why: hadolint codes Alpinist does not implement are hadolint's business; only judge the ones we check.
        const targets = allRules.filter((candidate) => (candidate.hadolint ?? []).includes(id.id));
        if (targets.length > 0 && targets.every((target) => resolveSeverity(target, options) !== 'off')) {
          message = `\`${id.id}\` (Alpinist \`${targets.map((target) => target.id).join('`, `')}\`) reports nothing here, so this suppression is unused.`;
        }
      }
      if (!message) continue;
      findings.push({
        ruleId: rule.id,
        rule,
        severity: severity as Severity,
        range: toRange(model, id.start, id.end),
        message,
        tags: [DiagnosticTag.Unnecessary],
        fixes: [{ title: `Remove \`${id.id}\` from the suppression`, kind: 'safe', edits: [removeSuppressionId(model, suppression, id)] }],
      });
    }
  }
  return findings;
}

/** Removes one id from its list, or the whole comment line when it is the only id. */
function removeSuppressionId(model: DockerfileModel, suppression: Suppression, id: Suppression['ids'][number]) {
  if (suppression.ids.length === 1) {
    let end = suppression.end;
    if (model.text[end] === '\r') end++;
    if (model.text[end] === '\n') end++;
    return replaceOffsets(model, suppression.start, end, '');
  }
  const position = suppression.ids.indexOf(id);
  if (position < suppression.ids.length - 1) {
    return replaceOffsets(model, id.start, suppression.ids[position + 1].start, '');
  }
  const previous = suppression.ids[position - 1];
  return replaceOffsets(model, previous.end, id.end, '');
}
