/**
 * Repository URLs a RUN gives apk: `--repository`/`-X` values, and lines written to `/etc/apk/repositories` by
 * `echo`/`printf` (redirected with `>>` or `>`, or piped into `tee [-a]`). Shared by the rules about mixed releases,
 * plain-HTTP repositories and dead mirrors. `sed -i` edits and copied files are not read.
 */
import type { RunInstruction } from '../../dockerfile/model';
import type { Span } from '../../util/span';
import { argumentsOf, type ShellCommand, type ShellWord } from '../../shell/shellCommand';
import { memoOn } from '../../util/memo';

export const REPOSITORIES_FILE = '/etc/apk/repositories';

/** How the URL reaches apk: for one command, appended to the repositories file, or replacing its content. */
export type RepositoryUse = 'flag' | 'append' | 'overwrite';

/** Offsets inside the word's raw text; add `word.start` for document offsets (words move after edits). */
interface Part {
  readonly offset: number;
  readonly text: string;
}

export interface RepositoryUrl {
  readonly use: RepositoryUse;
  readonly command: ShellCommand;
  readonly word: ShellWord;
  readonly url: Part;
  readonly scheme: Part;
  readonly host: Part;
  /** The branch segment of the path (`edge`, `latest-stable`, `v3.20`), when the path has one. */
  readonly branch: Part | undefined;
  /** The repository tag written before the URL on its line (`@edge`), if any. */
  readonly tag: string | undefined;
}

/** Document offsets of a part of a repository URL. */
export function partSpan(repository: RepositoryUrl, part: Part): Span {
  return { start: repository.word.start + part.offset, end: repository.word.start + part.offset + part.text.length };
}

/** The release a branch names: `v3.20` → `3.20`, `edge` → `edge`, `latest-stable` → `latest-stable`. */
export function branchRelease(branch: string): string {
  return branch.startsWith('v') ? branch.slice(1) : branch;
}

const KEY = Symbol('repositoryUrls');
const WRITERS = new Set(['echo', 'printf']);
const SCHEMES = ['https', 'http', 'ftp'];
const URL_END = new Set([' ', '\t', '\n', '\r', '"', '\'', '\\', ',', ']', ';', '|', '&', '>', '<', ')', '`']);

/** Every repository URL the RUN's commands give apk, in source order. */
export function repositoryUrls(run: RunInstruction): readonly RepositoryUrl[] {
  // Why first: a RUN without `://` names no repository URL, and most RUNs have none.
  if (!run.text.includes('://')) return [];
  return memoOn(run.commands, KEY, () => {
    const found: RepositoryUrl[] = [];
    const commands = run.commands;
    for (const call of run.apkCalls) {
      for (const flag of call.flags) {
        if (flag.name !== '--repository') continue;
        const word = flag.valueWord ?? flag.word;
        for (const url of urlsIn(word)) found.push({ use: 'flag', command: call.command, ...url });
      }
    }
    for (let index = 0; index < commands.length; index++) {
      const command = commands[index];
      if (command.name === undefined || !WRITERS.has(command.name)) continue;
      const use = fileWrite(command, commands[index + 1]);
      if (!use) continue;
      for (const word of argumentsOf(command)) for (const url of urlsIn(word)) found.push({ use, command, ...url });
    }
    return found.sort((a, b) => a.word.start + a.url.offset - (b.word.start + b.url.offset));
  });
}

/** How an `echo`/`printf` writes to the repositories file: redirected, or piped into `tee`. */
function fileWrite(command: ShellCommand, next: ShellCommand | undefined): RepositoryUse | undefined {
  for (const redirect of command.redirects) {
    if (redirect.target?.value !== REPOSITORIES_FILE) continue;
    return redirect.operator === '>>' ? 'append' : 'overwrite';
  }
  if (command.separatorAfter !== '|' || next?.name !== 'tee') return undefined;
  const words = argumentsOf(next);
  if (!words.some((word) => word.value === REPOSITORIES_FILE)) return undefined;
  return words.some((word) => word.value === '-a' || word.value === '--append') ? 'append' : 'overwrite';
}

/** The `scheme://host/path` URLs written in a word's raw text, with their parts. */
function urlsIn(word: ShellWord): Omit<RepositoryUrl, 'use' | 'command'>[] {
  const raw = word.raw;
  const found: Omit<RepositoryUrl, 'use' | 'command'>[] = [];
  let from = 0;
  for (let separator = raw.indexOf('://', from); separator !== -1; separator = raw.indexOf('://', from)) {
    let end = separator + 3;
    while (end < raw.length && !URL_END.has(raw[end])) end++;
    from = end;
    // Why the longest known scheme that ends here: `\nhttp://` (an escape before it) must still read as `http`.
    const written = raw.slice(Math.max(0, separator - 5), separator).toLowerCase();
    const scheme = SCHEMES.find((candidate) => written.endsWith(candidate));
    if (scheme === undefined) continue;
    const start = separator - scheme.length;
    if (start > 0 && isSchemeCharacter(raw[start - 1]) && raw[start - 2] !== '\\') continue;
    const url = raw.slice(start, end);
    const hostStart = separator + 3;
    const slash = raw.indexOf('/', hostStart);
    const hostEnd = slash === -1 || slash > end ? end : slash;
    found.push({
      word,
      url: { offset: start, text: url },
      scheme: { offset: start, text: raw.slice(start, separator) },
      host: { offset: hostStart, text: raw.slice(hostStart, hostEnd) },
      branch: branchOf(raw, hostEnd, end),
      tag: tagBefore(raw, start),
    });
  }
  return found;
}

const isSchemeCharacter = (character: string): boolean => (character >= 'a' && character <= 'z') || (character >= 'A' && character <= 'Z');

/** The first path segment that names an Alpine branch and is followed by a repository name or the end. */
function branchOf(raw: string, pathStart: number, end: number): Part | undefined {
  let offset = pathStart + 1;
  const segments = raw.slice(pathStart + 1, end).split('/');
  for (let index = 0; index < segments.length; index++) {
    const segment = segments[index];
    if (isBranch(segment) && index >= segments.length - 2) return { offset, text: segment };
    offset += segment.length + 1;
  }
  return undefined;
}

function isBranch(segment: string): boolean {
  if (segment === 'edge' || segment === 'latest-stable') return true;
  if (segment[0] !== 'v') return false;
  const [major, minor, ...rest] = segment.slice(1).split('.');
  return rest.length === 0 && isDigits(major) && isDigits(minor);
}

const isDigits = (text: string | undefined): boolean => text !== undefined && text !== '' && [...text].every((digit) => digit >= '0' && digit <= '9');

/** `@edge` when the text before the URL on its line is a repository tag (`@edge https://…`). */
function tagBefore(raw: string, urlStart: number): string | undefined {
  let end = urlStart;
  while (end > 0 && (raw[end - 1] === ' ' || raw[end - 1] === '\t')) end--;
  let start = end;
  while (start > 0 && isTagCharacter(raw[start - 1])) start--;
  if (start === end || start === 0 || raw[start - 1] !== '@') return undefined;
  return raw.slice(start - 1, end);
}

const isTagCharacter = (character: string): boolean =>
  isSchemeCharacter(character) || (character >= '0' && character <= '9') || character === '-' || character === '_' || character === '.';
