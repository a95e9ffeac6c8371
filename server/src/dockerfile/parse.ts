/**
 * Parses a Dockerfile with dockerfile-ast in chunks of whole stages, so a large file costs linear time and an edit
 * re-parses only the chunk it touches.
 * Why this is the same parse: dockerfile-ast reads a file line by line and starts every instruction from a blank
 * state, except for the escape directive and, for variable resolution, the global ARGs. So each chunk after the
 * first is parsed as "header (directives and global ARGs) + blank lines + chunk": every range is in document lines,
 * and a chunk is accepted only when its last instruction ends before the chunk does (no continuation or heredoc
 * runs into the next one); otherwise the next chunk is merged into it.
 */
import { Arg, DockerfileParser, Env, From, Instruction, type Argument, type Comment, type Dockerfile, type ParserDirective } from 'dockerfile-ast';
import { ImageTemplate } from 'dockerfile-ast/lib/imageTemplate';
import { Parser as LibraryParser } from 'dockerfile-ast/lib/parser';
import { memoOn } from '../util/memo';
import { prefixLength } from '../util/prefixLength';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Range } from 'vscode-languageserver-types';

/** While a `withArgumentScansKept` call runs: each instruction's arguments, read once. */
let keptScans: Map<object, Argument[]> | undefined;

/**
 * Runs `work` with dockerfile-ast's argument scan kept per instruction. Why: the library re-scans an instruction's
 * text on every argument query (getArguments, getArgumentsRange, getFlags, …, each a character loop with a line
 * search per argument), and dockerfile-utils' validator asks a dozen times per instruction: a third of a lint's
 * time, and most of its garbage. An instruction never changes after parsing, so within one lint the first scan
 * answers the others: every call returns a fresh array (callers shift flags off it) of the same Argument objects,
 * whose ranges are frozen. The one library method that changes a range it got from an argument, FROM's
 * `getImageRange` (its callers move the ends), is made to return a copy. The scans are dropped when `work` returns,
 * so they cost no memory between lints.
 */
export function withArgumentScansKept<T>(work: () => T): T {
  if (keptScans) return work();
  patchArgumentScan();
  keptScans = new Map();
  try {
    return work();
  } finally {
    keptScans = undefined;
  }
}

let isPatched = false;

function patchArgumentScan(): void {
  if (isPatched) return;
  isPatched = true;
  patchVariableResolution();
  const prototype = Instruction.prototype as unknown as { getRawArguments(): Argument[] };
  const scan = prototype.getRawArguments;
  prototype.getRawArguments = function getRawArguments(this: object): Argument[] {
    const scans = keptScans;
    if (!scans) return scan.call(this);
    let kept = scans.get(this);
    if (!kept) {
      // Note: the scan made these objects for this call alone; they are frozen where they are, not copied.
      kept = scan.call(this);
      for (const argument of kept) {
        const range = argument.getRange();
        Object.freeze(range.start);
        Object.freeze(range.end);
        Object.freeze(range);
      }
      scans.set(this, kept);
    }
    return kept.slice();
  };
  patchInstructionReuse();
  const fromPrototype = From.prototype as unknown as { getImageRange(): Range | null };
  const getImageRange = fromPrototype.getImageRange;
  fromPrototype.getImageRange = function imageRange(this: object): Range | null {
    const range = getImageRange.call(this);
    return range ? { start: range.start, end: range.end } : null;
  };
}

type CreateInstruction = (this: object, dockerfile: Dockerfile, keyword: string, start: number, keywordEnd: number, end: number) => Instruction;

/** The instruction the library's parser made last, and what it was made from. */
let lastMade: { parser: object; dockerfile: Dockerfile; keyword: string; start: number; keywordEnd: number; end: number; instruction: Instruction } | undefined;

/**
 * Makes dockerfile-ast's parser build each instruction once. Why: at the end of an instruction's line it builds the
 * instruction to look for heredocs (`<<EOF`) in its arguments, drops it, and builds it again from the same offsets to
 * add it to the file, unless a heredoc moved the end. Each build scans the arguments, and RUN, COPY, CMD and
 * ENTRYPOINT read them several times in their constructor: the second build was a sixth of the parse's garbage.
 * Reading arguments caches nothing an instruction would not compute the same way again, so the first one is kept.
 */
