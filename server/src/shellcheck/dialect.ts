/**
 * Which shell runs a RUN, as ShellCheck names it. Docker runs shell-form RUNs with the stage's `SHELL` (inherited
 * from the stage it builds on), else `/bin/sh -c`. On Alpine `/bin/sh` is BusyBox ash, which ShellCheck checks as
 * `busybox` from version 0.10.0 (the runner falls back to `sh` for older versions).
 */
import { stageChain, type Stage } from '../dockerfile/model';

export type Dialect = 'sh' | 'bash' | 'dash' | 'ksh' | 'busybox';

/** The dialect of a RUN at `offset` of `stage`; undefined when the shell is not one ShellCheck reads (PowerShell, zsh). */
export function dialectAt(stage: Stage | undefined, offset: number): Dialect | undefined {
  const isAlpine = stage?.isAlpineLike === true;
  for (const current of stageChain(stage)) {
    let shell: string | undefined;
    for (const instruction of current.instructions) {
      if (instruction.start >= offset) break;
      if (instruction.keyword === 'SHELL' && !instruction.isOnbuild) shell = instruction.command.words[0]?.value ?? '';
    }
    if (shell !== undefined) return dialectOfInterpreter(shell.slice(shell.lastIndexOf('/') + 1), isAlpine);
  }
  if (stage?.family === 'windows') return undefined;
  return isAlpine ? 'busybox' : 'sh';
}

/** The dialect of a shell program by name (`bash`, `sh`, `ash` …); `sh` is BusyBox ash on Alpine. */
export function dialectOfInterpreter(name: string, isAlpine: boolean): Dialect | undefined {
  switch (name) {
    case 'sh': return isAlpine ? 'busybox' : 'sh';
    case 'ash': case 'busybox': return 'busybox';
    case 'bash': return 'bash';
    case 'dash': return 'dash';
    case 'ksh': case 'mksh': case 'ksh93': return 'ksh';
    default: return undefined;
  }
}
