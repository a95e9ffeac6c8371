/**
 * Which programs later instructions run, and so which packages they need: the commands of a stage's later RUNs
 * (after a point, the rest of the same RUN included), every RUN of the stages built on it, and the programs the
 * container starts (CMD, ENTRYPOINT and HEALTHCHECK in effect, through wrappers such as `tini --` or `su-exec user`).
 * Rules that delete packages, and the split's runtime stage, ask this before leaving a package out.
 */
import { programName } from '../knowledge/shells';
import { programsLostWith } from '../knowledge/packagePrograms';
import { memoOn } from '../util/memo';
import { prefixLength } from '../util/prefixLength';
import type { Span } from '../util/span';
import { parseImageReference } from './image';
import { stageChain, type Stage } from './model';

export type UseKind = 'RUN' | 'CMD' | 'ENTRYPOINT' | 'HEALTHCHECK';

/** One program run by an instruction. */
export interface ProgramUse {
  /** The program's base name (`/sbin/tini` → `tini`). */
  readonly program: string;
  readonly kind: UseKind;
  /** The word that names the program. */
  readonly at: Span;
  readonly stage: Stage;
}

/** Programs that start another program given after their options: `tini -- app`, `su-exec user app`, `env A=1 app`. */
const WRAPPERS: ReadonlyMap<string, number> = new Map([
  ['tini', 0], ['dumb-init', 0], ['env', 0], ['exec', 0], ['nice', 0], ['nohup', 0], ['su-exec', 1], ['gosu', 1], ['s6-setuidgid', 1],
]);

/** Programs the official `python` and `node` images install themselves (under /usr/local), so no apk package holds them. */
const IMAGE_PROGRAMS: ReadonlyMap<string, ReadonlySet<string>> = new Map([
  ['python', new Set(['python', 'python3', 'pip', 'pip3'])],
  ['node', new Set(['node', 'npm', 'npx', 'yarn', 'corepack'])],
]);

interface Word extends Span {
  readonly value: string | undefined;
}

/** The programs a command line starts: its first word and, behind a wrapper, the program the wrapper runs. */
function programsOfLine(words: readonly Word[]): Word[] {
  const found: Word[] = [];
  let index = 0;
  while (index < words.length && found.length < 4) {
    const word = words[index];
    if (word.value === undefined) break;
    const name = programName(word.value);
    found.push(word);
    const skip = WRAPPERS.get(name);
    if (skip === undefined) break;
    index++;
    while (index < words.length && (words[index].value ?? '').startsWith('-')) index++;
    while (name === 'env' && index < words.length && (words[index].value ?? '').includes('=')) index++;
    index += skip;
  }
  return found;
}

interface StageUses {
  /** RUN uses of the stage's own plain RUNs by program, in document order. */
  readonly runs: Map<string, ProgramUse[]>;
  /** Starts of the uses in `runs`, in the same order. */
  readonly starts: Map<string, number[]>;
  /** Programs the stage's container starts. */
  readonly container: ProgramUse[];
}

const USES = Symbol('program uses');

function usesOf(stage: Stage): StageUses {
  return memoOn(stage, USES, (): StageUses => {
    const runs = new Map<string, ProgramUse[]>();
    const starts = new Map<string, number[]>();
    for (const run of stage.runs) {
      if (run.isOnbuild) continue;
      for (const command of run.commands) {
        for (const word of programsOfLine(command.words)) {
          const program = programName(word.value ?? '');
          let list = runs.get(program);
          if (!list) {
            runs.set(program, (list = []));
            starts.set(program, []);
          }
          list.push({ program, kind: 'RUN', at: word, stage });
          starts.get(program)?.push(word.start);
        }
      }
    }
    return { runs, starts, container: containerUses(stage) };
  });
}

