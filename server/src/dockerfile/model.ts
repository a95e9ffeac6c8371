/**
 * The Dockerfile model every rule reads: stages with their base image facts, and RUN instructions with their
 * shell commands. Built once per document version on top of dockerfile-ast.
 */
import type { Comment, Instruction, ParserDirective, Run } from 'dockerfile-ast';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Range } from 'vscode-languageserver-types';
import { parseApk, type ApkCall } from '../shell/apk';
import { parseSegments } from '../shell/parseShell';
import { joinContinuationLines, verbatimSegment, type ShellSegment } from '../shell/segment';
import type { ShellCommand, ShellWord } from '../shell/shellCommand';
import { classifyImage, parseImageReference, type BaseFamily } from './image';
import { memoOn } from '../util/memo';
import { ChunkCache, parseInChunks, type ParsedChunk, type ParsedDockerfile } from './parse';

export interface EnvEntry {
  readonly name: string;
  readonly value: string;
  /** Document offset of the ENV instruction. */
  readonly offset: number;
}

export interface Stage {
  readonly index: number;
  /** The `AS name`, lower-cased as BuildKit compares it. */
  readonly name: string | undefined;
  /** The FROM instruction; undefined for the implicit stage holding instructions written before any FROM. */
  readonly from: InstructionModel | undefined;
  /** The image as written and after global ARG substitution (undefined when it cannot be resolved). */
  readonly imageText: string;
  readonly resolvedImage: string | undefined;
  /** Earlier stage this one builds on (`FROM builder`). */
  readonly parent: Stage | undefined;
  /** Family from the image, or inherited from the parent stage. */
  readonly family: BaseFamily;
  readonly alpineRelease: string | undefined;
  readonly instructions: readonly InstructionModel[];
  readonly runs: readonly RunModel[];
  /** ENV values set in this stage and its parent stages, in order. */
  readonly env: readonly EnvEntry[];
  /** True when the image is Alpine, or the family is unknown and the stage (or its parent) runs `apk`. */
  readonly isAlpineLike: boolean;
}

export interface InstructionModel {
  readonly ast: Instruction;
  /** Upper-case keyword; for ONBUILD triggers, the trigger's keyword. */
  readonly keyword: string;
  readonly start: number;
  readonly end: number;
  readonly isOnbuild: boolean;
  readonly stage: Stage | undefined;
}

export interface RunMount {
  readonly type: string;
  readonly target: string | undefined;
}

export interface RunModel extends InstructionModel {
  readonly form: 'shell' | 'exec' | 'heredoc';
  readonly mounts: readonly RunMount[];
  readonly commands: readonly ShellCommand[];
  readonly apkCalls: readonly ApkCall[];
  /** `NAME=value` words of `export` statements in the script, in source order (exec form: none). */
  readonly exports: readonly ShellWord[];
  /** Offset of the first character of the command text (after the keyword and `--flags`). */
  readonly bodyStart: number;
  /** Offset just past the keyword's trailing space: where new RUN flags can be inserted. */
  readonly flagsStart: number;
}

export interface DockerfileModel {
  readonly text: string;
  readonly document: TextDocument;
  /** Parser directives (`# escape=`, `# syntax=`, and a first-line `# hadolint ignore=`), and every comment. */
  readonly directives: readonly ParserDirective[];
  readonly comments: readonly Comment[];
  readonly escapeChar: string;
  readonly stages: readonly Stage[];
  /** Every instruction, in order, including ARGs before the first FROM. */
  readonly instructions: readonly InstructionModel[];
  readonly runs: readonly RunModel[];
}

/** True when a RUN mounts a cache or tmpfs at `path`, so nothing written there reaches the layer. */
export function mountsCacheAt(run: RunModel, path: string): boolean {
  if (run.mounts.length === 0) return false;
  const normalized = path.replace(/(?<!\/)\/+$/, '');
  return run.mounts.some(
    (mount) => (mount.type === 'cache' || mount.type === 'tmpfs') && mount.target?.replace(/(?<!\/)\/+$/, '') === normalized,
  );
}

/** Converts an offset pair to an LSP range. */
export function toRange(model: DockerfileModel, start: number, end: number): Range {
  return { start: model.document.positionAt(start), end: model.document.positionAt(end) };
}

/** The LSP range of a shell word. */
export function wordRange(model: DockerfileModel, word: ShellWord): Range {
  return toRange(model, word.start, word.end);
}

/**
 * What one version of a document leaves for the next: parsed chunks and RUN models, reused when their text is
 * unchanged. Holds only the last version's entries.
 */