function patchInstructionReuse(): void {
  const prototype = LibraryParser.prototype as unknown as { createInstruction: CreateInstruction; parse(this: object, text: string): Dockerfile };
  const create = prototype.createInstruction;
  const parse = prototype.parse;
  // Note: the last instruction is forgotten when a parse ends, so that no syntax tree outlives its parse through it.
  prototype.parse = function parseText(this: object, text: string): Dockerfile {
    try {
      return parse.call(this, text);
    } finally {
      lastMade = undefined;
    }
  };
  prototype.createInstruction = function createInstruction(this: object, dockerfile, keyword, start, keywordEnd, end): Instruction {
    const last = lastMade;
    lastMade = undefined;
    if (last && last.parser === this && last.dockerfile === dockerfile && last.keyword === keyword && last.start === start && last.keywordEnd === keywordEnd && last.end === end) return last.instruction;
    const instruction = create.call(this, dockerfile, keyword, start, keywordEnd, end);
    lastMade = { parser: this, dockerfile, keyword, start, keywordEnd, end, instruction };
    return instruction;
  };
}

/** The ENV or ARG values of one name in a stage, in instruction order: start lines and values. */
interface NameIndex {
  readonly lines: number[];
  readonly values: (string | null)[];
}

interface TemplateIndex {
  readonly env: Map<string, NameIndex>;
  readonly arg: Map<string, NameIndex>;
}

const TEMPLATE_INDEX = Symbol('variable index');
const FROM_LINES = Symbol('FROM lines');

/** ENV and ARG values of a stage by name, read once per syntax tree (which never changes). */
function templateIndex(template: ImageTemplate): TemplateIndex {
  return memoOn(template, TEMPLATE_INDEX, (): TemplateIndex => {
    const env = new Map<string, NameIndex>();
    const arg = new Map<string, NameIndex>();
    const add = (into: Map<string, NameIndex>, name: string, line: number, value: string | null): void => {
      let entry = into.get(name);
      if (!entry) into.set(name, (entry = { lines: [], values: [] }));
      entry.lines.push(line);
      entry.values.push(value);
    };
    for (const instruction of template.getInstructions()) {
      const line = instruction.getRange().start.line;
      if (instruction instanceof Env) {
        // Note: the library takes the first property of that name within the last ENV that has it.
        const seen = new Set<string>();
        for (const property of instruction.getProperties()) {
          if (seen.has(property.getName())) continue;
          seen.add(property.getName());
          add(env, property.getName(), line, property.getValue());
        }
      } else if (instruction instanceof Arg) {
        const property = instruction.getProperty();
        if (property) add(arg, property.getName(), line, property.getValue());
      }
    }
    return { env, arg };
  });
}

/** The entry of the last instruction that starts on a line before `line`, or -1. */
function lastBefore(entry: NameIndex | undefined, line: number): number {
  return entry ? prefixLength(entry.lines, (start) => start < line) - 1 : -1;
}

type Resolve = (this: unknown, variable: string, line: number) => string | null | undefined;

/** The library's own implementations, kept for the test that compares them with the indexed ones. */
export const libraryVariableResolution: { template?: Resolve; dockerfile?: Resolve; instruction?: (this: unknown, variable: string, line: number) => boolean | undefined } = {};

/** Installs the library patches (idempotent); parsing installs them too. */
export function installLibraryPatches(): void {
  patchArgumentScan();
}

/**
 * Makes dockerfile-ast's variable resolution use an index per stage. Why: the library resolves every `$VAR` of every
 * instruction (the validator asks for all of them) by listing the stage's ENV and ARG instructions and scanning them
 * backwards, so a stage of n ENVs and n references cost n² (8,000 `ENV V$i` / `RUN echo $V$i` pairs: 15 s per lint).
 * The index answers exactly as the scan did: the last ENV (then ARG) that starts before the line and names it.
 */
