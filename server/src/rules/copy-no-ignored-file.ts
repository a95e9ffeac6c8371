/**
 * Why: files the `.dockerignore` excludes are not sent to the builder, so a COPY or ADD of one fails or copies
 * nothing (BuildKit CopyIgnoredFile).
 */
import { cleanPath, isIgnored, parseDockerignore } from '../dockerfile/dockerignore';
import { defineRule } from './rule';

const GLOB = ['*', '?', '['];

export default defineRule({
  id: 'copy-no-ignored-file',
  description: 'Do not `COPY` or `ADD` files the `.dockerignore` excludes from the build context.',
  defaultSeverity: 'warning',
  buildkit: ['CopyIgnoredFile'],
  requires: { keywords: ['COPY', 'ADD'] },
  check(context) {
    if (context.dockerignore === undefined) return;
    const patterns = parseDockerignore(context.dockerignore);
    if (patterns.length === 0) return;
    for (const instruction of context.dockerfile.instructions) {
      if ((instruction.keyword !== 'COPY' && instruction.keyword !== 'ADD') || instruction.isOnbuild || !instruction.isFromContext) continue;
      for (const source of instruction.sources) {
        const path = source.value;
        // Why: a variable's value, a wildcard's matches and the whole context (`.`) are not one known path.
        if (path.includes('$') || GLOB.some((character) => path.includes(character)) || path.startsWith('--')) continue;
        const clean = cleanPath(path);
        if (clean === '.') continue;
        if (!isIgnored(patterns, clean)) continue;
        // Why: a `!` pattern may send files inside an excluded directory; then the COPY still finds them.
        const prefix = `${clean}/`;
        if (patterns.some((pattern) => pattern.exclusion && (pattern.text.startsWith(prefix) || GLOB.some((character) => pattern.text.includes(character))))) continue;
        context.report({
          at: source,
          message: `\`${path}\` is excluded by the .dockerignore, so it is not in the build context and ${instruction.keyword} cannot find it.`,
        });
      }
    }
  },
});