export class ModelCache {
  readonly chunks = new ChunkCache();
  /** By key, the RUN models of the previous version not yet taken by this one, in document order. */
  private previousRuns = new Map<string, RunModel[]>();
  private currentRuns = new Map<string, RunModel[]>();
  /** By kind, then by instruction text. */
  private previousFacts = new Map<string, Map<string, unknown>>();
  private currentFacts = new Map<string, Map<string, unknown>>();
  private escapeChar: string | undefined;

  /**
   * Starts a version parsed with `escapeChar`. Why: keys are instruction texts alone (no copies of them with the
   * escape character prepended); what was read under another escape character is dropped.
   */
  beginGeneration(escapeChar: string): void {
    if (escapeChar === this.escapeChar) return;
    this.escapeChar = escapeChar;
    this.previousRuns.clear();
    this.previousFacts.clear();
  }

  /**
   * The RUN model for `key` (the instruction's text), moved to start at `start`. A model of the
   * previous version is moved in place, so the previous version's model must not be read after this one is built;
   * a second RUN with the same text in this version gets a copy.
   */
  run(key: string, start: number, create: () => RunModel): RunModel {
    let run = this.previousRuns.get(key)?.shift();
    if (run) {
      if (run.start !== start) shiftRun(run, start - run.start);
    } else {
      const twin = this.currentRuns.get(key)?.[0];
      run = twin ? copyRun(twin, start - twin.start) : create();
    }
    const runs = this.currentRuns.get(key);
    if (runs) runs.push(run);
    else this.currentRuns.set(key, [run]);
    return run;
  }

  /** What `create` reads from an instruction's AST, by kind and the instruction's text. */
  fact<T>(kind: string, key: string, create: () => T): T {
    let current = this.currentFacts.get(kind);
    if (!current) this.currentFacts.set(kind, (current = new Map()));
    let found = (current.get(key) ?? this.previousFacts.get(kind)?.get(key)) as T | undefined;
    if (found === undefined) found = create();
    current.set(key, found);
    return found;
  }

  endGeneration(): void {
    this.previousRuns = this.currentRuns;
    this.currentRuns = new Map();
    this.previousFacts = this.currentFacts;
    this.currentFacts = new Map();
  }
}

/** Parses Dockerfile text into the model, reusing what `cache` holds from the previous version. Never throws on bad input. */
export function parseDockerfile(text: string, cache?: ModelCache): DockerfileModel {
  return buildModel(parseInChunks(text, cache?.chunks), cache);
}

/** Builds the model from a parse (shared with the syntax diagnostics). */
export function buildModel(parsed: ParsedDockerfile, cache?: ModelCache): DockerfileModel {
  const { text, escapeChar, document } = parsed;
  cache?.beginGeneration(escapeChar);
  const globalArgs = new Map<string, string>();
  const stages: Stage[] = [];
  const instructions: InstructionModel[] = [];
  const runs: RunModel[] = [];
  /** The last stage of each name so far: `FROM name` builds on it. */
  const stagesByName = new Map<string, MutableStage>();
  let current: MutableStage | undefined;

  const add = (chunk: ParsedChunk, instruction: Instruction, place: InstructionPlace): void => {
    const { keyword, start, end, text: key } = place;
    const base = { ast: instruction, keyword, start: chunk.start + start, end: chunk.start + end, isOnbuild: false };
    // Why: dockerfile-ast re-reads an instruction's arguments on every query; on an edit, reuse what an unchanged
    // instruction (same text, same escape character) said in the previous version.
    const fact = <T>(kind: string, create: () => T): T => (cache ? cache.fact(kind, key, create) : create());
    if (keyword === 'FROM') {
      const from = fact('from', () => {
        const ast = instruction as unknown as { getImage(): string | null; getBuildStage(): string | null };
        return { image: ast.getImage(), buildStage: ast.getBuildStage() };
      });
      current = createStage(stages, { ...base, stage: undefined }, globalArgs, from, stagesByName);
      stages.push(current);
      if (current.name !== undefined) stagesByName.set(current.name, current);
      instructions.push(current.from as InstructionModel);
      return;
    }
    if (!current && keyword === 'ARG') {
      recordGlobalArgs(fact('properties', () => propertiesOf(instruction)), globalArgs);
      instructions.push({ ...base, stage: undefined });
      return;
    }
    if (!current) {
      // Why: Docker rejects these, but snippets (and hadolint's own tests) often omit FROM; lint them anyway.
      current = createImplicitStage();
      stages.push(current);
    }
    const trigger = (): Instruction | null => (instruction as unknown as { getTriggerInstruction(): Instruction | null }).getTriggerInstruction();
    const triggerKeyword = keyword === 'ONBUILD' ? fact('trigger', () => trigger()?.getKeyword() ?? null) : null;
    const effectiveKeyword = triggerKeyword ?? keyword;
    const isOnbuild = triggerKeyword !== null;
    let model: InstructionModel;
    if (effectiveKeyword === 'RUN') {
      const stage = current;
      const create = (): RunModel => createRun(document, text, escapeChar, (isOnbuild ? trigger() : instruction) as Run, { ...base, keyword: 'RUN', isOnbuild, stage });
      // Why the text as key: a RUN's model depends only on its own text (and the escape character).
      const run = cache ? cache.run(key, base.start, create) : create();
      // Why a copy with this version's stage: the server may still answer a request from the previous version's
      // analysis after this lint (a re-lint of the same text for new settings moves nothing, and must not move the
      // old RUNs into the new stages). The copy shares the RUN's commands and words.
      model = { ...run, ast: instruction, stage: current };
    } else {
      model = { ...base, keyword: effectiveKeyword, isOnbuild, stage: current };
    }
    instructions.push(model);
    current.instructions.push(model);
    if (model.keyword === 'RUN') {
      runs.push(model as RunModel);
      current.runs.push(model as RunModel);
    }
    if (keyword === 'ENV') recordEnv(fact('properties', () => propertiesOf(instruction)), model.start, current.env);
  };
  for (const chunk of parsed.chunks) {
    const places = placesOf(document, chunk);
    for (let index = 0; index < places.length; index++) add(chunk, chunk.instructions[index], places[index]);
  }
  for (const stage of stages) finishStage(stage);
  cache?.endGeneration();
  const comments = parsed.chunks.flatMap((chunk) => chunk.comments);
  return { text, document, directives: parsed.directives, comments, escapeChar, stages, instructions, runs };
}

