/**
 * Paths → the Dockerfiles to lint. Directories are walked by `config/workspaceFiles.ts` (recursively, in code-unit
 * order of names, skipping dependency and VCS folders, whatever `.gitignore` files exclude and what `--exclude`
 * matches). A path given explicitly is always linted.
 */
import { statSync } from 'node:fs';
import path from 'node:path';
import { describeIoError } from '../config/ioError';
import { ancestorIgnoreFiles, walkDockerfiles } from '../config/workspaceFiles';
import type { GlobMatcher } from '../util/glob';
import { realPathOf } from './files';

/** `-` in the list of files: standard input. */
export const STDIN_PATH = '-';

/** A path given on the command line that could not be read, at its place in the list. */
export interface DiscoveryError {
  readonly path: string;
  readonly error: string;
}

/**
 * Expands `paths` in order, each directory into the Dockerfiles below it. A file reached twice (also through links)
 * is listed once, so `--fix` never writes one file from two workers or twice. With `roots`, each file found by
 * walking a directory gets that directory (given as written), which `--fix` must not write outside of. `exclude` is
 * asked with paths relative to each directory walked.
 */
export function discoverFiles(paths: readonly string[], cwd = process.cwd(), roots?: Map<string, string>, exclude?: GlobMatcher): (string | DiscoveryError)[] {
  const entries: (string | DiscoveryError)[] = [];
  const seen = new Set<string>();
  let root: string | undefined;
  const add = (file: string): void => {
    const key = file === STDIN_PATH ? file : realPathOf(file);
    if (seen.has(key)) return;
    seen.add(key);
    entries.push(file);
    if (root !== undefined) roots?.set(file, root);
  };
  const fail = (file: string, error: unknown): void => void entries.push({ path: file, error: describeIoError(error, file) });
  for (const given of paths) {
    if (given === STDIN_PATH) {
      add(given);
      continue;
    }
    try {
      if (statSync(given).isDirectory()) {
        root = given;
        walkDockerfiles(given, ancestorIgnoreFiles(path.resolve(given), cwd), { file: add, error: fail }, exclude);
      } else {
        add(given);
      }
    } catch (error) {
      fail(given, error);
    } finally {
      root = undefined;
    }
  }
  return entries;
}
