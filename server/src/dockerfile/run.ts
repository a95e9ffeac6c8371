/**
 * RUN: the instruction and its shell model (commands, apk calls, exports, mounts). The shell model depends only on the
 * RUN's own text and the escape character, so after an edit elsewhere it is moved to its new offsets and reused
 * (`ModelCache`), while the instruction object is new in every version.
 */
import type { Instruction as AstInstruction, Run } from 'dockerfile-ast';
import { parseApk, type ApkCall } from '../shell/apk';
import { parseSegments } from '../shell/parseShell';
import { joinContinuationLines, verbatimSegment, type ShellSegment } from '../shell/segment';
import type { ShellCommand, ShellWord } from '../shell/shellCommand';
import { isPosixShell } from './shells';
import { withMemoSlot } from '../util/memo';
import { decodeJsonString, InstructionBase, type Placement, type Source } from './instructions';

/** A `--mount` of RUN, as BuildKit reads it (offsets are on the flag: `run.flag('mount')`). */
export interface RunMount {
  /** `bind` when not given. */
  readonly type: string;
  /** `target`, `dst` or `destination`. */
  readonly target: string | undefined;
  /** `source` or `src`. */
  readonly source: string | undefined;
  readonly from: string | undefined;
  readonly id: string | undefined;
  /** Every option by name, as written (`readonly`, `sharing`, `required` …; a bare option has `''`). */
  readonly options: ReadonlyMap<string, string>;
}

/** What a RUN's text alone decides; reused across versions while the text is unchanged. */
export interface RunShell {
  start: number;
  end: number;
  readonly form: 'shell' | 'exec' | 'heredoc';
  readonly mounts: readonly RunMount[];
  /** `--network` (`default`, `none`, `host`), if given. */
  readonly network: string | undefined;
  /** `--security` (`insecure`, `sandbox`), if given. */
  readonly security: string | undefined;
  readonly commands: readonly ShellCommand[];
  readonly apkCalls: readonly ApkCall[];
  readonly exports: readonly ShellWord[];
  bodyStart: number;
  flagsStart: number;
}

/** `RUN [--mount=…] [--network=…] command`, in shell, exec or heredoc form. */
export class RunInstruction extends InstructionBase {
  readonly keyword = 'RUN';
  readonly #shell: RunShell;
  #shellProgram: string | undefined;
  #apkByCommand: Map<ShellCommand, ApkCall> | undefined;

  constructor(syntax: AstInstruction, placement: Placement, shell: RunShell) {
    super(syntax, placement);
    this.#shell = shell;
  }

  /** The shell that runs the script when a SHELL instruction or a shell pragma set one (`powershell`); else undefined (`/bin/sh`). */
  get shellProgram(): string | undefined {
    return this.#shellProgram;
  }

  /** False when the script is read by a shell that is not POSIX (PowerShell, cmd): it then has no commands, apk calls or exports. */
  get isPosixShell(): boolean {
    return this.#shellProgram === undefined || this.#shell.form === 'exec' || isPosixShell(this.#shellProgram);
  }

  /** For `model.ts` only: sets the shell, see `shells.ts`. */
  readWith(shell: string): void {
    this.#shellProgram = shell;
  }

  /** `shell` (a command line), `exec` (a JSON array) or `heredoc` (a script in a heredoc). */
  get form(): 'shell' | 'exec' | 'heredoc' {
    return this.#shell.form;
  }

  get mounts(): readonly RunMount[] {
    return this.#shell.mounts;
  }

  get network(): string | undefined {
    return this.#shell.network;
  }

  get security(): string | undefined {
    return this.#shell.security;
  }

  /** Every command of the script in source order (exec form: one command), nested ones included. */
  get commands(): readonly ShellCommand[] {
    return this.isPosixShell ? this.#shell.commands : [];
  }

  /** The commands that run `apk`, read as apk calls. */
  get apkCalls(): readonly ApkCall[] {
    return this.isPosixShell ? this.#shell.apkCalls : [];
  }

  /**
   * The apk call that `command` (one of this RUN's commands) makes, if any. Why a map, made at the first question:
   * looking each command up in the list made a RUN of n `apk` commands cost n² (80,000 `apk add`s: 34 s).
   */
  apkCallOf(command: ShellCommand): ApkCall | undefined {
    if (command.name !== 'apk') return undefined;
    this.#apkByCommand ??= new Map(this.apkCalls.map((call) => [call.command, call]));
    return this.#apkByCommand.get(command);
  }

  /** `NAME=value` words of `export` statements in the script, in source order (exec form: none). */
  get exports(): readonly ShellWord[] {
    return this.isPosixShell ? this.#shell.exports : [];
  }

