/** Why: the label schema gives each label a type (URL, date, SPDX license, …) so that tools reading the labels can rely on them. */
import { LABEL_TYPE_NAMES, labelInstructions, matchesLabelType, schemaProperties } from './shared/labels';
import { defineRule } from './rule';

/** hadolint's code for each problem: DL3051 empty, then one code per value type. */
const CODES = { empty: 'DL3051', url: 'DL3052', rfc3339: 'DL3053', spdx: 'DL3054', hash: 'DL3055', semver: 'DL3056', email: 'DL3058' } as const;

export default defineRule({
  id: 'label-value-match-schema',
  description: 'Give each label of the label schema a non-empty value of its type (URL, RFC 3339 date, SPDX license, git hash, semantic version, e-mail).',
  defaultSeverity: 'warning',
  hadolint: Object.values(CODES),
  requires: { keywords: ['LABEL'] },
  check(context) {
    const schema = context.options.labelSchema;
    if (!schema) return;
    for (const instruction of labelInstructions(context.dockerfile)) {
      for (const property of schemaProperties(instruction, schema)) {
        const value = property.value ?? '';
        const at = property.valueSpan ?? property.nameSpan;
        if (value.trim() === '') {
          context.report({ at, message: `The label \`${property.name}\` is empty; the label schema requires a value.` });
          continue;
        }
        const type = schema[property.name];
        // Note: a value built from a variable (`$BUILD_DATE`) is known only at build time.
        if (value.includes('$') || matchesLabelType(type, value)) continue;
        context.report({ at, message: `The label \`${property.name}\` must be ${LABEL_TYPE_NAMES[type]}, not \`${value}\`.` });
      }
    }
  },
});