function patchVariableResolution(): void {
  const templatePrototype = ImageTemplate.prototype as unknown as { resolveVariable(variable: string, line: number): string | null | undefined };
  libraryVariableResolution.template = templatePrototype.resolveVariable;
  templatePrototype.resolveVariable = function resolveVariable(this: ImageTemplate, variable: string, line: number): string | null | undefined {
    const index = templateIndex(this);
    const env = index.env.get(variable);
    const envAt = lastBefore(env, line);
    if (env && envAt >= 0) return env.values[envAt];
    const arg = index.arg.get(variable);
    const argAt = lastBefore(arg, line);
    return arg && argAt >= 0 ? arg.values[argAt] : undefined;
  };
  // The file-level resolution: a FROM line resolves against the global ARGs, any other line against its stage and then,
  // for an ARG declared without a value, against the global ARGs. The library lists every FROM on each call.
  const dockerfilePrototype = (DockerfileParser.parse('').constructor as { prototype: unknown }).prototype as {
    resolveVariable(variable: string, line: number): string | null | undefined;
  };
  libraryVariableResolution.dockerfile = dockerfilePrototype.resolveVariable;
  dockerfilePrototype.resolveVariable = function resolveVariable(this: Dockerfile, variable: string, line: number): string | null | undefined {
    const fromLines = memoOn(this, FROM_LINES, () => this.getFROMs().map((from) => [from.getRange().start.line, from.getRange().end.line] as const));
    const initial = (): string | null | undefined => {
      const args = templateIndex((this as unknown as { initialInstructions: ImageTemplate }).initialInstructions).arg.get(variable);
      const at = lastBefore(args, line);
      return args && at >= 0 ? args.values[at] : undefined;
    };
    const fromAt = prefixLength(fromLines, (range) => range[0] <= line) - 1;
    if (fromAt >= 0 && line <= fromLines[fromAt][1]) return initial();
    const image = this.getContainingImage({ line, character: 0 }) as unknown as ImageTemplate | null;
    if (image === null) return undefined;
    // Note: a line outside every stage gets the file itself, whose resolution would call this again without end.
    const resolveIn = (image as unknown) === this ? templatePrototype.resolveVariable : (image as unknown as { resolveVariable(variable: string, line: number): string | null | undefined }).resolveVariable;
    const resolved = resolveIn.call(image, variable, line);
    return resolved === null ? initial() : resolved;
  };
  const instructionPrototype = Instruction.prototype as unknown as { isBuildVariable(variable: string, line: number): boolean | undefined };
  const isBuildVariable = instructionPrototype.isBuildVariable;
  libraryVariableResolution.instruction = isBuildVariable;
  instructionPrototype.isBuildVariable = function indexedIsBuildVariable(this: Instruction, variable: string, line: number): boolean | undefined {
    if (this.getKeyword() === 'FROM') return isBuildVariable.call(this, variable, line);
    const dockerfile = (this as unknown as { dockerfile: Dockerfile }).dockerfile;
    const image = dockerfile.getContainingImage({ line, character: 0 }) as unknown as ImageTemplate | null;
    if (!image) return isBuildVariable.call(this, variable, line);
    const index = templateIndex(image);
    if (lastBefore(index.env.get(variable), line) >= 0) return false;
    if (lastBefore(index.arg.get(variable), line) >= 0) return true;
    return undefined;
  };
}

export interface ParsedChunk {
  /** Document offsets [start, end); chunks tile the document. */
  readonly start: number;
  readonly end: number;
  readonly startLine: number;
  /** What was parsed: the chunk text, after the header and blank lines for every chunk but the first. */
  readonly parsedText: string;
  /** Length of the header at the start of `parsedText` (0 for the first chunk). */
  readonly headerLength: number;
  /** The AST of `parsedText`; its ranges are document ranges (lines and characters). */
  readonly ast: Dockerfile;
  /** The chunk's own instructions and comments (those of the header excluded). */
  readonly instructions: readonly Instruction[];
  readonly comments: readonly Comment[];
}

