/**
 * Paths → the Dockerfiles to lint. Directories are walked recursively in code-unit order of names, skipping
 * dependency and VCS folders and whatever `.gitignore` files exclude. A path given explicitly is always linted.
 */
import { existsSync, readdirSync, readFileSync, statSync, type Dirent } from 'node:fs';
import path from 'node:path';
import ignore, { type Ignore } from 'ignore';
import { describeIoError } from '../config/ioError';
import { realPathOf } from './files';

const SKIPPED_DIRECTORIES = new Set(['node_modules', '.git', '.hg', '.svn', 'dist', 'out', '.venv', 'venv', '__pycache__']);

/** `-` in the list of files: standard input. */
export const STDIN_PATH = '-';

/** True for names Docker tooling treats as Dockerfiles. */
export function isDockerfileName(name: string): boolean {
  const lower = name.toLowerCase();
  return lower === 'dockerfile' || lower === 'containerfile' || lower.endsWith('.dockerfile') || lower.startsWith('dockerfile.') || lower.endsWith('.containerfile') || lower.startsWith('containerfile.');
}

/** A path given on the command line that could not be read, at its place in the list. */
export interface DiscoveryError {
  readonly path: string;
  readonly error: string;
}

/** The `.gitignore` of one directory; its patterns are relative to that directory. */
interface IgnoreFile {
  readonly directory: string;
  readonly matcher: Ignore;
}

/**
 * Expands `paths` in order, each directory into the Dockerfiles below it. A file reached twice (also through links)
 * is listed once, so `--fix` never writes one file from two workers or twice. With `roots`, each file found by
 * walking a directory gets that directory (given as written), which `--fix` must not write outside of.
 */
export function discoverFiles(paths: readonly string[], cwd = process.cwd(), roots?: Map<string, string>): (string | DiscoveryError)[] {
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
        walkDirectory(given, ancestorIgnoreFiles(path.resolve(given), cwd), add, fail);
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

function walkDirectory(directory: string, inherited: readonly IgnoreFile[], add: (file: string) => void, fail: (file: string, error: unknown) => void): void {
  let entries;
  try {
    entries = readdirSync(directory, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  } catch (error) {
    fail(directory, error);
    return;
  }
  const own = readIgnoreFile(directory);
  const ignoreFiles = own ? [...inherited, own] : inherited;
  for (const entry of entries) {
    const full = path.join(directory, entry.name);
    const isDirectory = entry.isDirectory();
    if (isDirectory ? SKIPPED_DIRECTORIES.has(entry.name) : !(isDockerfileName(entry.name) && isRegularFile(entry, full))) continue;
    if (isIgnored(ignoreFiles, full, isDirectory)) continue;
    if (isDirectory) walkDirectory(full, ignoreFiles, add, fail);
    else add(full);
  }
}

/** Note: a symbolic link to a Dockerfile is linted; links to folders are not followed, so a walk cannot loop. */
function isRegularFile(entry: Dirent, full: string): boolean {
  if (entry.isFile()) return true;
  if (!entry.isSymbolicLink()) return false;
  try {
    return statSync(full).isFile();
  } catch {
    return false;
  }
}

/**
 * Git semantics across nested files: the deepest `.gitignore` with a matching pattern decides, and a negation
 * (`!Dockerfile.prod`) re-includes what a parent excluded.
 */
function isIgnored(ignoreFiles: readonly IgnoreFile[], file: string, isDirectory: boolean): boolean {
  let ignored = false;
  const absolute = path.resolve(file);
  for (const { directory, matcher } of ignoreFiles) {
    const relative = path.relative(directory, absolute).split(path.sep).join('/');
    const result = matcher.test(isDirectory ? `${relative}/` : relative);
    if (result.ignored) ignored = true;
    else if (result.unignored) ignored = false;
  }
  return ignored;
}

function readIgnoreFile(directory: string): IgnoreFile | undefined {
  const file = path.join(directory, '.gitignore');
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
  return { directory: path.resolve(directory), matcher: ignore().add(text) };
}

/**
 * The `.gitignore` files above `start` that apply to it: up to the repository root (the nearest directory with
 * `.git`), or, outside a repository, up to `cwd` when `start` is below it. Note: when these exclude `start` itself,
 * the user named an ignored directory on purpose, and the ancestors' files are not applied inside it.
 */
function ancestorIgnoreFiles(start: string, cwd: string): IgnoreFile[] {
  const chain: string[] = [];
  let directory = start;
  let top: string | undefined;
  for (;;) {
    if (existsSync(path.join(directory, '.git'))) {
      top = directory;
      break;
    }
    const parent = path.dirname(directory);
    if (parent === directory) break;
    directory = parent;
  }
  const root = path.resolve(cwd);
  top ??= start === root || start.startsWith(root + path.sep) ? root : start;
  for (let current = path.dirname(start); top !== start && current.length >= top.length; current = path.dirname(current)) {
    chain.unshift(current);
    if (current === top || path.dirname(current) === current) break;
  }
  const files = chain.flatMap((candidate) => readIgnoreFile(candidate) ?? []);
  return isIgnored(files, start, true) ? [] : files;
}
