/**
 * The Dockerfile model every rule reads: parser directives and comments, stages with their base image facts, and
 * every instruction typed (see `instructions.ts`; RUN with its shell commands in `run.ts`). Built once per document
 * version on top of dockerfile-ast, which nothing outside this folder reads.
 */
import type { Instruction as AstInstruction, Run } from 'dockerfile-ast';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Span } from '../util/span';
import { memoOn } from '../util/memo';
import { readComments, readDirectives, type Comment, type Directive } from './directives';
import { assignShells } from './shells';
import { classifyImage, parseImageReference, type BaseFamily } from './image';
import {
  CommandInstruction,
  CopyInstruction,
  ExposeInstruction,
  FromInstruction,
  HealthcheckInstruction,
  PlainInstruction,
  PropertyInstruction,
  UserInstruction,
  VolumeInstruction,
  WorkdirInstruction,
  type Instruction,
  type Placement,
  type Source,
} from './instructions';
import { ChunkCache, parseInChunks, type ParsedChunk, type ParsedDockerfile } from './parse';
import { copyRunShell, createRunShell, RunInstruction, shiftRunShell, type RunShell } from './run';
import { expandVariables } from './variables';

export type {
  CommandInstruction,
  CommandLine,
  CopyInstruction,
  ExposeInstruction,
  FromInstruction,
  HealthcheckInstruction,
  Instruction,
  InstructionOf,
  PlainInstruction,
  Property,
  PropertyInstruction,
  Token,
  UserInstruction,
  VolumeInstruction,
  WorkdirInstruction,
} from './instructions';
export { RunInstruction } from './run';
export { hasKeyword } from './instructions';

export interface EnvEntry {
  readonly name: string;
  readonly value: string;
  /** Document offset of the ENV instruction. */
  readonly offset: number;
}

export interface ArgEntry {
  readonly name: string;
  /** The default, or the global ARG's default it redeclares; undefined when the build must supply it. */
  readonly value: string | undefined;
  /** Document offset of the ARG instruction. */
  readonly offset: number;
}

export interface Stage {
  readonly index: number;
  /** The `AS name`, lower-cased as BuildKit compares it. */
  readonly name: string | undefined;
  /** The FROM instruction; undefined for the implicit stage holding instructions written before any FROM. */
  readonly from: FromInstruction | undefined;
  /** The image as written and after global ARG substitution (undefined when it cannot be resolved). */
  readonly imageText: string;
  readonly resolvedImage: string | undefined;
  /** Earlier stage this one builds on (`FROM builder`). */
  readonly parent: Stage | undefined;
  /** Stages built `FROM` this one. */
  readonly children: readonly Stage[];
  /** Family from the image, or inherited from the parent stage. */
  readonly family: BaseFamily;
  readonly alpineRelease: string | undefined;
  /** The stage's instructions after its FROM, in order (ONBUILD triggers included, marked `isOnbuild`). */
  readonly instructions: readonly Instruction[];
  readonly runs: readonly RunInstruction[];
  /** ENV values set in this stage and its parent stages, in order. */
  readonly env: readonly EnvEntry[];
  /** ARGs declared in this stage, in order. */
  readonly args: readonly ArgEntry[];
  /** True when the image is Alpine, or the family is unknown and the stage (or its parent) runs `apk`. */
  readonly isAlpineLike: boolean;
}

export interface DockerfileModel {
  readonly text: string;
  readonly document: TextDocument;
  /** Parser directives (`# escape=`, `# syntax=`, `# check=`, and a first-line `# hadolint …` pragma). */
  readonly directives: readonly Directive[];
  /** Every comment line outside the directives, in order (comment lines inside continuations included). */
  readonly comments: readonly Comment[];
  readonly escapeChar: string;
  /** Global ARGs (before the first FROM) by name: the default, or `''` without one. */
  readonly globalArgs: ReadonlyMap<string, string>;
  readonly stages: readonly Stage[];
  /** Every instruction, in order, including ARGs before the first FROM. */
  readonly instructions: readonly Instruction[];
  readonly runs: readonly RunInstruction[];
}

