/**
 * Working directories and destinations as a build sees them: WORKDIR tracking through a stage, `$VAR` expansion from
 * the stage's ENV and ARG values, and POSIX path arithmetic. Anything this cannot resolve comes back undefined.
 */
import { parseImageReference } from './image';
import type { InstructionModel, RunModel, Stage } from './model';

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

/** Expands `$NAME`/`${NAME}` from ENV and ARG values set before `offset` in the stage; undefined if one is unknown. */
export function expandVariables(stage: Stage, offset: number, text: string): string | undefined {
  if (!text.includes('$')) return text;
  const values = new Map<string, string>();
  for (const entry of stage.env) if (entry.offset < offset) values.set(entry.name, entry.value);
  for (const instruction of stage.instructions) {
    if (instruction.keyword !== 'ARG' || instruction.start >= offset) continue;
    for (const property of propertiesOf(instruction)) {
      const value = property.getValue();
      if (value !== null && !values.has(property.getName())) values.set(property.getName(), value);
    }
  }
  let unresolved = false;
  const expanded = text.replace(/\$\{([A-Za-z_][A-Za-z0-9_]*)\}|\$([A-Za-z_][A-Za-z0-9_]*)/g, (_match, braced: string | undefined, plain: string | undefined) => {
    const value = values.get(braced ?? plain ?? '');
    if (value === undefined || value.includes('$')) unresolved = true;
    return value ?? '';
  });
  return unresolved ? undefined : expanded.replace(/^(["'])(.*)\1$/, '$2');
}

function propertiesOf(instruction: InstructionModel): { getName(): string; getValue(): string | null }[] {
  return (instruction.ast as unknown as { getProperties?(): { getName(): string; getValue(): string | null }[] }).getProperties?.() ?? [];
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
    const argument = (instruction.ast.getArgumentsContent() ?? '').trim();
    const expanded = expandVariables(stage, instruction.start, argument);
    current = expanded === undefined ? undefined : resolvePath(current, expanded);
  }
  return current;
}

/** The directory a command of a RUN starts in: the RUN's WORKDIR, changed by literal `cd`s before `offset`. */
export function directoryInRun(stage: Stage, run: RunModel, offset: number): Directory | undefined {
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
