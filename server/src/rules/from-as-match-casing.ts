/** Why: `FROM image as name` mixes cases in one line; BuildKit asks `AS` to follow the case of `FROM` (FromAsCasing). */
import { replace } from '../edits/edits';
import { defineRule } from './rule';

export default defineRule({
  id: 'from-as-match-casing',
  description: 'Write `AS` in the same case as `FROM`.',
  defaultSeverity: 'warning',
  fixSummary: 'safe: `as` → `AS` (or `AS` → `as` after `from`)',
  buildkit: ['FromAsCasing'],
  check(context) {
    for (const stage of context.dockerfile.stages) {
      const from = stage.from;
      const as = from?.asKeyword;
      if (!from || !as || as.raw !== as.value) continue;
      const keyword = from.keywordText;
      const isUpper = keyword === keyword.toUpperCase();
      const isLower = keyword === keyword.toLowerCase();
      // Why: a mixed-case `From` is instruction-consistent-casing's finding; BuildKit does not judge `as` then.
      if (isUpper === isLower) continue;
      const wanted = isUpper ? as.value.toUpperCase() : as.value.toLowerCase();
      if (as.value === wanted) continue;
      context.report({
        at: as,
        message: `\`${as.value}\` does not match the case of \`${keyword}\`.`,
        fixes: [{ title: `Write \`${wanted}\``, kind: 'safe', edits: [replace(as, wanted)] }],
      });
    }
  },
});
