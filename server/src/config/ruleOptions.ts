/**
 * The vocabulary shared by flags and config files: rule references (an Alpinist id or a hadolint code),
 * severities and failure thresholds, including the hadolint spellings (`style`, `ignore`).
 */
import { allRules, findRule } from '../rules';
import type { Rule, Severity } from '../rules/rule';
/** The lowest severity that fails a run, or `none`. */
export type Threshold = Severity | 'none';

/** hadolint's own rules (DL…) and the ShellCheck codes it reports (SC…). */
const HADOLINT_CODE = /^(DL|SC)\d{4}$/;

export const SEVERITY_RANK: Record<Severity, number> = { hint: 0, info: 1, warning: 2, error: 3 };

/**
 * The rules `reference` names. A hadolint code maps to the whole Alpinist rule that stands for it (DL3006 and
 * DL3007 both name `from-require-pinned-tag`). A hadolint code Alpinist does not implement names no rule, which
 * is not an error: hadolint configs list many of them. Undefined for anything else.
 */
export function resolveRuleReference(reference: string): readonly Rule[] | undefined {
  const rule = findRule(reference);
  if (rule) return [rule];
  if (!HADOLINT_CODE.test(reference)) return undefined;
  return allRules.filter((candidate) => (candidate.hadolint ?? []).includes(reference));
}

export function listRuleIds(): string {
  return allRules.map((rule) => rule.id).join(', ');
}

/** A failure threshold; hadolint's `style` is Alpinist's `hint`, its `ignore` means never fail. */
export function parseThreshold(value: string): Threshold | undefined {
  if (value === 'style') return 'hint';
  if (value === 'ignore' || value === 'none') return 'none';
  // Why `hasOwn` and not `in`: `toString` and `constructor` are `in` every object.
  return Object.hasOwn(SEVERITY_RANK, value) ? (value as Severity) : undefined;
}

/** True when `severity` reaches `threshold`. */
export function meetsThreshold(severity: Severity, threshold: Threshold): boolean {
  return threshold !== 'none' && SEVERITY_RANK[severity] >= SEVERITY_RANK[threshold];
}