export interface ParsedDockerfile {
  readonly text: string;
  /** The text's line index, shared with the model built from this parse. */
  readonly document: TextDocument;
  readonly escapeChar: string;
  readonly directives: readonly ParserDirective[];
  readonly chunks: readonly ParsedChunk[];
}

/**
 * Chunks of the previous version of a document, reused when their text and position are unchanged. Keyed by start
 * line and compared by parsed text. Why not the text as key: a key string is a second copy of every chunk's text
 * (with its padding), kept as long as the chunk.
 */
export class ChunkCache {
  private previous = new Map<number, ParsedChunk[]>();
  private current = new Map<number, ParsedChunk[]>();

  /**
   * The chunk parsed from `header` + padding + `chunkText` at `startLine`. Why the parts: building the whole text
   * to compare it costs a copy of the file (with its padding) per lint. The padding is fixed by the header and the
   * start line, so an equal header (same length, same start) and an equal rest decide.
   */
  get(startLine: number, header: string, padLength: number, chunkText: string): ParsedChunk | undefined {
    const length = header.length + padLength + chunkText.length;
    const matches = (chunk: ParsedChunk): boolean =>
      chunk.headerLength === header.length && chunk.parsedText.length === length && chunk.parsedText.startsWith(header) && chunk.parsedText.endsWith(chunkText);
    const found = this.current.get(startLine)?.find(matches) ?? this.previous.get(startLine)?.find(matches);
    if (found) this.set(startLine, found);
    return found;
  }

  set(startLine: number, chunk: ParsedChunk): void {
    const chunks = this.current.get(startLine);
    if (!chunks) this.current.set(startLine, [chunk]);
    else if (!chunks.includes(chunk)) chunks.push(chunk);
  }

  /** Keeps only what the last parse used; called once per parse. */
  endGeneration(): void {
    this.previous = this.current;
    this.current = new Map();
  }
}

/** Offsets at which the lines of `text` start (after \r\n, \n or a lone \r), as TextDocument computes them. */
function lineStarts(text: string): number[] {
  const starts = [0];
  // Why two loops: without \r, `indexOf` finds the line breaks several times faster than a loop over every character.
  if (!text.includes('\r')) {
    for (let index = text.indexOf('\n'); index !== -1; index = text.indexOf('\n', index + 1)) starts.push(index + 1);
    return starts;
  }
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code === 0x0d && text.charCodeAt(index + 1) === 0x0a) index++;
    else if (code !== 0x0d && code !== 0x0a) continue;
    starts.push(index + 1);
  }
  return starts;
}

/**
 * A TextDocument of `text` with its line index already built. Why: the library builds it on first use with a loop
 * over every character (a few milliseconds for a 20,000-line file, on every lint); this one is the same index, built
 * faster. The index is handed to the library's private field only when that field exists, so a library without it
 * still works (building its own).
 */
function indexedDocument(text: string, lines: number[]): TextDocument {
  const document = TextDocument.create('untitled:Dockerfile', 'dockerfile', 0, text);
  const fields = document as unknown as { _lineOffsets?: number[] };
  if ('_lineOffsets' in fields && fields._lineOffsets === undefined) fields._lineOffsets = lines;
  return document;
}

/** Offsets and line numbers of the lines that start with `FROM`: where a new chunk may begin. */
function stageStarts(text: string, lines: readonly number[]): { offset: number; line: number }[] {
  const starts: { offset: number; line: number }[] = [];
  for (let line = 0; line < lines.length; line++) {
    let index = lines[line];
    while (text.charCodeAt(index) === 0x20 || text.charCodeAt(index) === 0x09) index++;
    if ((text.charCodeAt(index) | 0x20) !== 0x66 || (text.charCodeAt(index + 1) | 0x20) !== 0x72) continue;
    if ((text.charCodeAt(index + 2) | 0x20) !== 0x6f || (text.charCodeAt(index + 3) | 0x20) !== 0x6d) continue;
    const after = text.charCodeAt(index + 4);
    if (after === 0x20 || after === 0x09) starts.push({ offset: lines[line], line });
  }
  return starts;
}

