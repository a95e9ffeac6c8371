/**
 * Whether the manifest a dependency install reads (`package*.json`, `requirements.txt`) can be in place when the step
 * runs: copied from the build context, fetched or written by an earlier step, or brought by a base image Alpinist does
 * not know. A split built around an install that reads nothing would only move a broken step into a new stage.
 */
import { parseImageReference } from '../dockerfile/image';
import { fileCopy } from '../dockerfile/copies';
import type { Stage } from '../dockerfile/model';
import type { Step } from '../dockerfile/steps';

/** Commands that can bring a manifest into the image in a RUN. */
const WRITERS = new Set(['curl', 'wget', 'git', 'tar', 'unzip', 'cp', 'mv', 'ln', 'rsync', 'npm', 'yarn', 'pnpm']);

/** `*` and `?` wildcards (a `[` class is taken to match): whether `pattern` matches all of `name`. */
export function wildcardMatches(pattern: string, name: string): boolean {
  if (pattern.includes('[')) return true;
  let p = 0;
  let n = 0;
  let starP = -1;
  let starN = 0;
  while (n < name.length) {
    if (p < pattern.length && (pattern[p] === '?' || pattern[p] === name[n])) {
      p++;
      n++;
    } else if (p < pattern.length && pattern[p] === '*') {
      starP = p++;
      starN = n;
    } else if (starP !== -1) {
      p = starP + 1;
      n = ++starN;
    } else {
      return false;
    }
  }
  while (p < pattern.length && pattern[p] === '*') p++;
  return p === pattern.length;
}

const baseName = (path: string): string => path.slice(path.lastIndexOf('/') + 1);

/** A concrete file name a manifest pattern stands for: `package*.json` → `package.json`. */
const concreteName = (manifest: string): string => baseName(manifest).split('*').join('');

/** True when a COPY/ADD source may hold or be the manifest: the context root, a directory, a variable, a match. */
function sourceMayHold(source: string, names: readonly string[]): boolean {
  if (source.includes('$') || source.endsWith('/')) return true;
  const last = baseName(source);
  if (last === '' || last === '.' || last === '..') return true;
  // A word without a dot or wildcard is most likely a directory (`src`, `app`).
  if (!last.includes('.') && !last.includes('*') && !last.includes('?')) return true;
  return names.some((name) => wildcardMatches(last, name));
}

/** True when the stage's first base is an official Docker Hub image (`alpine`, `node:20-alpine`): no app files there. */
function startsFromOfficialImage(stage: Stage): boolean {
  let root = stage;
  while (root.parent) root = root.parent;
  const reference = root.resolvedImage === undefined ? undefined : parseImageReference(root.resolvedImage);
  return reference !== undefined && !reference.repository.includes('/') && (reference.registry === undefined || reference.registry === 'docker.io');
}

/**
 * The offset from which something may have put one of `manifests` in place (a COPY that may hold it, a fetch, a step
 * that may write it); -1 when it may be there from the start (another base image, a parent stage), and
 * `Number.POSITIVE_INFINITY` when nothing in the stage can bring it. One pass over the stage.
 */
function firstProvider(text: string, stage: Stage, steps: readonly Step[], manifests: readonly string[]): number {
  if (!startsFromOfficialImage(stage) || manifests.some((manifest) => manifest.endsWith('/'))) return -1;
  const names = manifests.map(concreteName);
  for (let parent = stage.parent; parent; parent = parent.parent) {
    // Why: a parent stage's COPYs and RUNs may bring the files; its steps are not read here.
    if (parent.runs.length > 0 || parent.instructions.some((instruction) => fileCopy(instruction) !== undefined)) return -1;
  }
  let first = Number.POSITIVE_INFINITY;
  for (const instruction of stage.instructions) {
    const copy = fileCopy(instruction);
    if (!copy) continue;
    if (!copy.isFromContext || copy.sources.some((source) => sourceMayHold(source.value, names))) {
      first = instruction.start;
      break;
    }
  }
  for (const step of steps) {
    if (step.start >= first) break;
    const written = text.slice(step.start, step.end);
    // A step that names the file (`echo '{}' > package.json`) or a command that can bring files may write it.
    if (step.isOpaque || step.kind === 'fetch' || step.commands.some((command) => WRITERS.has(command.name ?? '')) || names.some((name) => written.includes(name))) {
      return step.start;
    }
  }
  return first;
}

/**
 * Answers "can the manifest of this install be in place?" for the steps of one stage, scanning the stage once per
 * distinct manifest list. `text` is the Dockerfile, `steps` the stage's steps in order.
 */
export class ManifestPresence {
  private readonly providers = new Map<string, number>();

  constructor(private readonly text: string, private readonly stage: Stage, private readonly steps: readonly Step[]) {}

  /** The manifests of `step` that nothing before it can have put in place; empty when they may be there. */
  missing(step: Step, manifests: readonly string[]): string[] {
    const key = manifests.join('\n');
    let provider = this.providers.get(key);
    if (provider === undefined) {
      provider = firstProvider(this.text, this.stage, this.steps, manifests);
      this.providers.set(key, provider);
    }
    return provider < step.start ? [] : [...manifests];
  }
}
