/** Why: Docker recommends lower-case, dot-separated label keys and reserves its own namespaces; tools rely on that. */
import { labelKeyProblem } from './shared/labels';
import { defineRule } from './rule';

export default defineRule({
  id: 'label-require-valid-key',
  description: 'Write label keys in lower case with `.` and `-` separators, outside the namespaces Docker reserves.',
  defaultSeverity: 'info',
  hadolint: ['DL3048'],
  requires: { keywords: ['LABEL'] },
  check(context) {
    for (const instruction of context.dockerfile.instructions) {
      if (instruction.keyword !== 'LABEL') continue;
      for (const property of instruction.properties) {
        const problem = labelKeyProblem(property.name);
        if (problem) context.report({ at: property.nameSpan, message: `The label key \`${property.name}\` ${problem}.` });
      }
    }
  },
});