/** The stage named `name` (lower-cased) or with index `name` that starts before `offset`, as `--from` resolves it. */
export function stageNamed(model: DockerfileModel, name: string, offset = Number.POSITIVE_INFINITY): Stage | undefined {
  const byName = memoOn(model, STAGES_BY_NAME, () => {
    const map = new Map<string, Stage[]>();
    for (const stage of model.stages) {
      for (const key of [String(stage.index), ...(stage.name === undefined ? [] : [stage.name])]) {
        const list = map.get(key);
        if (list) list.push(stage);
        else map.set(key, [stage]);
      }
    }
    return map;
  });
  const candidates = byName.get(name.toLowerCase()) ?? [];
  let found: Stage | undefined;
  for (const stage of candidates) if ((stage.from?.start ?? 0) < offset) found = stage;
  return found;
}

const STAGES_BY_NAME = Symbol('stages by name');

/** What a file contains at a glance: the keywords of its instructions and the programs its RUN commands name. */
export interface ModelOutline {
  /** `instruction.keyword` of every instruction (an ONBUILD trigger's own keyword, `UNKNOWN` for unknown ones). */
  readonly keywords: ReadonlySet<string>;
  /** `command.name` of every command of every RUN (commands inside substitutions and conditions included). */
  readonly programs: ReadonlySet<string>;
}

/** The model's outline, read once per model. */
export function outlineOf(model: DockerfileModel): ModelOutline {
  return memoOn(model, OUTLINE, () => {
    const keywords = new Set<string>();
    for (const instruction of model.instructions) keywords.add(instruction.keyword);
    const programs = new Set<string>();
    for (const run of model.runs) for (const command of run.commands) if (command.name !== undefined) programs.add(command.name);
    return { keywords, programs };
  });
}

const OUTLINE = Symbol('outline');

/** The stage and the stages it builds on, nearest first. */
export function stageChain(stage: Stage | undefined): Stage[] {
  const chain: Stage[] = [];
  const seen = new Set<Stage>();
  for (let current = stage; current && !seen.has(current); current = current.parent) {
    seen.add(current);
    chain.push(current);
  }
  return chain;
}

/** The instruction (ONBUILD triggers: the whole line) that holds `offset`, or undefined. */
export function instructionAt(model: DockerfileModel, offset: number): Instruction | undefined {
  const list = model.instructions;
  let low = 0;
  let high = list.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (list[middle].end <= offset) low = middle + 1;
    else high = middle;
  }
  const found = list[low];
  return found && found.start <= offset && offset < found.end ? found : undefined;
}

/** Offsets of the whole document. */
export function documentSpan(model: DockerfileModel): Span {
  return { start: 0, end: model.text.length };
}

/**
 * What one version of a document leaves for the next: parsed chunks, RUN shell models and facts read from unchanged
 * instructions, reused when their text is unchanged. Holds only the last version's entries.
 */
