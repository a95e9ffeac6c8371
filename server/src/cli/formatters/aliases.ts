/** The other names of a rule, for reports: its hadolint codes and BuildKit check names, so CI users can grep for them. */
import { findRule } from '../../rules';

export function aliasesOf(ruleId: string): string[] {
  const rule = findRule(ruleId);
  return rule ? [...(rule.hadolint ?? []), ...(rule.buildkit ?? [])] : [];
}