/** Where an instruction is in its chunk: its keyword, its offsets relative to the chunk's start, its text. */
interface InstructionPlace {
  readonly keyword: string;
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

const PLACES = Symbol('instruction places');

/**
 * The places of a chunk's instructions, memoized with the chunk. Why: a chunk an edit did not touch keeps its AST and
 * its text, so its instructions keep their keywords, texts and offsets relative to it; only the chunk's own start
 * moves. An edit then reads no keyword, range or text of the rest of the file again (and the texts, the keys of the
 * model cache, stay the same strings, whose hashes V8 keeps).
 */
function placesOf(document: TextDocument, chunk: ParsedChunk): readonly InstructionPlace[] {
  return memoOn(chunk, PLACES, () => {
    // Why a slice of the chunk's parsed text and not of the document: it lives as long as the chunk anyway, whereas a
    // slice of the document would keep the whole text of the version that made the chunk alive.
    const inParsed = chunk.parsedText.length - (chunk.end - chunk.start) - chunk.start;
    return chunk.instructions.map((instruction): InstructionPlace => {
      const range = instruction.getRange();
      const start = document.offsetAt(range.start);
      const end = document.offsetAt(range.end);
      return { keyword: instruction.getKeyword(), start: start - chunk.start, end: end - chunk.start, text: chunk.parsedText.slice(start + inParsed, end + inParsed) };
    });
  });
}

type MutableStage = Stage & {
  instructions: InstructionModel[];
  runs: RunModel[];
  env: EnvEntry[];
  family: BaseFamily;
  alpineRelease: string | undefined;
  isAlpineLike: boolean;
};

interface Property {
  readonly name: string;
  readonly value: string | null;
}

/** The `NAME=value` properties of an ARG or ENV (none for other instructions). */
function propertiesOf(instruction: Instruction): Property[] {
  const properties = (instruction as unknown as { getProperties?(): { getName(): string; getValue(): string | null }[] }).getProperties?.() ?? [];
  return properties.map((property) => ({ name: property.getName(), value: property.getValue() }));
}

function recordGlobalArgs(properties: readonly Property[], into: Map<string, string>): void {
  for (const property of properties) {
    if (property.value !== null) into.set(property.name, property.value);
    else if (!into.has(property.name)) into.set(property.name, '');
  }
}

function recordEnv(properties: readonly Property[], offset: number, into: EnvEntry[]): void {
  for (const property of properties) into.push({ name: property.name, value: property.value ?? '', offset });
}

/** Longer than any image reference (a name of at most 255 characters, a tag, a digest and ARG defaults). */
const MAX_IMAGE_TEXT = 4096;

/** Substitutes `$NAME`, `${NAME}`, `${NAME:-default}` from the global ARGs; undefined if anything is left. */
function substituteArgs(text: string, args: Map<string, string>): string | undefined {
  // Why: the `${NAME:-word}` pattern rescans to the end from every `${` without a `}` after it, which is quadratic;
  // no image reference is this long, so such text is simply unresolved.
  if (text.length > MAX_IMAGE_TEXT) return undefined;
  let unresolved = false;
  const result = text.replace(/\$\{([A-Za-z_][A-Za-z0-9_]*)(?::?([-+])([^}]*))?\}|\$([A-Za-z_][A-Za-z0-9_]*)/g, (_match, braced: string | undefined, operator: string | undefined, word: string | undefined, plain: string | undefined) => {
    const name = braced ?? plain ?? '';
    const value = args.get(name);
    if (operator === '-') return value ? value : (word ?? '');
    if (operator === '+') return value ? (word ?? '') : '';
    if (value === undefined || value === '') {
      unresolved = true;
      return '';
    }
    return value;
  });
  return unresolved ? undefined : result;
}