  /** Offset of the first character of the command text (after the keyword and `--flags`). */
  get bodyStart(): number {
    return this.#shell.bodyStart;
  }

  /** Offset just past the keyword's trailing space: where new RUN flags can be inserted. */
  get flagsStart(): number {
    return this.#shell.flagsStart;
  }

  /** True when the RUN mounts a cache or tmpfs at `path`, so nothing written there reaches the layer. */
  mountsCacheAt(path: string): boolean {
    const mounts = this.#shell.mounts;
    if (mounts.length === 0) return false;
    const normalized = path.replace(/(?<!\/)\/+$/, '');
    return mounts.some((mount) => (mount.type === 'cache' || mount.type === 'tmpfs') && mount.target?.replace(/(?<!\/)\/+$/, '') === normalized);
  }
}

const HEREDOC_MARKER = /<<-?\s*(["']?)([A-Za-z_][A-Za-z0-9_]*)\1/g;
const SCRIPT_SHELLS = new Set(['sh', 'bash', 'ash', 'dash', 'zsh']);

/** Reads the shell model of a RUN (its trigger's tree for an ONBUILD trigger) spanning [start, end). */
export function createRunShell(source: Source, run: Run, start: number, end: number): RunShell {
  const { document, text, escapeChar } = source;
  const flags = run.getFlags();
  const mounts: RunMount[] = [];
  let network: string | undefined;
  let security: string | undefined;
  for (const flag of flags) {
    const name = flag.getName();
    if (name === 'network') network = flag.getValue() ?? undefined;
    if (name === 'security') security = flag.getValue() ?? undefined;
    if (name !== 'mount') continue;
    const options = new Map<string, string>();
    for (const option of flag.getOptions()) options.set(option.getName(), option.getValue() ?? '');
    mounts.push({
      type: options.get('type') ?? 'bind',
      target: options.get('target') ?? options.get('dst') ?? options.get('destination'),
      source: options.get('source') ?? options.get('src'),
      from: options.get('from'),
      id: options.get('id'),
      options,
    });
  }
  const keywordEnd = document.offsetAt(run.getInstructionRange().end);
  // Note: each dockerfile-ast argument query re-reads the arguments; read them once (flags are cached by the AST).
  const args = run.getArguments();
  const argumentsRange = args.length === 0 ? null : { start: args[0].getRange().start, end: args[args.length - 1].getRange().end };
  const bodyStart = argumentsRange ? document.offsetAt(argumentsRange.start) : end;
  const flagsStart = Math.min(keywordEnd + 1, end);
  const jsonStrings = run.getJSONStrings();
  let form: RunShell['form'] = 'shell';
  let commands: ShellCommand[] = [];
  const exports: ShellWord[] = [];
  if (jsonStrings.length > 0) {
    form = 'exec';
    commands = [execCommand(source, jsonStrings)];
  } else if (argumentsRange) {
    const heredocs = text.slice(start, end).includes('<<') ? run.getHeredocs() : [];
    if (heredocs.length === 0) {
      commands = parseSegments([joinContinuationLines(text, bodyStart, end, escapeChar)], exports);
    } else {
      form = 'heredoc';
      const firstContent = heredocs[0].getContentRange();
      // Why the marker's line when the heredoc has no body: the parser found no delimiter (in a lone-CR file, say),
      // and the lines after the marker are no shell commands to read (a fix once appended a package to `EOF`).
      let markerLineEnd = document.offsetAt(heredocs[0].getStartRange().end);
      while (markerLineEnd < end && text[markerLineEnd] !== '\n' && text[markerLineEnd] !== '\r') markerLineEnd++;
      const firstLineEnd = firstContent ? lineStartBefore(text, document.offsetAt(firstContent.start)) : markerLineEnd;
      const head = blankHeredocMarkers(joinContinuationLines(text, bodyStart, firstLineEnd, escapeChar));
      commands = parseSegments([head], exports);
      const runsScript = commands.length === 0 || (commands.length === 1 && SCRIPT_SHELLS.has(commands[0].name ?? '') && commands[0].words.length === 1);
      if (runsScript) {
        const bodies: ShellSegment[] = [];
        for (const heredoc of heredocs) {
          const content = heredoc.getContentRange();
          if (!content) continue;
          const contentEnd = document.offsetAt(content.end);
          // Why closed or at the end of the file: a heredoc left open before more instructions (its delimiter after a
          // lone CR, no line break for BuildKit) has no end an edit could keep to; a step appended after its last
          // command went after `EOF`. One the file ends in (being typed) is still read.
          if (heredoc.getDelimiterRange() || onlyBlanksFrom(text, contentEnd)) bodies.push(verbatimSegment(text, document.offsetAt(content.start), contentEnd));
        }
        // Why appended to the same array: each command's index is then its position after the head's commands, and
        // every command object is made by the parser (copies with another index had another shape, which made V8
        // throw away the optimized code of everything that reads commands).
        parseSegments(bodies, exports, commands);
      }
    }
  }
  const apkCalls = commands.map(parseApk).filter((call): call is ApkCall => call !== undefined);
  return { start, end, form, mounts, network, security, commands, apkCalls, exports, bodyStart, flagsStart };
}

/** True when nothing but blanks and line breaks follows `offset`. */
function onlyBlanksFrom(text: string, offset: number): boolean {
  for (let index = offset; index < text.length; index++) {
    const character = text[index];
    if (character !== ' ' && character !== '\t' && character !== '\n' && character !== '\r') return false;
  }
  return true;
}

/** The same shell model `delta` characters later in the document, sharing nothing with `shell`. */
export function copyRunShell(shell: RunShell, delta: number): RunShell {
  const copyWord = (word: ShellWord): ShellWord => ({ raw: word.raw, value: word.value, start: word.start + delta, end: word.end + delta });
  // Note: the spread leaves the memos behind (they are not enumerable); the copy gets an empty slot of its own.
  const commands = shell.commands.map((command) =>
    withMemoSlot({
      ...command,
      words: command.words.map(copyWord),
      assignments: command.assignments.map(copyWord),
      redirects: command.redirects.map((redirect) => ({ ...redirect, target: redirect.target && copyWord(redirect.target), start: redirect.start + delta, end: redirect.end + delta })),
      start: command.start + delta,
      end: command.end + delta,
    }),
  );
  return {
    ...shell,
    start: shell.start + delta,
    end: shell.end + delta,
    commands,
    apkCalls: commands.map(parseApk).filter((call): call is ApkCall => call !== undefined),
    exports: shell.exports.map(copyWord),
    bodyStart: shell.bodyStart + delta,
    flagsStart: shell.flagsStart + delta,
  };
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/**
 * Moves a shell model `delta` characters in place (an edit before it changed the text's length). Why in place: after
 * a one-line edit every later RUN moves, and copying their words cost a third of the re-lint of a 20k-line file.
 * The apk calls hold the same command and word objects, so they move with them.
 */
export function shiftRunShell(shell: RunShell, delta: number): void {
  // Note: the shell parser makes a new word object for every array it fills (words, assignments, exports), so each
  // object is moved once.
  const shift = (item: { readonly start: number; readonly end: number }): void => {
    (item as Mutable<typeof item>).start += delta;
    (item as Mutable<typeof item>).end += delta;
  };
  // Why `forEach`: this runs for every RUN after an edit above it, often before V8 has optimized it, and `for…of`
  // then allocates an iterator result per element.
  shell.commands.forEach((command) => {
    shift(command);
    command.words.forEach(shift);
    command.assignments.forEach(shift);
    command.redirects.forEach((redirect) => {
      shift(redirect);
      if (redirect.target) shift(redirect.target);
    });
  });
  shell.exports.forEach(shift);
  shell.start += delta;
  shell.end += delta;
  shell.bodyStart += delta;
  shell.flagsStart += delta;
}

/** Offset of the line break that ends the line before `offset`. */
function lineStartBefore(text: string, offset: number): number {
  let index = offset;
  if (text[index - 1] === '\n') index--;
  if (text[index - 1] === '\r') index--;
  return index;
}

/** Replaces `<<EOF` markers with spaces so the shell parser sees the command line without a dangling heredoc. */
function blankHeredocMarkers(segment: ShellSegment): ShellSegment {
  return { ...segment, text: segment.text.replace(HEREDOC_MARKER, (marker) => ' '.repeat(marker.length)) };
}

function execCommand(source: Source, strings: ReturnType<Run['getJSONStrings']>): ShellCommand {
  const { document, text } = source;
  const words: ShellWord[] = strings.map((argument) => {
    const range = argument.getRange();
    const start = document.offsetAt(range.start);
    const end = document.offsetAt(range.end);
    const raw = text.slice(start, end);
    return { raw, value: decodeJsonString(raw) ?? argument.getJSONValue(), start, end };
  });
  const first = words[0]?.value;
  return withMemoSlot({
    name: first === undefined ? undefined : first.slice(first.lastIndexOf('/') + 1),
    words,
    assignments: [],
    redirects: [],
    start: words[0]?.start ?? 0,
    end: words[words.length - 1]?.end ?? 0,
    separatorBefore: 'none',
    separatorAfter: 'none',
    isTopLevel: true,
    index: 0,
  });
}
