/**
 * Why: a relative WORKDIR is resolved against the working directory of the base image, which the Dockerfile does not
 * control and which can change with a new base image (BuildKit WorkdirRelativePath, hadolint DL3000).
 */
import { stageChain } from '../dockerfile/model';
import { expandAt } from '../dockerfile/variables';
import { replace } from '../edits/edits';
import { defineRule } from './rule';

/** `/x`, and Windows paths (`C:\`, `C:/`, `\x`) which are absolute on Windows images. */
function isAbsolute(path: string): boolean {
  if (path.startsWith('/') || path.startsWith('\\')) return true;
  const drive = path.charCodeAt(0) | 0x20;
  return path.length >= 2 && drive >= 0x61 && drive <= 0x7a && path[1] === ':';
}

export default defineRule({
  id: 'workdir-require-absolute',
  description: 'Make the first `WORKDIR` of a stage an absolute path.',
  defaultSeverity: 'warning',
  fixSummary: 'suggestion: prefix the path with `/`',
  hadolint: ['DL3000'],
  buildkit: ['WorkdirRelativePath'],
  requires: { keywords: ['WORKDIR'] },
  check(context) {
    for (const stage of context.dockerfile.stages) {
      // Why: BuildKit reports only the first WORKDIR of a stage and the stages it builds on; a relative one after an
      // absolute one is resolved against a directory this file set.
      const inherited = stageChain(stage).slice(1).some((parent) => parent.instructions.some((instruction) => instruction.keyword === 'WORKDIR' && !instruction.isOnbuild));
      if (inherited) continue;
      const first = stage.instructions.find((instruction) => instruction.keyword === 'WORKDIR' && !instruction.isOnbuild);
      if (first?.keyword !== 'WORKDIR') continue;
      const written = first.path;
      if (written === undefined) continue;
      const path = expandAt(stage, first.start, written);
      if (path === undefined || path === '' || isAbsolute(path)) continue;
      const token = first.arguments[0];
      const fixes = token && first.arguments.length === 1 && token.raw === written && !written.includes('$') && written[0] !== '"' && written[0] !== "'"
        ? [{ title: `Make it \`/${written}\``, kind: 'suggestion' as const, edits: [replace({ start: token.start, end: token.start }, '/')] }]
        : [];
      context.report({
        at: first.argumentsSpan ?? first.keywordSpan,
        message: `\`WORKDIR ${written}\` is relative to the base image's working directory, which this Dockerfile does not set; use an absolute path.`,
        fixes,
      });
    }
  },
});
