/**
 * Why: in the legacy `ENV key value` form everything after the first blank is one value, so `ENV A 1 B 2` sets `A`
 * to `1 B 2`; the `key=value` form says where each value ends and allows several per line (LegacyKeyValueFormat).
 */
import type { Property } from '../dockerfile/instructions';
import { replace, type Edit } from '../edits/edits';
import { defineRule } from './rule';

/** Characters that make wrapping a value in double quotes change its meaning. */
const QUOTING = '"\'\\`\r\n';

/** The edits turning `key value` into `key=value`, quoting a value with blanks; undefined when that is not mechanical. */
function equalsForm(property: Property, text: string, escapeChar: string): Edit[] | undefined {
  const { valueSpan, rawValue } = property;
  if (!valueSpan || rawValue === undefined) return undefined;
  const separator = text.slice(property.nameSpan.end, valueSpan.start);
  if (separator.includes('\n') || separator.includes('\r') || separator.includes(escapeChar)) return undefined;
  const edits = [replace({ start: property.nameSpan.end, end: valueSpan.start }, '=')];
  if (!rawValue.includes(' ') && !rawValue.includes('\t')) return edits;
  const first = rawValue[0];
  const isOneQuotedWord = (first === '"' || first === "'") && rawValue.indexOf(first, 1) === rawValue.length - 1;
  if (isOneQuotedWord) return edits;
  if ([...rawValue].some((character) => QUOTING.includes(character) || character === escapeChar)) return undefined;
  edits.push(replace(valueSpan, `"${rawValue}"`));
  return edits;
}

export default defineRule({
  id: 'key-value-prefer-equals',
  description: 'Write `ENV` and `LABEL` as `key=value`, not the legacy `key value`.',
  defaultSeverity: 'warning',
  fixSummary: 'safe: `ENV key value` → `ENV key=value` (quoted when the value has blanks)',
  buildkit: ['LegacyKeyValueFormat'],
  requires: { keywords: ['ENV', 'LABEL'] },
  check(context) {
    const model = context.dockerfile;
    for (const instruction of model.instructions) {
      if (instruction.keyword !== 'ENV' && instruction.keyword !== 'LABEL') continue;
      for (const property of instruction.properties) {
        if (property.operator !== ' ') continue;
        const keyword = instruction.keyword;
        context.report({
          at: property,
          message: `\`${keyword} ${property.name} …\` uses the legacy form, in which everything after \`${property.name}\` is one value; write \`${keyword} ${property.name}=…\`.`,
          // Why built when read: this rule reports more than any other on real files, and only code actions and `--fix` read fixes.
          fixes: () => {
            const edits = equalsForm(property, model.text, model.escapeChar);
            return edits ? [{ title: `Write \`${property.name}=…\``, kind: 'safe', edits }] : [];
          },
        });
      }
    }
  },
});