/** True when the parse of `parsedText` did not run into its end inside an instruction (continuation, heredoc). */
function endsCleanly(ast: Dockerfile, lastLine: number): boolean {
  const instructions = ast.getInstructions();
  const last = instructions[instructions.length - 1];
  // The range ends at the line break that ends the instruction; on the last line means it ran to the end of text.
  return !last || last.getRange().end.line < lastLine;
}

function createChunk(start: number, end: number, startLine: number, parsedText: string, headerLength: number, ast: Dockerfile, isFirst: boolean): ParsedChunk {
  const isOwn = (range: { start: { line: number } }): boolean => isFirst || range.start.line >= startLine;
  return {
    start,
    end,
    startLine,
    parsedText,
    headerLength,
    ast,
    instructions: ast.getInstructions().filter((instruction) => isOwn(instruction.getRange())),
    comments: ast.getComments().filter((comment) => isOwn(comment.getRange())),
  };
}

/**
 * Why a minimum: every chunk after the first is parsed behind as many blank lines as precede it, and dockerfile-ast
 * indexes every line; chunks of some hundred lines keep that small, and files shorter than that are one chunk.
 */
export const MIN_CHUNK_LINES = 500;

/** Parses `text` in chunks of whole stages, reusing unchanged chunks from `cache`. Never throws on bad input. */
export function parseInChunks(text: string, cache?: ChunkCache, minChunkLines = MIN_CHUNK_LINES): ParsedDockerfile {
  const lines = lineStarts(text);
  const document = indexedDocument(text, lines);
  const lineOf = (offset: number): number => document.positionAt(offset).line;
  const starts = stageStarts(text, lines);
  const chunks: ParsedChunk[] = [];
  let header: { text: string; lines: number } | undefined;
  let start = 0;
  let startLine = 0;
  let next = 0;
  while (start < text.length || chunks.length === 0) {
    let chunk: ParsedChunk | undefined;
    for (;;) {
      while (next < starts.length && (starts[next].offset <= start || starts[next].line < startLine + minChunkLines)) next++;
      const end = next < starts.length ? starts[next].offset : text.length;
      const chunkText = text.slice(start, end);
      // Note: after a header that ends with a lone \r, a \n pad would join it into one \r\n line break.
      const pad = header?.text.endsWith('\r') ? '\r' : '\n';
      const headerText = header?.text ?? '';
      const padLength = header ? startLine - header.lines : 0;
      chunk = cache?.get(startLine, headerText, padLength, chunkText);
      // A reused chunk keeps its lines (ranges are by line) but may start at another offset after an edit above it.
      if (chunk && chunk.start !== start) chunk = { ...chunk, start, end };
      let isClean = true;
      if (!chunk) {
        const parsedText = headerText + pad.repeat(padLength) + chunkText;
        const ast = DockerfileParser.parse(parsedText);
        isClean = end === text.length || endsCleanly(ast, lineOf(end));
        chunk = createChunk(start, end, startLine, parsedText, headerText.length, ast, header === undefined);
        if (isClean) cache?.set(startLine, chunk);
      }
      // The first chunk holds the first FROM, so that everything before it is the header of the others.
      const hasFrom = header !== undefined || chunk.instructions.some((instruction) => instruction.getKeyword() === 'FROM');
      if (end === text.length || (isClean && hasFrom)) break;
      next++;
    }
    chunks.push(chunk);
    if (!header) {
      const firstFrom = chunk.instructions.find((instruction) => instruction.getKeyword() === 'FROM');
      const fromLine = firstFrom ? firstFrom.getRange().start.line : 0;
      const fromStart = starts.find((candidate) => candidate.line === fromLine)?.offset ?? document.offsetAt({ line: fromLine, character: 0 });
      header = { text: text.slice(0, fromStart), lines: fromLine };
    }
    startLine = lineOf(chunk.end);
    start = chunk.end;
  }
  cache?.endGeneration();
  const first = chunks[0].ast;
  return { text, document, escapeChar: first.getEscapeCharacter(), directives: first.getDirectives(), chunks };
}
