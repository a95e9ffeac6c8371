/** The rule registry: one import and one list entry per rule. */
import apkPreferNoCache from './apk-prefer-no-cache';
import noUnusedSuppression from './no-unused-suppression';
import type { Rule } from './rule';

export const allRules: readonly Rule[] = [
  apkPreferNoCache,
  noUnusedSuppression,
];

export const UNUSED_SUPPRESSION_RULE_ID = noUnusedSuppression.id;

const byId = new Map(allRules.map((rule) => [rule.id, rule]));

export function findRule(id: string): Rule | undefined {
  return byId.get(id);
}
