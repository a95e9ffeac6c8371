/**
 * The `.dockerignore` of a Dockerfile's build context, read the same way by the CLI and the language server (which
 * watches `DOCKERIGNORE_GLOB` to read it again when it changes).
 */
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';

/** The files the language server watches: a change to any of them can change `copy-no-ignored-file`'s findings. */
export const DOCKERIGNORE_GLOB = '**/{.dockerignore,*.dockerignore}';

/** Longest `.dockerignore` read; a longer one is treated as absent. */
export const MAX_DOCKERIGNORE_BYTES = 1024 * 1024;

/**
 * The `.dockerignore` Docker uses for the Dockerfile at `file`, taking its directory as the build context:
 * `<file name>.dockerignore` beside it first, then `.dockerignore`; undefined when neither is a readable file.
 */
export function readDockerignore(file: string): string | undefined {
  for (const candidate of [`${file}.dockerignore`, path.join(path.dirname(file), '.dockerignore')]) {
    try {
      // Why no throw for a missing file: most Dockerfiles have neither candidate, and an exception costs far more.
      const stats = statSync(candidate, { throwIfNoEntry: false });
      if (!stats?.isFile() || stats.size > MAX_DOCKERIGNORE_BYTES) continue;
      return readFileSync(candidate, 'utf8');
    } catch {
      continue;
    }
  }
  return undefined;
}
