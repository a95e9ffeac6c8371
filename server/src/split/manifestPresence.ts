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
 * The manifests of `step` that nothing before it can have put in place, or an empty list when each may be there.
 * `text` is the Dockerfile, `steps` the stage's steps in order.
 */
export function missingManifests(text: string, stage: Stage, steps: readonly Step[], step: Step, manifests: readonly string[]): string[] {
  if (!startsFromOfficialImage(stage) || manifests.some((manifest) => manifest.endsWith('/'))) return [];
  const names = manifests.map(concreteName);
  for (let current: Stage | undefined = stage; current; current = current.parent) {
    for (const instruction of current.instructions) {
      if (current === stage && instruction.start >= step.run.start) break;
      const copy = fileCopy(instruction);
      if (!copy) continue;
      if (!copy.isFromContext || copy.sources.some((source) => sourceMayHold(source.value, names))) return [];
    }
    // Why: a parent stage's RUNs may write the files; only the split stage's own steps are read below.
    if (current !== stage && current.runs.length > 0) return [];
  }
  for (const earlier of steps) {
    if (earlier.start >= step.start) break;
    if (earlier.isOpaque || earlier.kind === 'fetch') return [];
    const written = text.slice(earlier.start, earlier.end);
    // A step that names the file (`echo '{}' > package.json`) or a command that can bring files may write it.
    if (earlier.commands.some((command) => WRITERS.has(command.name ?? '')) || names.some((name) => written.includes(name))) return [];
  }
  return [...manifests];
}
