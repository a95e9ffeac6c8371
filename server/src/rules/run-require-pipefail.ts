/**
 * Why: a pipeline's status is its last command's, so `wget … | tar x` succeeds when the download fails unless the
 * shell runs with `-o pipefail`. BusyBox ash (Alpine's `/bin/sh`) supports `-o pipefail`, as bash and zsh do.
 */
import type { CommandInstruction, Instruction, RunInstruction, Stage } from '../dockerfile/model';
import { stageChain } from '../dockerfile/model';
import { insertAt } from '../edits/edits';
import { lineBreakAt, lineStart } from '../edits/lines';
import type { Fix } from '../edits/edits';
import { defineRule } from './rule';

const PIPEFAIL_SHELLS = new Set(['bash', 'zsh', 'ash', 'ksh', 'mksh']);
const NON_POSIX = ['pwsh', 'powershell', 'cmd'];

type ShellState = 'pipefail' | 'plain' | 'non-posix';

export default defineRule({
  id: 'run-require-pipefail',
  description: 'Set `SHELL` with `-o pipefail` before a `RUN` with a pipe, so a failing command in the pipe fails the build.',
  defaultSeverity: 'warning',
  fixSummary: 'suggestion: `SHELL ["/bin/ash", "-eo", "pipefail", "-c"]` on Alpine, bash elsewhere',
  hadolint: ['DL4006'],
  check(context) {
    const model = context.dockerfile;
    // Why first: a file without `|` has no pipe, and most files have none.
    if (!model.text.includes('|')) return;
    for (const stage of model.stages) {
      if (stage.family === 'windows') continue;
      let state = inheritedState(stage);
      let fix: Fix | undefined;
      for (const instruction of stage.instructions) {
        if (instruction.isOnbuild) continue;
        if (instruction.keyword === 'SHELL') {
          state = shellState(instruction, stage);
          continue;
        }
        if (instruction.keyword !== 'RUN' || state !== 'plain') continue;
        const pipe = firstPipe(instruction);
        if (!pipe) continue;
        fix ??= shellFix(model.text, stage, instruction);
        context.report({
          at: pipe,
          message: 'This pipe hides the failure of every command but the last: set `SHELL` with `-o pipefail` before this `RUN`.',
          fixes: fix ? [fix] : [],
        });
      }
    }
  },
});

/** The shell a stage starts with: its parent stage's last `SHELL` (the image keeps it), else the default `/bin/sh -c`. */
function inheritedState(stage: Stage): ShellState {
  for (const parent of stageChain(stage.parent)) {
    const shells = parent.instructions.filter((instruction): instruction is CommandInstruction => instruction.keyword === 'SHELL' && !instruction.isOnbuild);
    const last = shells[shells.length - 1];
    if (last) return shellState(last, parent);
  }
  return 'plain';
}

function shellState(shell: CommandInstruction, stage: Stage): ShellState {
  const words = shell.command.words.map((word) => word.value);
  const program = words[0] ?? '';
  const name = program.slice(Math.max(program.lastIndexOf('/'), program.lastIndexOf('\\')) + 1).toLowerCase();
  if (NON_POSIX.some((prefix) => name.startsWith(prefix))) return 'non-posix';
  // Note: Alpine's `/bin/sh` is BusyBox ash, which knows `-o pipefail` (hadolint accepts only bash, zsh and ash).
  const canPipefail = PIPEFAIL_SHELLS.has(name) || (name === 'sh' && stage.isAlpineLike);
  const hasOption = words.some((word, index) => word === 'pipefail' && index > 0 && isOptionFlag(words[index - 1]));
  return canPipefail && hasOption ? 'pipefail' : 'plain';
}

/** `-o`, `-eo`, `-euxo`: a short-option bundle ending in `o`, which takes the option name next. */
function isOptionFlag(word: string): boolean {
  return word.length >= 2 && word.startsWith('-') && !word.startsWith('--') && word.endsWith('o');
}

/** The commands of the first pipeline, unless the RUN turned `pipefail` on itself before it. */
function firstPipe(run: RunInstruction): { start: number; end: number } | undefined {
  const commands = run.commands;
  for (let index = 0; index < commands.length; index++) {
    const command = commands[index];
    if (command.name === 'set' && command.words.some((word, position) => word.value === 'pipefail' && position > 0 && isOptionFlag(command.words[position - 1].value ?? ''))) return undefined;
    if (command.separatorAfter !== '|') continue;
    let last = index + 1;
    while (last < commands.length - 1 && commands[last].separatorAfter === '|') last++;
    last = Math.min(last, commands.length - 1);
    // Note: `echo "$SHA *file" | sha256sum -c -` has no failure to hide: only the last command can fail.
    const hidden = commands.slice(index, last);
    if (hidden.every((piped) => piped.name === 'echo' || piped.name === 'printf')) {
      index = last;
      continue;
    }
    return { start: command.start, end: commands[last].end };
  }
  return undefined;
}

/** Inserts a `SHELL` line with pipefail above the first RUN with a pipe: ash on Alpine, bash on Debian and RHEL families. */
function shellFix(text: string, stage: Stage, run: Instruction): Fix | undefined {
  const shell = stage.isAlpineLike ? '/bin/ash' : stage.family === 'debian' || stage.family === 'rhel' ? '/bin/bash' : undefined;
  if (!shell) return undefined;
  const start = lineStart(text, run.start);
  const indent = text.slice(start, run.start);
  return {
    title: `Add \`SHELL ["${shell}", "-eo", "pipefail", "-c"]\``,
    kind: 'suggestion',
    edits: [insertAt(start, `${indent}SHELL ["${shell}", "-eo", "pipefail", "-c"]${lineBreakAt(text, run.start)}`)],
  };
}
