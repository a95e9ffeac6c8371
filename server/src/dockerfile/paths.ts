/**
 * Working directories and destinations as a build sees them: WORKDIR tracking through a stage (variables expanded by
 * the resolver in `variables.ts`), and POSIX path arithmetic. Anything this cannot resolve comes back undefined.
 */
import { parseImageReference } from './image';
import type { RunInstruction, Stage } from './model';
import { expandAt } from './variables';

/** An absolute directory, or one relative to a base image whose working directory is unknown. */
export interface Directory {
  readonly isAbsolute: boolean;
  /** Normalised: no trailing slash, no `.`/`..` segments; `/` is `''` with `isAbsolute`. */
  readonly path: string;
}

/** Working directories of official base images (their Dockerfiles set `WORKDIR` or leave `/`). */
const IMAGE_WORKDIRS: ReadonlyMap<string, string> = new Map([
  ['alpine', '/'], ['python', '/'], ['node', '/'], ['ruby', '/'], ['docker', '/'], ['golang', '/go'], ['php', '/var/www/html'],
]);

/** Joins and normalises POSIX paths; undefined when `..` climbs above an unknown directory. */
export function resolvePath(base: Directory, path: string): Directory | undefined {
  const isAbsolute = path.startsWith('/') || base.isAbsolute;
  const segments = path.startsWith('/') ? [] : base.path.split('/').filter((segment) => segment !== '');
  for (const segment of path.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') {
      if (segments.length === 0) {
        if (!isAbsolute) return undefined;
        continue;
      }
      segments.pop();
      continue;
    }
    segments.push(segment);
  }
  return { isAbsolute, path: segments.join('/') };
}

/** Text for a directory: `/app`, `/` or, relative to the image's directory, `sub` / `.`. */
export function directoryText(directory: Directory): string {
  if (directory.isAbsolute) return `/${directory.path}`;
  return directory.path === '' ? '.' : directory.path;
}

/** The path of `inner` relative to `outer` (`''` when equal), or undefined when `inner` is not inside `outer`. */
export function relativeInside(outer: Directory, inner: Directory): string | undefined {
  if (outer.isAbsolute !== inner.isAbsolute) return undefined;
  if (outer.path === '') return inner.path;
  if (inner.path === outer.path) return '';
  return inner.path.startsWith(`${outer.path}/`) ? inner.path.slice(outer.path.length + 1) : undefined;
}

/** The working directory a stage starts in: its parent stage's last one, or the base image's. */
export function initialWorkdir(stage: Stage): Directory | undefined {
  if (stage.parent) return workdirAt(stage.parent, Number.POSITIVE_INFINITY);
  const reference = stage.resolvedImage === undefined ? undefined : parseImageReference(stage.resolvedImage);
  const name = reference?.repository;
  const known = name === undefined ? undefined : IMAGE_WORKDIRS.get(name);
  return known === undefined ? { isAbsolute: false, path: '' } : resolvePath({ isAbsolute: true, path: '' }, known);
}

/** The working directory in effect at `offset` in the stage; undefined when a WORKDIR cannot be resolved. */
export function workdirAt(stage: Stage, offset: number): Directory | undefined {
  let current = initialWorkdir(stage);
  for (const instruction of stage.instructions) {
    if (instruction.start >= offset || instruction.keyword !== 'WORKDIR' || instruction.isOnbuild || !current) continue;
    const expanded = expandAt(stage, instruction.start, instruction.argumentsText.trim());
    current = expanded === undefined ? undefined : resolvePath(current, expanded);
  }
  return current;
}

/** The directory a command of a RUN starts in: the RUN's WORKDIR, changed by literal `cd`s before `offset`. */
export function directoryInRun(stage: Stage, run: RunInstruction, offset: number): Directory | undefined {
  let directory = workdirAt(stage, run.start);
  for (const command of run.commands) {
    if (command.start >= offset) break;
    if (command.name !== 'cd') continue;
    const target = command.words[1]?.value;
    if (!directory || target === undefined || command.words.length !== 2 || !command.isTopLevel) return undefined;
    directory = resolvePath(directory, target);
  }
  return directory;
}
