/**
 * How the user names rules in flags, settings and config files: an Alpinist id, or a hadolint code that stands for
 * one or more Alpinist rules.
 */
import { allRules, findRule } from '../rules';
import type { Rule } from '../rules/rule';

export { isShellCheckCode } from '../rules/shared/shellCheckCodes';

/** hadolint's own rules (DL…) and the ShellCheck codes it reports (SC…). */
const HADOLINT_CODE = /^(DL|SC)\d{4}$/;

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
