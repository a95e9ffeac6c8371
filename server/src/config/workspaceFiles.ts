/**
 * The Dockerfiles below a directory, for the CLI (`alpinist lint DIR`) and the language server (workspace
 * diagnostics) alike: directories are walked recursively in code-unit order of names, skipping dependency and VCS
 * folders, whatever `.gitignore` files exclude, and what an optional exclude matcher (the editor's `files.exclude`, the
 * CLI's `--exclude`) matches.
 */
import { existsSync, readdirSync, readFileSync, statSync, type Dirent } from 'node:fs';
import path from 'node:path';
import ignore, { type Ignore } from 'ignore';
import type { GlobMatcher } from '../util/glob';

const SKIPPED_DIRECTORIES = new Set(['node_modules', '.git', '.hg', '.svn', 'dist', 'out', '.venv', 'venv', '__pycache__']);

/** True for names Docker tooling treats as Dockerfiles. */
export function isDockerfileName(name: string): boolean {
  const lower = name.toLowerCase();
  return lower === 'dockerfile' || lower === 'containerfile' || lower.endsWith('.dockerfile') || lower.startsWith('dockerfile.') || lower.endsWith('.containerfile') || lower.startsWith('containerfile.');
}

/** The `.gitignore` of one directory; its patterns are relative to that directory. */
export interface IgnoreFile {
  readonly directory: string;
  readonly matcher: Ignore;
}

/** What a walk reports: each Dockerfile found (as `path.join` of the walked directory and the names below it), each directory it could not read. */
export interface WalkVisitor {
  file(file: string): void;
  error(directory: string, error: unknown): void;
}

/**
 * Walks `directory` with the `.gitignore` files that apply from above (`ancestorIgnoreFiles`). `exclude` is asked
 * with each entry's path relative to `directory` (`/`-separated); a directory it matches is not entered.
 */
export function walkDockerfiles(directory: string, inherited: readonly IgnoreFile[], visitor: WalkVisitor, exclude?: GlobMatcher): void {
  for (const _ of walk(directory, '', inherited, visitor, exclude)) {
    // Each step is one directory read; here they all run at once.
  }
}

/**
 * The walk as steps, one per directory read, in the same order as one recursive call would take them: the language
 * server pauses between steps so that a large workspace does not stop it from answering.
 */
function* walk(directory: string, relative: string, inherited: readonly IgnoreFile[], visitor: WalkVisitor, exclude: GlobMatcher | undefined): Generator<void> {
  let entries;
  try {
    entries = readdirSync(directory, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  } catch (error) {
    visitor.error(directory, error);
    return;
  }
  yield;
  const own = readIgnoreFile(directory);
  const ignoreFiles = own ? [...inherited, own] : inherited;
  for (const entry of entries) {
    const full = path.join(directory, entry.name);
    const isDirectory = entry.isDirectory();
    if (isDirectory ? SKIPPED_DIRECTORIES.has(entry.name) : !(isDockerfileName(entry.name) && isRegularFile(entry, full))) continue;
    const entryRelative = relative === '' ? entry.name : `${relative}/${entry.name}`;
    if (exclude?.(entryRelative)) continue;
    if (isIgnored(ignoreFiles, full, isDirectory)) continue;
    if (isDirectory) yield* walk(full, entryRelative, ignoreFiles, visitor, exclude);
    else visitor.file(full);
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
 * The `.gitignore` files above `start` (absolute) that apply to it: up to the repository root (the nearest directory
 * with `.git`), or, outside a repository, up to `cwd` when `start` is below it. Note: when these exclude `start`
 * itself, the user named an ignored directory on purpose, and the ancestors' files are not applied inside it.
 */
export function ancestorIgnoreFiles(start: string, cwd: string): IgnoreFile[] {
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

/** Directories read between two turns of the event loop by `findDockerfiles`. */
const DIRECTORIES_PER_TURN = 32;

/**
 * Every Dockerfile below a workspace folder `root` (absolute paths, in walk order): the `.gitignore` files from the
 * repository root down apply, as for `alpinist lint` run in that folder. Folders that cannot be read are skipped. The
 * walk yields to the event loop every few directories; `cancelled` stops it (with the files found so far).
 */
export async function findDockerfiles(root: string, exclude?: GlobMatcher, cancelled: () => boolean = () => false): Promise<string[]> {
  const files: string[] = [];
  const start = path.resolve(root);
  let steps = 0;
  for (const _ of walk(start, '', ancestorIgnoreFiles(start, start), { file: (file) => files.push(file), error: () => undefined }, exclude)) {
    if (++steps % DIRECTORIES_PER_TURN !== 0) continue;
    await new Promise((resolve) => setImmediate(resolve));
    if (cancelled()) break;
  }
  return files;
}
