/** Why: with several sources the destination must be a directory written with a trailing `/`, or the build fails. */
import { insertAt } from '../edits/edits';
import { unquote } from './shared/stages';
import { defineRule } from './rule';

export default defineRule({
  id: 'copy-require-dir-destination',
  description: 'End the destination with `/` when `COPY` or `ADD` has more than one source.',
  defaultSeverity: 'error',
  fixSummary: 'safe: append `/`',
  hadolint: ['DL3021'],
  requires: { keywords: ['COPY', 'ADD'] },
  check(context) {
    for (const instruction of context.dockerfile.instructions) {
      if (instruction.keyword !== 'COPY' && instruction.keyword !== 'ADD') continue;
      const destination = instruction.destination;
      if (!destination || instruction.sources.length < 2) continue;
      const path = unquote(destination.value);
      if (path.endsWith('/') || path.endsWith('\\')) continue;
      const raw = destination.raw;
      const quoted = raw.length >= 2 && (raw.endsWith('"') || raw.endsWith("'")) && raw[0] === raw[raw.length - 1];
      context.report({
        at: destination,
        message: `\`${instruction.keyword}\` with ${instruction.sources.length} sources needs a directory destination ending in \`/\`, not \`${path}\`.`,
        fixes: [{ title: `Add \`/\` to \`${path}\``, kind: 'safe', edits: [insertAt(quoted ? destination.end - 1 : destination.end, '/')] }],
      });
    }
  },
});