/** The programs the container of `stage` starts: the CMD, ENTRYPOINT and HEALTHCHECK in effect in its stage chain. */
export function containerUses(stage: Stage): ProgramUse[] {
  const uses: ProgramUse[] = [];
  const seen = new Set<string>();
  for (const current of stageChain(stage)) {
    for (let index = current.instructions.length - 1; index >= 0; index--) {
      const instruction = current.instructions[index];
      if (instruction.isOnbuild || seen.has(instruction.keyword)) continue;
      if (instruction.keyword !== 'CMD' && instruction.keyword !== 'ENTRYPOINT' && instruction.keyword !== 'HEALTHCHECK') continue;
      seen.add(instruction.keyword);
      const line = instruction.command;
      if (!line) continue;
      for (const word of programsOfLine(line.words)) uses.push({ program: programName(word.value ?? ''), kind: instruction.keyword, at: word, stage: current });
    }
  }
  return uses;
}

/** Programs the root image of the stage chain provides without apk (official `python` and `node` images). */
function imagePrograms(stage: Stage): ReadonlySet<string> | undefined {
  return memoOn(stage, IMAGE_PROGRAMS_OF, () => readImagePrograms(stage));
}

const IMAGE_PROGRAMS_OF = Symbol('programs of the root image');

function readImagePrograms(stage: Stage): ReadonlySet<string> | undefined {
  const root = stageChain(stage).at(-1);
  const reference = root?.resolvedImage === undefined ? undefined : parseImageReference(root.resolvedImage);
  if (!reference) return undefined;
  const repository = reference.repository.startsWith('library/') ? reference.repository.slice('library/'.length) : reference.repository;
  const registry = reference.registry;
  if (registry !== undefined && registry !== 'docker.io' && registry !== 'index.docker.io') return undefined;
  return IMAGE_PROGRAMS.get(repository);
}

/**
 * The first use of one of `programs` after `offset` in `stage`: a later command of its RUNs, then a RUN of a stage
 * built on it, then a program its container (or such a stage's container) starts. Undefined when none runs them.
 */
export function firstUseAfter(stage: Stage, offset: number, programs: readonly string[]): ProgramUse | undefined {
  if (programs.length === 0) return undefined;
  const provided = imagePrograms(stage);
  const wanted = provided ? programs.filter((program) => !provided.has(program)) : programs;
  if (wanted.length === 0) return undefined;
  const own = usesOf(stage);
  let best: ProgramUse | undefined;
  for (const program of wanted) {
    const starts = own.starts.get(program);
    if (!starts) continue;
    const before = prefixLength(starts, (start) => start <= offset);
    const use = own.runs.get(program)?.[before];
    if (use && (!best || use.at.start < best.at.start)) best = use;
  }
  if (best) return best;
  // Why: most stages have no stage built on them, and then only their own container is left to ask.
  if (stage.children.length === 0) return own.container.find((item) => wanted.includes(item.program));
  const wantedSet = new Set(wanted);
  const seen = new Set<Stage>([stage]);
  const pending = [...stage.children];
  // Note: for-of visits the stages pushed while it runs.
  for (const child of pending) {
    if (seen.has(child)) continue;
    seen.add(child);
    for (const program of wanted) {
      const first = usesOf(child).runs.get(program)?.[0];
      if (first && (!best || first.at.start < best.at.start)) best = first;
    }
    for (const grandchild of child.children) pending.push(grandchild);
  }
  if (best) return best;
  for (const candidate of seen) {
    const use = usesOf(candidate).container.find((item) => wantedSet.has(item.program));
    if (use) return use;
  }
  return undefined;
}

/** The first instruction after `offset` that runs a program the package `name` installs (BusyBox's own excluded). */
export function laterUseOfPackage(stage: Stage, offset: number, name: string): ProgramUse | undefined {
  return firstUseAfter(stage, offset, programsLostWith(name));
}

/** How a message names a use: "`ENTRYPOINT` runs `tini`", "a later RUN runs `curl`". */
export function describeUse(use: ProgramUse, stage: Stage, offset: number, sameRunEnd?: number): string {
  if (use.kind !== 'RUN') return `\`${use.kind}\` runs \`${use.program}\``;
  if (use.stage !== stage) return `a RUN of stage \`${use.stage.name ?? String(use.stage.index)}\` runs \`${use.program}\``;
  if (sameRunEnd !== undefined && use.at.start > offset && use.at.start < sameRunEnd) return `this RUN runs \`${use.program}\` afterwards`;
  return `a later RUN runs \`${use.program}\``;
}
