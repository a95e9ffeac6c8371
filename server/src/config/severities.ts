/**
 * Severities, resolved once: every source the user can set a rule's severity in (the editor's `alpinist.rules`,
 * `.alpinist.yaml` / `.hadolint.yaml` `override`, `ignored` and `rules`, the CLI's `--rule` and `--ignore`) writes
 * into a `SeverityTable` through `setSeverity`, which knows the rule references (ids and hadolint codes) and the
 * spellings; `combineSeverities` stacks the sources in their precedence. The result is
 * `AnalysisOptions.ruleSeverities`, which the analysis takes at face value: a listed severity wins even when it equals
 * the rule's default, an unlisted rule runs at its default. Only what the user set is listed; the VS Code client
 * forwards only the settings the user made (client/src/settings.ts), so no default is ever mistaken for a choice.
 */
import { SEVERITY_SETTINGS, type Severity, type SeveritySetting } from '../rules/rule';
import { isShellCheckCode, resolveRuleReference } from './ruleReferences';

/** Explicit severities by Alpinist rule id. */
export type RuleSeverities = Readonly<Record<string, SeveritySetting>>;

/** Severities one source collects, in the order the user wrote them: the last setting for a rule wins. */
export type SeverityTable = Record<string, SeveritySetting>;

/** The lowest severity that fails a run, or `none`. */
export type Threshold = Severity | 'none';

export const SEVERITY_RANK: Readonly<Record<Severity, number>> = { hint: 0, info: 1, warning: 2, error: 3 };

/** hadolint's `override` levels; its `style` is Alpinist's `hint`. */
const HADOLINT_LEVELS: Readonly<Record<string, Severity>> = { error: 'error', warning: 'warning', info: 'info', style: 'hint' };

/** `value` as a severity setting (`off`, `hint`, `info`, `warning`, `error`), or undefined. */
export function parseSeveritySetting(value: unknown): SeveritySetting | undefined {
  return typeof value === 'string' && (SEVERITY_SETTINGS as readonly string[]).includes(value) ? (value as SeveritySetting) : undefined;
}

/** A level of hadolint's `override` (`error`, `warning`, `info`, `style`) as a severity, or undefined. */
export function parseHadolintLevel(level: string): Severity | undefined {
  return Object.hasOwn(HADOLINT_LEVELS, level) ? HADOLINT_LEVELS[level] : undefined;
}

/**
 * Sets `severity` for every rule `reference` names (an id, or a hadolint code with all the rules that stand for it), or
 * for one ShellCheck code (`SC2086`), which the rule `shellcheck` reads per finding. Returns false, setting nothing,
 * when the reference names neither; a hadolint code Alpinist does not implement is accepted and sets nothing.
 */
export function setSeverity(table: SeverityTable, reference: string, severity: SeveritySetting): boolean {
  // Why: a ShellCheck code is one check of the rule `shellcheck`; its setting is kept under the code itself and
  // applied to that code's findings only (`--ignore SC2086`, `override: { error: [SC2154] }`), as hadolint does.
  if (isShellCheckCode(reference)) {
    table[reference] = severity;
    return true;
  }
  const rules = resolveRuleReference(reference);
  if (!rules) return false;
  for (const rule of rules) table[rule.id] = severity;
  return true;
}

/**
 * The severities to lint with, from the sources lowest precedence first (each later one wins rule by rule): the
 * config file, then the editor's settings or the command line's flags. Undefined sources are skipped.
 */
export function combineSeverities(...sources: readonly (RuleSeverities | undefined)[]): RuleSeverities {
  const combined: SeverityTable = {};
  for (const source of sources) if (source) Object.assign(combined, source);
  return combined;
}

/** A failure threshold; hadolint's `style` is Alpinist's `hint`, its `ignore` means never fail. */
export function parseThreshold(value: string): Threshold | undefined {
  if (value === 'style') return 'hint';
  if (value === 'ignore' || value === 'none') return 'none';
  // Why own properties only: `toString` or `constructor` are keys of every object, and no threshold.
  return Object.hasOwn(SEVERITY_RANK, value) ? (value as Severity) : undefined;
}

/** True when `severity` reaches `threshold`. */
export function meetsThreshold(severity: Severity, threshold: Threshold): boolean {
  return threshold !== 'none' && SEVERITY_RANK[severity] >= SEVERITY_RANK[threshold];
}