function createStage(
  stages: Stage[],
  from: InstructionModel,
  globalArgs: Map<string, string>,
  facts: { image: string | null; buildStage: string | null },
  stagesByName: ReadonlyMap<string, MutableStage>,
): MutableStage {
  const imageText = facts.image ?? '';
  const resolvedImage = substituteArgs(imageText, globalArgs);
  const parent = resolvedImage === undefined ? undefined : stagesByName.get(resolvedImage.toLowerCase());
  let family: BaseFamily = 'unknown';
  let alpineRelease: string | undefined;
  if (parent) {
    family = parent.family;
    alpineRelease = parent.alpineRelease;
  } else if (resolvedImage !== undefined) {
    const reference = parseImageReference(resolvedImage);
    if (reference) ({ family, alpineRelease } = classifyImage(reference));
  }
  const stage: MutableStage = {
    index: stages.length,
    name: facts.buildStage?.toLowerCase() ?? undefined,
    from: from,
    imageText,
    resolvedImage,
    parent,
    family,
    alpineRelease,
    instructions: [],
    runs: [],
    env: parent ? [...parent.env] : [],
    isAlpineLike: false,
  };
  (stage as { from: InstructionModel }).from = { ...from, stage };
  return stage;
}

function createImplicitStage(): MutableStage {
  return {
    index: 0,
    name: undefined,
    from: undefined,
    imageText: '',
    resolvedImage: undefined,
    parent: undefined,
    family: 'unknown',
    alpineRelease: undefined,
    instructions: [],
    runs: [],
    env: [],
    isAlpineLike: false,
  };
}

function finishStage(stage: Stage): void {
  const mutable = stage as MutableStage;
  const runsApk = (candidate: Stage | undefined): boolean => {
    for (let s = candidate; s; s = s.parent) if (s.runs.some((run) => run.apkCalls.length > 0)) return true;
    return false;
  };
  mutable.isAlpineLike = stage.family === 'alpine' || (stage.family === 'unknown' && runsApk(stage));
}

