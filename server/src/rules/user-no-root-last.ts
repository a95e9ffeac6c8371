/** Why: a container that starts as root gives any compromise of its process root on the container. */
import type { UserInstruction } from '../dockerfile/model';
import { stageChain } from '../dockerfile/model';
import { outputStages } from './shared/stages';
import { defineRule } from './rule';

export default defineRule({
  id: 'user-no-root-last',
  description: 'Do not leave `USER root` as the last user of an image: switch back to an unprivileged user.',
  defaultSeverity: 'warning',
  hadolint: ['DL3002'],
  requires: { keywords: ['USER'] },
  check(context) {
    const reported = new Set<UserInstruction>();
    for (const stage of outputStages(context.dockerfile)) {
      let last: UserInstruction | undefined;
      for (const current of stageChain(stage)) {
        for (const instruction of current.instructions) if (instruction.keyword === 'USER' && !instruction.isOnbuild) last = instruction;
        if (last) break;
      }
      if (!last || reported.has(last) || !isRoot(last)) continue;
      reported.add(last);
      const inherited = last.stage !== stage;
      context.report({
        at: last.argumentsSpan ?? last.keywordSpan,
        message: inherited
          ? `\`USER ${last.user ?? ''}\` is still the user of a later stage built on this one, so that image runs as root.`
          : `\`USER ${last.user ?? ''}\` is the last user of this stage, so its image runs as root.`,
      });
    }
  },
});

function isRoot(user: UserInstruction): boolean {
  const name = user.userName;
  return name === 'root' || name === '0';
}
