/** Why: some teams keep every exception in the config file, where it is reviewed once, not in comments across files. */
import { suppressionsOf } from '../dockerfile/pragmas';
import { defineRule } from './rule';

export default defineRule({
  id: 'pragma-no-inline-ignore',
  description: 'Keep rule exceptions in the configuration file rather than in inline `ignore=` comments.',
  defaultSeverity: 'off',
  hadolint: ['DL1001'],
  check(context) {
    for (const suppression of suppressionsOf(context.dockerfile)) {
      if (suppression.scope !== 'next') continue;
      context.report({
        at: { start: suppression.start, end: suppression.end },
        message: `Inline \`# ${suppression.tool} ignore=\` comment: keep rule exceptions in the configuration file.`,
      });
    }
  },
});