export class ModelCache {
  readonly chunks = new ChunkCache();
  /** By key, the RUN shell models of the previous version not yet taken by this one, in document order. */
  private previousRuns = new Map<string, RunShell[]>();
  private currentRuns = new Map<string, RunShell[]>();
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
   * The RUN shell model for `key` (the instruction's text), moved to start at `start`. A model of the previous
   * version is moved in place, so the previous version's RUNs must not be read after this one is built; a second RUN
   * with the same text in this version gets a copy.
   */
  run(key: string, start: number, create: () => RunShell): RunShell {
    let run = this.previousRuns.get(key)?.shift();
    if (run) {
      if (run.start !== start) shiftRunShell(run, start - run.start);
    } else {
      const twin = this.currentRuns.get(key)?.[0];
      run = twin ? copyRunShell(twin, start - twin.start) : create();
    }
    const runs = this.currentRuns.get(key);
    if (runs) runs.push(run);
    else this.currentRuns.set(key, [run]);
    return run;
  }

  /** What `create` reads from an instruction's syntax tree, by kind and the instruction's text. */
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

/** Offset-free facts of ENV and ARG, read while building the model. */
interface PropertyFact {
  readonly name: string;
  readonly value: string | null;
}

type MutableStage = Stage & {
  instructions: Instruction[];
  runs: RunInstruction[];
  env: EnvEntry[];
  args: ArgEntry[];
  children: Stage[];
  family: BaseFamily;
  alpineRelease: string | undefined;
  isAlpineLike: boolean;
};

/** Builds the model from a parse (shared with the syntax diagnostics). */
export function buildModel(parsed: ParsedDockerfile, cache?: ModelCache): DockerfileModel {
  const { text, escapeChar, document } = parsed;
  const source: Source = { text, document, escapeChar };
  cache?.beginGeneration(escapeChar);
  const globalArgs = new Map<string, string>();
  const stages: MutableStage[] = [];
  const instructions: Instruction[] = [];
  const runs: RunInstruction[] = [];
  /** The last stage of each name so far: `FROM name` builds on it. */
  const stagesByName = new Map<string, MutableStage>();
  let current: MutableStage | undefined;

  const add = (chunk: ParsedChunk, syntax: AstInstruction, place: InstructionPlace): void => {
    const { keyword, start: relativeStart, end: relativeEnd, text: key } = place;
    const start = chunk.start + relativeStart;
    const end = chunk.start + relativeEnd;
    // Why: dockerfile-ast re-reads an instruction's arguments on every query; on an edit, reuse what an unchanged
    // instruction (same text, same escape character) said in the previous version.
    const fact = <T>(kind: string, create: () => T): T => (cache ? cache.fact(kind, key, create) : create());
    if (keyword === 'FROM') {
      const facts = fact('from', () => {
        const from = syntax as unknown as { getImage(): string | null; getBuildStage(): string | null };
        return { image: from.getImage(), buildStage: from.getBuildStage() };
      });
      current = createStage(stages.length, globalArgs, facts, stagesByName);
      const instruction = new FromInstruction(syntax, { source, start, end, stage: current, onbuildKeyword: undefined });
      (current as { from: FromInstruction }).from = instruction;
      if (current.parent) (current.parent as MutableStage).children.push(current);
      stages.push(current);
      if (current.name !== undefined) stagesByName.set(current.name, current);
      instructions.push(instruction);
      return;
    }
    if (!current && keyword === 'ARG') {
      recordGlobalArgs(fact('properties', () => propertiesOf(syntax)), globalArgs);
      instructions.push(new PropertyInstruction('ARG', syntax, { source, start, end, stage: undefined, onbuildKeyword: undefined }));
      return;
    }
    if (!current) {
      // Why: Docker rejects these, but snippets (and hadolint's own tests) often omit FROM; lint them anyway.
      current = createImplicitStage();
      stages.push(current);
    }
    const stage = current;
    let trigger: AstInstruction | null = null;
    let onbuildKeyword: Span | undefined;
    let effectiveKeyword = keyword;
    if (keyword === 'ONBUILD') {
      const triggerKeyword = fact('trigger', () => onbuildTrigger(syntax)?.getKeyword() ?? null);
      if (triggerKeyword !== null) {
        trigger = onbuildTrigger(syntax);
        effectiveKeyword = triggerKeyword;
        const keywordRange = syntax.getInstructionRange();
        onbuildKeyword = { start: document.offsetAt(keywordRange.start), end: document.offsetAt(keywordRange.end) };
      }
    }
    const placement: Placement = { source, start, end, stage, onbuildKeyword };
    const tree = trigger ?? syntax;
    let instruction: Instruction;
    if (effectiveKeyword === 'RUN') {
      // Why the text as key: a RUN's shell model depends only on its own text (and the escape character).
      const create = (): RunShell => createRunShell(source, tree as Run, start, end);
      const shell = cache ? cache.run(key, start, create) : create();
      instruction = new RunInstruction(tree, placement, shell);
      runs.push(instruction);
      stage.runs.push(instruction);
    } else {
      instruction = createInstruction(effectiveKeyword, tree, placement);
    }
    instructions.push(instruction);
    stage.instructions.push(instruction);
    if (keyword === 'ENV') recordEnv(fact('properties', () => propertiesOf(syntax)), start, stage.env);
    if (keyword === 'ARG') recordArgs(fact('properties', () => propertiesOf(syntax)), start, globalArgs, stage.args);
  };
  for (const chunk of parsed.chunks) {
    const places = placesOf(document, chunk);
    for (let index = 0; index < places.length; index++) add(chunk, chunk.instructions[index], places[index]);
  }
  for (const stage of stages) finishStage(stage);
  cache?.endGeneration();
  const comments = readComments(source, parsed.chunks.flatMap((chunk) => chunk.comments));
  const directives = readDirectives(source, parsed.directives);
  assignShells({ text, directives, comments, instructions }, (run, shell) => run.readWith(shell));
  return {
    text,
    document,
    directives,
    comments,
    escapeChar,
    globalArgs,
    stages,
    instructions,
    runs,
  };
}

/** The typed instruction for a keyword other than FROM and RUN. */
function createInstruction(keyword: string, syntax: AstInstruction, placement: Placement): Instruction {
  switch (keyword) {
    case 'CMD':
    case 'ENTRYPOINT':
    case 'SHELL':
      return new CommandInstruction(keyword, syntax, placement);
    case 'HEALTHCHECK':
      return new HealthcheckInstruction(syntax, placement);
    case 'COPY':
    case 'ADD':
      return new CopyInstruction(keyword, syntax, placement);
    case 'ENV':
    case 'ARG':
    case 'LABEL':
      return new PropertyInstruction(keyword, syntax, placement);
    case 'WORKDIR':
      return new WorkdirInstruction(syntax, placement);
    case 'USER':
      return new UserInstruction(syntax, placement);
    case 'EXPOSE':
      return new ExposeInstruction(syntax, placement);
    case 'VOLUME':
      return new VolumeInstruction(syntax, placement);
    case 'MAINTAINER':
    case 'STOPSIGNAL':
    case 'ONBUILD':
      return new PlainInstruction(keyword, syntax, placement);
    default:
      // FROM and RUN are built by the caller; anything else is not a Docker instruction.
      return new PlainInstruction('UNKNOWN', syntax, placement);
  }
}

function onbuildTrigger(syntax: AstInstruction): AstInstruction | null {
  return (syntax as unknown as { getTriggerInstruction(): AstInstruction | null }).getTriggerInstruction();
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

/** The `NAME=value` properties of an ARG or ENV (none for other instructions). */
function propertiesOf(instruction: AstInstruction): PropertyFact[] {
  const properties = (instruction as unknown as { getProperties?(): { getName(): string; getValue(): string | null }[] }).getProperties?.() ?? [];
  return properties.map((property) => ({ name: property.getName(), value: property.getValue() }));
}

function recordGlobalArgs(properties: readonly PropertyFact[], into: Map<string, string>): void {
  for (const property of properties) {
    if (property.value !== null) into.set(property.name, property.value);
    else if (!into.has(property.name)) into.set(property.name, '');
  }
}

function recordEnv(properties: readonly PropertyFact[], offset: number, into: EnvEntry[]): void {
  for (const property of properties) into.push({ name: property.name, value: property.value ?? '', offset });
}

function recordArgs(properties: readonly PropertyFact[], offset: number, globalArgs: ReadonlyMap<string, string>, into: ArgEntry[]): void {
  for (const property of properties) {
    const inherited = globalArgs.get(property.name);
    into.push({ name: property.name, value: property.value ?? (inherited === '' ? undefined : inherited), offset });
  }
}

function createStage(
  index: number,
  globalArgs: Map<string, string>,
  facts: { image: string | null; buildStage: string | null },
  stagesByName: ReadonlyMap<string, MutableStage>,
): MutableStage {
  const imageText = facts.image ?? '';
  // Note: a global ARG without a default (`''` in the map) has no value the build is known to give it.
  const resolvedImage = expandVariables(imageText, (name) => globalArgs.get(name) || undefined, { emptyIsUnknown: true });
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
  return {
    index,
    name: facts.buildStage?.toLowerCase() ?? undefined,
    from: undefined,
    imageText,
    resolvedImage,
    parent,
    children: [],
    family,
    alpineRelease,
    instructions: [],
    runs: [],
    env: parent ? [...parent.env] : [],
    args: [],
    isAlpineLike: false,
  };
}

function createImplicitStage(): MutableStage {
  return {
    index: 0,
    name: undefined,
    from: undefined,
    imageText: '',
    resolvedImage: undefined,
    parent: undefined,
    children: [],
    family: 'unknown',
    alpineRelease: undefined,
    instructions: [],
    runs: [],
    env: [],
    args: [],
    isAlpineLike: false,
  };
}

function finishStage(stage: MutableStage): void {
  const runsApk = (candidate: Stage | undefined): boolean => {
    for (let s = candidate; s; s = s.parent) if (s.runs.some((run) => run.apkCalls.length > 0)) return true;
    return false;
  };
  stage.isAlpineLike = stage.family === 'alpine' || (stage.family === 'unknown' && runsApk(stage));
}
