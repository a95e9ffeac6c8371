/**
 * Why: in shell form the command runs as a child of `/bin/sh -c`, which does not pass on signals: `docker stop` waits
 * its timeout and kills the process. JSON (exec) form makes the command itself PID 1.
 */
import { stageChain, type CommandLine, type Instruction } from '../dockerfile/model';
import { replace } from '../edits/edits';
import { defineRule } from './rule';

export default defineRule({
  id: 'cmd-prefer-json-form',
  description: 'Write `CMD`, `ENTRYPOINT` and `HEALTHCHECK CMD` in JSON (exec) form.',
  defaultSeverity: 'warning',
  fixSummary: 'suggestion: JSON form, for commands without shell syntax',
  hadolint: ['DL3025'],
  buildkit: ['JSONArgsRecommended'],
  requires: { keywords: ['CMD', 'ENTRYPOINT', 'HEALTHCHECK'] },
  check(context) {
    for (const instruction of context.dockerfile.instructions) {
      const command = commandOf(instruction);
      if (!command || command.form !== 'shell' || !command.span || command.words.length === 0) continue;
      // BuildKit (JSONArgsRecommended, dockerfile2llb dispatchCmd/dispatchEntrypoint) stays silent once the image's
      // shell was changed: the command then runs under that shell, not `/bin/sh -c`. hadolint's DL3025 reports it anyway.
      if (instruction.keyword !== 'HEALTHCHECK' && !instruction.isOnbuild && shellChangedBefore(instruction)) continue;
      const plain = command.words.every((word) => isPlainWord(word.raw));
      const name = instruction.keyword === 'HEALTHCHECK' ? 'HEALTHCHECK CMD' : instruction.keyword;
      const json = `[${command.words.map((word) => JSON.stringify(word.raw)).join(', ')}]`;
      context.report({
        at: command.span,
        message:
          instruction.keyword === 'HEALTHCHECK'
            ? '`HEALTHCHECK CMD` in shell form needs `/bin/sh` in the image and starts a shell for every check: use JSON form.'
            : `\`${name}\` in shell form runs under \`/bin/sh -c\`, which does not forward signals: use JSON form.`,
        fixes: plain ? [{ title: `Write as ${json}`, kind: 'suggestion', edits: [replace(command.span, json)] }] : [],
      });
    }
  },
});

/** True when a SHELL instruction (not an ONBUILD trigger) runs before `instruction` in its stage or a stage it builds on. */
function shellChangedBefore(instruction: Instruction): boolean {
  return stageChain(instruction.stage).some((stage) =>
    stage.instructions.some((other) => other.keyword === 'SHELL' && !other.isOnbuild && (stage !== instruction.stage || other.start < instruction.start)),
  );
}

function commandOf(instruction: Instruction): CommandLine | undefined {
  if (instruction.keyword === 'CMD' || instruction.keyword === 'ENTRYPOINT') return instruction.command;
  if (instruction.keyword === 'HEALTHCHECK') return instruction.command;
  return undefined;
}

/** A word the shell passes on unchanged: no quotes, variables, globs, redirections or operators. */
function isPlainWord(raw: string): boolean {
  if (raw === '') return false;
  for (const character of raw) {
    const plain = (character >= 'a' && character <= 'z') || (character >= 'A' && character <= 'Z') || (character >= '0' && character <= '9') || '-_./:=,@%+'.includes(character);
    if (!plain) return false;
  }
  return true;
}
