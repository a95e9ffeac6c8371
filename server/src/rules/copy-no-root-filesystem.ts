/** Why: copying `/` of another stage onto `/` overwrites the whole filesystem, `/etc/passwd` and package databases included. */
import { unquote } from './shared/stages';
import { defineRule } from './rule';

export default defineRule({
  id: 'copy-no-root-filesystem',
  description: 'Do not copy the whole filesystem of another stage onto `/`.',
  defaultSeverity: 'warning',
  hadolint: ['DL3067'],
  requires: { keywords: ['COPY'] },
  check(context) {
    for (const instruction of context.dockerfile.instructions) {
      if (instruction.keyword !== 'COPY' || instruction.from === undefined) continue;
      const destination = instruction.destination;
      if (!destination || unquote(destination.value) !== '/') continue;
      const root = instruction.sources.find((source) => unquote(source.value) === '/');
      if (!root) continue;
      context.report({ at: root, message: 'This copies the entire filesystem of another stage over `/`: copy only the directories the image needs.' });
    }
  },
});