const HEREDOC_MARKER = /<<-?\s*(["']?)([A-Za-z_][A-Za-z0-9_]*)\1/g;
const SCRIPT_SHELLS = new Set(['sh', 'bash', 'ash', 'dash', 'zsh']);

function createRun(document: TextDocument, text: string, escapeChar: string, run: Run, base: InstructionModel): RunModel {
  const flags = run.getFlags();
  const mounts: RunMount[] = [];
  for (const flag of flags) {
    if (flag.getName() !== 'mount') continue;
    const options = new Map<string, string>();
    for (const option of flag.getOptions()) options.set(option.getName(), option.getValue() ?? '');
    mounts.push({ type: options.get('type') ?? 'bind', target: options.get('target') ?? options.get('dst') ?? options.get('destination') });
  }
  const keywordEnd = document.offsetAt(run.getInstructionRange().end);
  // Note: each dockerfile-ast argument query re-reads the arguments; read them once (flags are cached by the AST).
  const args = run.getArguments();
  const argumentsRange = args.length === 0 ? null : { start: args[0].getRange().start, end: args[args.length - 1].getRange().end };
  const bodyStart = argumentsRange ? document.offsetAt(argumentsRange.start) : base.end;
  const flagsStart = Math.min(keywordEnd + 1, base.end);
  const jsonStrings = run.getJSONStrings();
  let form: RunModel['form'] = 'shell';
  let commands: ShellCommand[] = [];
  const exports: ShellWord[] = [];
  if (jsonStrings.length > 0) {
    form = 'exec';
    commands = [execCommand(document, jsonStrings)];
  } else if (argumentsRange) {
    const heredocs = text.slice(base.start, base.end).includes('<<') ? run.getHeredocs() : [];
    const bodyEnd = base.end;
    if (heredocs.length === 0) {
      commands = parseSegments([joinContinuationLines(text, bodyStart, bodyEnd, escapeChar)], exports);
    } else {
      form = 'heredoc';
      const firstContent = heredocs[0].getContentRange();
      const firstLineEnd = firstContent ? lineStartBefore(text, document.offsetAt(firstContent.start)) : bodyEnd;
      const head = blankHeredocMarkers(joinContinuationLines(text, bodyStart, firstLineEnd, escapeChar));
      commands = parseSegments([head], exports);
      const runsScript = commands.length === 0 || (commands.length === 1 && SCRIPT_SHELLS.has(commands[0].name ?? '') && commands[0].words.length === 1);
      if (runsScript) {
        const bodies: ShellSegment[] = [];
        for (const heredoc of heredocs) {
          const content = heredoc.getContentRange();
          if (content) bodies.push(verbatimSegment(text, document.offsetAt(content.start), document.offsetAt(content.end)));
        }
        commands = commands.concat(parseSegments(bodies, exports).map((command) => ({ ...command, index: command.index + commands.length })));
      }
    }
  }
  const apkCalls = commands.map(parseApk).filter((call): call is ApkCall => call !== undefined);
  return { ...base, form, mounts, commands, apkCalls, exports, bodyStart, flagsStart };
}

/** The same RUN model `delta` characters later in the document, sharing nothing with `run`. */
function copyRun(run: RunModel, delta: number): RunModel {
  const copyWord = (word: ShellWord): ShellWord => ({ raw: word.raw, value: word.value, start: word.start + delta, end: word.end + delta });
  const commands = run.commands.map((command) => ({
    ...command,
    words: command.words.map(copyWord),
    assignments: command.assignments.map(copyWord),
    start: command.start + delta,
    end: command.end + delta,
  }));
  return {
    ...run,
    start: run.start + delta,
    end: run.end + delta,
    commands,
    apkCalls: commands.map(parseApk).filter((call): call is ApkCall => call !== undefined),
    exports: run.exports.map(copyWord),
    bodyStart: run.bodyStart + delta,
    flagsStart: run.flagsStart + delta,
  };
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/**
 * Moves a RUN model `delta` characters in place (an edit before it changed the text's length). Why in place: after
 * a one-line edit every later RUN moves, and copying their words cost a third of the re-lint of a 20k-line file.
 * The apk calls hold the same command and word objects, so they move with them.
 */
function shiftRun(run: RunModel, delta: number): void {
  // Note: the shell parser makes a new word object for every array it fills (words, assignments, exports), so each
  // object is moved once.
  const shift = (item: { readonly start: number; readonly end: number }): void => {
    (item as Mutable<typeof item>).start += delta;
    (item as Mutable<typeof item>).end += delta;
  };
  // Why `forEach`: this runs for every RUN after an edit above it, often before V8 has optimized it, and `for…of`
  // then allocates an iterator result per element.
  run.commands.forEach((command) => {
    shift(command);
    command.words.forEach(shift);
    command.assignments.forEach(shift);
  });
  run.exports.forEach(shift);
  shift(run);
  (run as Mutable<RunModel>).bodyStart += delta;
  (run as Mutable<RunModel>).flagsStart += delta;
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

function execCommand(document: TextDocument, strings: ReturnType<Run['getJSONStrings']>): ShellCommand {
  const text = document.getText();
  const words: ShellWord[] = strings.map((argument) => {
    const range = argument.getRange();
    const start = document.offsetAt(range.start);
    const end = document.offsetAt(range.end);
    const raw = text.slice(start, end);
    return { raw, value: decodeJsonString(raw) ?? argument.getJSONValue(), start, end };
  });
  const first = words[0]?.value;
  return {
    name: first === undefined ? undefined : first.slice(first.lastIndexOf('/') + 1),
    words,
    assignments: [],
    start: words[0]?.start ?? 0,
    end: words[words.length - 1]?.end ?? 0,
    separatorBefore: 'none',
    separatorAfter: 'none',
    isTopLevel: true,
    index: 0,
  };
}

/**
 * Why: Docker decodes exec form as JSON, but dockerfile-ast's string values drop blanks and unknown escapes
 * (`"apk add x"` → `apkaddx`, `\u0020` → `0020`). Undefined when the string spans a line continuation.
 */
function decodeJsonString(raw: string): string | undefined {
  try {
    const value: unknown = JSON.parse(raw);
    return typeof value === 'string' ? value : undefined;
  } catch {
    return undefined;
  }
}
