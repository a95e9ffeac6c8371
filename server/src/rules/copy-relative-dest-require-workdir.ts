/** Why: a relative destination lands in the base image's working directory, which this file neither states nor controls. */
import type { Instruction, Stage } from '../dockerfile/model';
import { stageChain } from '../dockerfile/model';
import { unquote } from './shared/stages';
import { defineRule } from './rule';

export default defineRule({
  id: 'copy-relative-dest-require-workdir',
  description: 'Set `WORKDIR` before a `COPY` to a relative destination.',
  defaultSeverity: 'warning',
  hadolint: ['DL3045'],
  requires: { keywords: ['COPY'] },
  check(context) {
    for (const stage of context.dockerfile.stages) {
      let workdirSet = stageChain(stage.parent).some(hasWorkdir);
      let onbuildWorkdirSet = workdirSet;
      for (const instruction of stage.instructions) {
        if (instruction.keyword === 'WORKDIR') {
          onbuildWorkdirSet = true;
          if (!instruction.isOnbuild) workdirSet = true;
          continue;
        }
        if (instruction.keyword !== 'COPY' || (instruction.isOnbuild ? onbuildWorkdirSet : workdirSet)) continue;
        const destination = instruction.destination;
        // Note: as written (`raw`), so a Windows path keeps its backslashes.
        if (!destination || !isRelative(unquote(destination.raw))) continue;
        context.report({
          at: destination,
          message: `\`${unquote(destination.raw)}\` is relative and no \`WORKDIR\` is set, so it depends on the base image's working directory.`,
        });
      }
    }
  },
});

function hasWorkdir(stage: Stage): boolean {
  return stage.instructions.some((instruction: Instruction) => instruction.keyword === 'WORKDIR' && !instruction.isOnbuild);
}

/** Relative: not `/…`, not a Windows drive (`c:\…`, `c:/…`), not a variable. */
function isRelative(path: string): boolean {
  if (path === '' || path.startsWith('/') || path.startsWith('$') || path.startsWith('\\')) return false;
  return !(path.length >= 3 && path[1] === ':' && (path[2] === '\\' || path[2] === '/'));
}
