/**
 * The `COPY <manifests> <dest>` that lets a dependency install run before the whole-context COPY: which context paths
 * hold the manifests an install reads, and where they land, in the destination semantics of the original COPY.
 */
import { ownershipFlags } from '../dockerfile/copies';
import type { DependencyInstall } from '../dockerfile/dependencyInstalls';
import type { CopyInstruction, Stage } from '../dockerfile/model';
import { directoryText, relativeInside, resolvePath, workdirAt, type Directory } from '../dockerfile/paths';
import { expandAt } from '../dockerfile/variables';

/** Where a whole-context COPY puts the context root; undefined when it cannot be resolved. */
export function copyDestination(stage: Stage, copy: CopyInstruction): Directory | undefined {
  const workdir = workdirAt(stage, copy.start);
  const destination = copy.destination && expandAt(stage, copy.start, copy.destination.value);
  if (!workdir || destination === undefined) return undefined;
  return resolvePath(workdir, destination);
}

/** A COPY line with shell-form arguments, or JSON form when a path holds blanks. */
export function copyLine(flags: readonly string[], sources: readonly string[], destination: string): string {
  const paths = [...sources, destination];
  const body = paths.some((path) => /\s/.test(path)) ? JSON.stringify(paths).replace(/","/g, '", "') : paths.join(' ');
  return ['COPY', ...flags, body].join(' ');
}

export interface ManifestCopy {
  /** Context paths, e.g. `package*.json`. */
  readonly sources: readonly string[];
  /** The instruction, e.g. `COPY package*.json ./`. */
  readonly line: string;
}

/**
 * The COPY lines that bring `installs`' manifests from the context, as `copy` would have placed them, written for an
 * instruction where the working directory is `workdirThere`. Undefined when a manifest would not come from `copy`
 * or a destination cannot be written down.
 */
export function manifestCopyLines(
  stage: Stage,
  copy: CopyInstruction,
  installs: readonly { readonly install: DependencyInstall; readonly directory: Directory }[],
  workdirThere: Directory | undefined,
): ManifestCopy[] | undefined {
  if (copy.sources.length !== 1 || !copy.copiesWholeContext) return undefined;
  const root = copyDestination(stage, copy);
  if (!root) return undefined;
  const byTarget = new Map<string, { target: Directory; sources: string[] }>();
  for (const { install, directory } of installs) {
    if (!install.manifests) return undefined;
    for (const manifest of install.manifests) {
      const isDirectory = manifest.endsWith('/');
      const trimmed = manifest.replace(/(?<!\/)\/+$/, '');
      const slash = trimmed.lastIndexOf('/');
      const parent = resolvePath(directory, isDirectory ? trimmed : slash === -1 ? '.' : trimmed.slice(0, slash));
      const name = isDirectory ? '' : trimmed.slice(slash + 1);
      if (!parent) return undefined;
      const inContext = relativeInside(root, parent);
      if (inContext === undefined) return undefined;
      const source = isDirectory ? `${inContext}/` : inContext === '' ? name : `${inContext}/${name}`;
      const key = `${parent.isAbsolute}:${parent.path}`;
      const entry = byTarget.get(key) ?? { target: parent, sources: [] };
      if (!entry.sources.includes(source)) entry.sources.push(source);
      byTarget.set(key, entry);
    }
  }
  const copyWorkdir = workdirAt(stage, copy.start);
  const lines: ManifestCopy[] = [];
  for (const { target, sources } of byTarget.values()) {
    const destination = destinationText(copy, root, target, copyWorkdir, workdirThere);
    if (destination === undefined) return undefined;
    lines.push({ sources, line: copyLine(ownershipFlags(copy), sources, destination) });
  }
  return lines;
}

/** The destination as the original COPY wrote it when possible (`.` → `./`), else absolute or relative to `there`. */
function destinationText(copy: CopyInstruction, root: Directory, target: Directory, copyWorkdir: Directory | undefined, there: Directory | undefined): string | undefined {
  const sameWorkdir = copyWorkdir !== undefined && there !== undefined && copyWorkdir.isAbsolute === there.isAbsolute && copyWorkdir.path === there.path;
  const withSlash = (text: string): string => (text.endsWith('/') ? text : `${text}/`);
  if (target.isAbsolute === root.isAbsolute && target.path === root.path && (sameWorkdir || (copy.destination?.value ?? '').startsWith('/'))) {
    return withSlash(copy.destination?.value ?? '');
  }
  if (target.isAbsolute) return withSlash(directoryText(target));
  if (!there) return undefined;
  const relative = relativeInside(there, target);
  if (relative === undefined) return undefined;
  return relative === '' ? './' : `./${relative}/`;
}
