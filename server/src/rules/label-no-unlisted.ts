/** Why: with `strict-labels`, a team allows only the labels its schema lists, so a misspelt key does not slip through. */
import { labelInstructions } from './shared/labels';
import { defineRule } from './rule';

export default defineRule({
  id: 'label-no-unlisted',
  description: 'With `strict-labels`, set only labels that the label schema lists.',
  defaultSeverity: 'info',
  hadolint: ['DL3050'],
  requires: { keywords: ['LABEL'] },
  check(context) {
    const schema = context.options.labelSchema;
    if (!context.options.strictLabels || !schema) return;
    for (const instruction of labelInstructions(context.dockerfile)) {
      for (const property of instruction.properties) {
        if (Object.prototype.hasOwnProperty.call(schema, property.name) || property.name.includes('$')) continue;
        context.report({ at: property.nameSpan, message: `The label \`${property.name}\` is not in the label schema, and strict labels allow no others.` });
      }
    }
  },
});
