/**
 * Typed instructions: every instruction of a Dockerfile as a class with the facts its keyword has (FROM's image and
 * stage name, COPY's sources and flags, ENV's properties …), each fact with exact document offsets. Rules read these;
 * only this folder reads dockerfile-ast.
 * Facts are read lazily, on first use, and kept on the instruction for the rest of its version: a rule that never asks
 * for a USER's group costs nothing, and an instruction is read at most once per lint.
 */
import type { Argument, Flag as AstFlag, Heredoc as AstHeredoc, Instruction as AstInstruction, Property as AstProperty } from 'dockerfile-ast';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Range } from 'vscode-languageserver-types';
import type { Span } from '../util/span';
import type { Stage } from './model';
import type { RunInstruction } from './run';

/** The text a version's instructions were read from. */
export interface Source {
  readonly text: string;
  readonly document: TextDocument;
  readonly escapeChar: string;
}

/** A word of an instruction with its offsets. */
export interface Token extends Span {
  /** As written in the document (quotes, escapes and line continuations included). */
  readonly raw: string;
  /**
   * The value Docker reads before variable expansion: JSON-decoded in exec form; in shell form with escapes and line
   * continuations removed. Variables (`$NAME`) are kept as written.
   */
  readonly value: string;
}

/** A `--name=value` flag of an instruction; `options` for flags such as `--mount=type=cache,target=/x`. */
export interface Flag extends Span {
  /** Without the leading dashes, as written (`from`, `chown`, `mount`). */
  readonly name: string;
  readonly nameSpan: Span;
  /** Undefined for a bare `--link`; `''` for `--from=`. */
  readonly value: string | undefined;
  readonly valueSpan: Span | undefined;
  readonly options: readonly FlagOption[];
  /** As written, e.g. `--chown=app:app`. */
  readonly text: string;
}

export interface FlagOption extends Span {
  readonly name: string;
  readonly value: string | undefined;
}

/** `NAME=value` (or the legacy `NAME value`) of ENV, ARG and LABEL. */
export interface Property extends Span {
  readonly name: string;
  readonly nameSpan: Span;
  /** The value with quotes and escapes removed; undefined when there is none (`ARG NAME`). */
  readonly value: string | undefined;
  /** The value as written (quotes kept). */
  readonly rawValue: string | undefined;
  readonly valueSpan: Span | undefined;
  /** `=`, or ` ` for the legacy form `ENV NAME value`; undefined without a value. */
  readonly operator: '=' | ' ' | undefined;
}

/** A heredoc of RUN, COPY or ADD: `<<EOF` … `EOF`. */
export interface Heredoc {
  readonly name: string;
  /** The `<<EOF` marker. */
  readonly markerSpan: Span;
  readonly nameSpan: Span;
  /** The body between the marker line and the delimiter line; undefined when the heredoc is not closed. */
  readonly contentSpan: Span | undefined;
  readonly delimiterSpan: Span | undefined;
}

/** Keywords of the instructions Docker knows. */
export type Keyword =
  | 'FROM' | 'RUN' | 'CMD' | 'LABEL' | 'MAINTAINER' | 'EXPOSE' | 'ENV' | 'ADD' | 'COPY' | 'ENTRYPOINT' | 'VOLUME'
  | 'USER' | 'WORKDIR' | 'ARG' | 'ONBUILD' | 'STOPSIGNAL' | 'HEALTHCHECK' | 'SHELL';

export const KEYWORDS: ReadonlySet<string> = new Set<Keyword>([
  'FROM', 'RUN', 'CMD', 'LABEL', 'MAINTAINER', 'EXPOSE', 'ENV', 'ADD', 'COPY', 'ENTRYPOINT', 'VOLUME', 'USER', 'WORKDIR',
  'ARG', 'ONBUILD', 'STOPSIGNAL', 'HEALTHCHECK', 'SHELL',
]);

/** Where an instruction sits: its offsets, its stage, and whether it is an ONBUILD trigger. */
export interface Placement extends Span {
  readonly source: Source;
  readonly stage: Stage | undefined;
  /** For an ONBUILD trigger, the span of the `ONBUILD` keyword. */
  readonly onbuildKeyword: Span | undefined;
}

let syntaxOf: (instruction: InstructionBase) => AstInstruction;

/** The syntax tree of an instruction (its ONBUILD trigger's tree for a trigger). For this folder only. */
export function syntaxTreeOf(instruction: InstructionBase): AstInstruction {
  return syntaxOf(instruction);
}

/**
 * What every instruction has. Offsets are document offsets of this version; for an ONBUILD trigger, the instruction
 * spans the whole `ONBUILD …` line and the keyword is the trigger's.
 */
export abstract class InstructionBase implements Span {
  abstract readonly keyword: Keyword | 'UNKNOWN';
  readonly start: number;
  readonly end: number;
  readonly stage: Stage | undefined;
  /** True for an ONBUILD trigger: it runs in builds that use this image as their base, not in this one. */
  readonly isOnbuild: boolean;
  /** For an ONBUILD trigger, the span of the `ONBUILD` keyword. */
  readonly onbuildKeyword: Span | undefined;
  protected readonly source: Source;
  readonly #syntax: AstInstruction;
  #keywordSpan?: Span;
  #flags?: readonly Flag[];
  #arguments?: readonly Token[];
  #heredocs?: readonly Heredoc[];

  static {
    syntaxOf = (instruction) => instruction.#syntax;
  }

  constructor(syntax: AstInstruction, placement: Placement) {
    this.#syntax = syntax;
    this.source = placement.source;
    this.start = placement.start;
    this.end = placement.end;
    this.stage = placement.stage;
    this.onbuildKeyword = placement.onbuildKeyword;
    this.isOnbuild = placement.onbuildKeyword !== undefined;
  }

  /** The keyword as written (`from`, `Run`): for casing checks. */
  get keywordText(): string {
    return this.source.text.slice(this.keywordSpan.start, this.keywordSpan.end);
  }

  /** The keyword (the trigger's keyword for an ONBUILD trigger). */
  get keywordSpan(): Span {
    if (this.#keywordSpan) return this.#keywordSpan;
    // Why first: an instruction starts with its keyword, so its offset is known without two line lookups (the casing
    // rule reads every keyword). A keyword split by a line continuation, or a trigger's, is asked of the syntax tree.
    const written = this.#syntax.getInstruction();
    if (!this.isOnbuild && this.source.text.startsWith(written, this.start)) return (this.#keywordSpan = { start: this.start, end: this.start + written.length });
    return (this.#keywordSpan = this.spanOf(this.#syntax.getInstructionRange()));
  }

  /** The instruction's text as written, continuation lines included. */
  get text(): string {
    return this.source.text.slice(this.start, this.end);
  }

  /** `--name=value` flags before the arguments (instructions that take none have none). */
  get flags(): readonly Flag[] {
    if (this.#flags) return this.#flags;
    const syntax = this.#syntax as AstInstruction & { getFlags?(): AstFlag[] };
    return (this.#flags = (syntax.getFlags?.() ?? []).map((flag) => this.flagOf(flag)));
  }

  /** The first flag named `name` (without dashes, compared without case as BuildKit does). */
  flag(name: string): Flag | undefined {
    return this.flags.find((flag) => flag.name.toLowerCase() === name);
  }

  /** The arguments after the flags, split on blanks as Docker splits a shell-form line. */
  get arguments(): readonly Token[] {
    return (this.#arguments ??= this.#syntax.getArguments().map((argument) => this.tokenOf(argument)));
  }

  /** From the first argument to the end of the last one; undefined when there is none. */
  get argumentsSpan(): Span | undefined {
    const args = this.arguments;
    return args.length === 0 ? undefined : { start: args[0].start, end: args[args.length - 1].end };
  }

  /**
   * The arguments after the flags as one string, line continuations and comment lines inside them removed, blanks
   * kept; `''` when there are none.
   */
  get argumentsText(): string {
    return this.#syntax.getArgumentsContent() ?? '';
  }

  /** The heredocs of RUN, COPY and ADD (none for other instructions). */
  get heredocs(): readonly Heredoc[] {
    if (this.#heredocs) return this.#heredocs;
    if (!this.text.includes('<<')) return (this.#heredocs = []);
    const syntax = this.#syntax as unknown as { getHeredocs?(): AstHeredoc[] };
    return (this.#heredocs = (syntax.getHeredocs?.() ?? []).map((heredoc) => ({
      name: heredoc.getName(),
      markerSpan: this.spanOf(heredoc.getStartRange()),
      nameSpan: this.spanOf(heredoc.getNameRange()),
      contentSpan: this.optionalSpanOf(heredoc.getContentRange()),
      delimiterSpan: this.optionalSpanOf(heredoc.getDelimiterRange()),
    })));
  }

  protected spanOf(range: Range): Span {
    const document = this.source.document;
    return { start: document.offsetAt(range.start), end: document.offsetAt(range.end) };
  }

  protected optionalSpanOf(range: Range | null): Span | undefined {
    return range ? this.spanOf(range) : undefined;
  }

  protected tokenOf(argument: Argument): Token {
    const span = this.spanOf(argument.getRange());
    return { raw: this.source.text.slice(span.start, span.end), value: argument.getValue(), start: span.start, end: span.end };
  }

  protected flagOf(flag: AstFlag): Flag {
    const span = this.spanOf(flag.getRange());
    const value = flag.getValue();
    return {
      start: span.start,
      end: span.end,
      name: flag.getName(),
      nameSpan: this.spanOf(flag.getNameRange()),
      value: value ?? undefined,
      valueSpan: this.optionalSpanOf(flag.getValueRange()),
      options: flag.getOptions().map((option) => {
        const optionSpan = this.spanOf(option.getRange());
        return { start: optionSpan.start, end: optionSpan.end, name: option.getName(), value: option.getValue() ?? undefined };
      }),
      text: flag.toString(),
    };
  }

  protected propertyOf(property: AstProperty): Property {
    const span = this.spanOf(property.getRange());
    const valueSpan = this.optionalSpanOf(property.getValueRange());
    const value = property.getValue();
    const operator = property.getAssignmentOperator();
    return {
      start: span.start,
      end: span.end,
      name: property.getName(),
      nameSpan: this.spanOf(property.getNameRange()),
      value: value ?? undefined,
      rawValue: valueSpan ? this.source.text.slice(valueSpan.start, valueSpan.end) : undefined,
      valueSpan,
      operator: value === null ? undefined : operator === '=' ? '=' : ' ',
    };
  }

  /** The JSON array's strings of an exec-form instruction (`["a", "b"]`), decoded; undefined in shell form. */
  protected jsonArguments(): readonly Token[] | undefined {
    const syntax = this.#syntax as AstInstruction & { getJSONStrings?(): (Argument & { getJSONValue(): string })[] };
    const strings = syntax.getJSONStrings?.() ?? [];
    if (strings.length === 0) {
      // `[]` is exec form too: an empty array.
      return /^\[\s*\]$/.test(this.argumentsText.trim()) ? [] : undefined;
    }
    return strings.map((argument) => {
      const span = this.spanOf(argument.getRange());
      const raw = this.source.text.slice(span.start, span.end);
      return { raw, value: decodeJsonString(raw) ?? argument.getJSONValue(), start: span.start, end: span.end };
    });
  }
}

/** Why: Docker decodes exec form as JSON, but dockerfile-ast's values drop blanks and unknown escapes. */
export function decodeJsonString(raw: string): string | undefined {
  try {
    const value: unknown = JSON.parse(raw);
    return typeof value === 'string' ? value : undefined;
  } catch {
    return undefined;
  }
}

/** `FROM [--platform=…] image [AS name]`. Stage-level facts (the resolved image, its family) are on the stage. */
export class FromInstruction extends InstructionBase {
  readonly keyword = 'FROM';
  #image?: Token | null;
  #stageName?: Token | null;

  /** The image argument as written (`alpine:3.20`, `$BASE`, `builder`); undefined when missing. */
  get image(): Token | undefined {
    if (this.#image === undefined) {
      const first = this.arguments[0];
      this.#image = first ?? null;
    }
    return this.#image ?? undefined;
  }

  /** The `--platform` flag. */
  get platform(): Flag | undefined {
    return this.flag('platform');
  }

  /** The `AS` keyword. */
  get asKeyword(): Token | undefined {
    const word = this.arguments[1];
    return word && word.value.toLowerCase() === 'as' ? word : undefined;
  }

  /** The stage name after `AS`, as written (BuildKit compares names without case). */
  get stageName(): Token | undefined {
    if (this.#stageName === undefined) this.#stageName = this.asKeyword ? (this.arguments[2] ?? null) : null;
    return this.#stageName ?? undefined;
  }
}

/** How CMD, ENTRYPOINT, SHELL and HEALTHCHECK CMD give their command. */
export interface CommandLine {
  readonly form: 'exec' | 'shell';
  /** Exec form: the JSON strings, decoded. Shell form: the words. */
  readonly words: readonly Token[];
  /** The command as one span (the JSON array, or the shell text). */
  readonly span: Span | undefined;
}

/** CMD, ENTRYPOINT and SHELL. */
export class CommandInstruction extends InstructionBase {
  readonly keyword: 'CMD' | 'ENTRYPOINT' | 'SHELL';
  #command?: CommandLine;

  constructor(keyword: 'CMD' | 'ENTRYPOINT' | 'SHELL', syntax: AstInstruction, placement: Placement) {
    super(syntax, placement);
    this.keyword = keyword;
  }

  get command(): CommandLine {
    if (this.#command) return this.#command;
    const json = this.jsonArguments();
    return (this.#command = { form: json ? 'exec' : 'shell', words: json ?? this.arguments, span: this.argumentsSpan });
  }
}

/** `HEALTHCHECK [options] CMD …` or `HEALTHCHECK NONE`. */
export class HealthcheckInstruction extends InstructionBase {
  readonly keyword = 'HEALTHCHECK';
  #command?: CommandLine | null;

  /** `CMD` or `NONE` as written. */
  get subcommand(): Token | undefined {
    return this.arguments[0];
  }

  /** The command after `CMD`; undefined for `NONE` or a broken line. */
  get command(): CommandLine | undefined {
    if (this.#command !== undefined) return this.#command ?? undefined;
    const subcommand = this.subcommand;
    if (!subcommand || subcommand.value.toUpperCase() !== 'CMD') {
      this.#command = null;
      return undefined;
    }
    const rest = this.arguments.slice(1);
    const span = rest.length === 0 ? undefined : { start: rest[0].start, end: rest[rest.length - 1].end };
    // Why a scan of our own: dockerfile-ast reads no JSON form for HEALTHCHECK.
    const json = span ? scanJsonArray(this.source.text, span.start, span.end) : undefined;
    return (this.#command = { form: json ? 'exec' : 'shell', words: json ?? rest, span });
  }
}

const isJsonBlank = (character: string | undefined): boolean => character === ' ' || character === '\t';

/**
 * The strings of a JSON array of strings written in [start, end) (`["a", "b"]`), with their offsets; undefined when the
 * text is not exactly such an array on one line.
 */
function scanJsonArray(text: string, start: number, end: number): Token[] | undefined {
  let index = start;
  const skipBlanks = (): void => {
    while (index < end && isJsonBlank(text[index])) index++;
  };
  skipBlanks();
  if (text[index] !== '[') return undefined;
  index++;
  skipBlanks();
  const tokens: Token[] = [];
  if (text[index] === ']') {
    index++;
  } else {
    for (;;) {
      if (text[index] !== '"') return undefined;
      const tokenStart = index;
      index++;
      while (index < end && text[index] !== '"') index += text[index] === '\\' ? 2 : 1;
      if (index >= end) return undefined;
      index++;
      const raw = text.slice(tokenStart, index);
      const value = decodeJsonString(raw);
      if (value === undefined) return undefined;
      tokens.push({ raw, value, start: tokenStart, end: index });
      skipBlanks();
      if (text[index] === ',') {
        index++;
        skipBlanks();
        continue;
      }
      if (text[index] !== ']') return undefined;
      index++;
      break;
    }
  }
  skipBlanks();
  return index === end ? tokens : undefined;
}

/** COPY and ADD. */
export class CopyInstruction extends InstructionBase {
  readonly keyword: 'COPY' | 'ADD';
  #facts?: { readonly sources: readonly Token[]; readonly destination: Token | undefined; readonly form: 'exec' | 'shell' };

  constructor(keyword: 'COPY' | 'ADD', syntax: AstInstruction, placement: Placement) {
    super(syntax, placement);
    this.keyword = keyword;
  }

  private get facts(): { readonly sources: readonly Token[]; readonly destination: Token | undefined; readonly form: 'exec' | 'shell' } {
    if (this.#facts) return this.#facts;
    const json = this.jsonArguments();
    const words = json ?? this.argumentsBeforeHeredocBodies();
    return (this.#facts = {
      form: json ? 'exec' : 'shell',
      sources: words.slice(0, -1),
      destination: words.length > 1 ? words[words.length - 1] : undefined,
    });
  }

  get form(): 'exec' | 'shell' {
    return this.facts.form;
  }

  /**
   * The arguments up to the end of the first heredoc's marker line. Why: the parser's arguments run on into the heredoc
   * bodies, which made a body's last word the destination (and `--fix` then appended `/` to the delimiter line).
   */
  private argumentsBeforeHeredocBodies(): readonly Token[] {
    const heredocs = this.heredocs;
    if (heredocs.length === 0) return this.arguments;
    const text = this.source.text;
    let lineEnd = heredocs[0].markerSpan.end;
    while (lineEnd < text.length && text[lineEnd] !== '\n' && text[lineEnd] !== '\r') lineEnd++;
    return this.arguments.filter((argument) => argument.start < lineEnd);
  }

  /** Every argument but the last; a heredoc's `<<EOF` marker counts as a source (its body does not: see `heredocs`). */
  get sources(): readonly Token[] {
    return this.facts.sources;
  }

  get destination(): Token | undefined {
    return this.facts.destination;
  }

  /** `--from` (a stage name, a stage index or an image). */
  get from(): Flag | undefined {
    return this.flag('from');
  }

  get chown(): Flag | undefined {
    return this.flag('chown');
  }

  get chmod(): Flag | undefined {
    return this.flag('chmod');
  }

  get link(): Flag | undefined {
    return this.flag('link');
  }

  get parents(): Flag | undefined {
    return this.flag('parents');
  }

  /** `--exclude` patterns (repeatable). */
  get excludes(): readonly Flag[] {
    return this.flags.filter((flag) => flag.name.toLowerCase() === 'exclude');
  }

  /** ADD's `--checksum`. */
  get checksum(): Flag | undefined {
    return this.flag('checksum');
  }

  /** ADD's `--keep-git-dir`. */
  get keepGitDir(): Flag | undefined {
    return this.flag('keep-git-dir');
  }

  /** True when the files come from the build context (no `--from`, no URL or git source, no heredoc). */
  get isFromContext(): boolean {
    return this.from === undefined && this.heredocs.length === 0 && !this.sources.some((source) => REMOTE_SOURCE.test(source.value));
  }

  /** True when a source is the whole context: `.`, `./`, `*`, `./*`. */
  get copiesWholeContext(): boolean {
    return this.isFromContext && this.sources.some((source) => WHOLE_CONTEXT.has(source.value));
  }
}

const REMOTE_SOURCE = /^(?:https?|git):\/\/|^git@|\.git(?:#|$)/;
const WHOLE_CONTEXT = new Set(['.', './', '*', './*', './.']);

/** ENV, ARG and LABEL: a list of properties. */
export class PropertyInstruction extends InstructionBase {
  readonly keyword: 'ENV' | 'ARG' | 'LABEL';
  #properties?: readonly Property[];

  constructor(keyword: 'ENV' | 'ARG' | 'LABEL', syntax: AstInstruction, placement: Placement) {
    super(syntax, placement);
    this.keyword = keyword;
  }

  get properties(): readonly Property[] {
    if (this.#properties) return this.#properties;
    const syntax = syntaxTreeOf(this) as AstInstruction & { getProperties?(): AstProperty[] };
    return (this.#properties = (syntax.getProperties?.() ?? []).map((property) => this.propertyOf(property)));
  }
}

/** `WORKDIR path`. */
export class WorkdirInstruction extends InstructionBase {
  readonly keyword = 'WORKDIR';

  /** The directory as written (trimmed), continuation lines joined; undefined when missing. */
  get path(): string | undefined {
    const text = this.argumentsText.trim();
    return text === '' ? undefined : text;
  }
}

/** `USER name[:group]`. */
export class UserInstruction extends InstructionBase {
  readonly keyword = 'USER';

  /** `name[:group]` as written (trimmed); undefined when missing. */
  get user(): string | undefined {
    const text = this.argumentsText.trim();
    return text === '' ? undefined : text;
  }

  /** The user part (before `:`). */
  get userName(): string | undefined {
    const user = this.user;
    return user === undefined ? undefined : user.split(':')[0];
  }

  /** The group part (after `:`), if any. */
  get group(): string | undefined {
    const user = this.user;
    const colon = user?.indexOf(':') ?? -1;
    return user === undefined || colon === -1 ? undefined : user.slice(colon + 1);
  }
}

/** A port of EXPOSE: `80`, `8080/tcp`, `53/udp`, `8000-8010`. */
export interface ExposedPort {
  readonly token: Token;
  /** The part before `/`. */
  readonly port: string;
  /** The part after `/`, as written; undefined when there is none. */
  readonly protocol: string | undefined;
}

export class ExposeInstruction extends InstructionBase {
  readonly keyword = 'EXPOSE';

  get ports(): readonly ExposedPort[] {
    return this.arguments.map((token) => {
      const slash = token.value.indexOf('/');
      return { token, port: slash === -1 ? token.value : token.value.slice(0, slash), protocol: slash === -1 ? undefined : token.value.slice(slash + 1) };
    });
  }
}

/** `VOLUME /data` or `VOLUME ["/data"]`. */
export class VolumeInstruction extends InstructionBase {
  readonly keyword = 'VOLUME';

  get form(): 'exec' | 'shell' {
    return this.jsonArguments() ? 'exec' : 'shell';
  }

  get paths(): readonly Token[] {
    return this.jsonArguments() ?? this.arguments;
  }
}

/** MAINTAINER, STOPSIGNAL, a bare ONBUILD and instructions Docker does not know: arguments only. */
export class PlainInstruction extends InstructionBase {
  readonly keyword: 'MAINTAINER' | 'STOPSIGNAL' | 'ONBUILD' | 'UNKNOWN';

  constructor(keyword: 'MAINTAINER' | 'STOPSIGNAL' | 'ONBUILD' | 'UNKNOWN', syntax: AstInstruction, placement: Placement) {
    super(syntax, placement);
    this.keyword = keyword;
  }
}

/** Every instruction, typed by its keyword: narrow with `instruction.keyword === 'COPY'`. */
export type Instruction =
  | FromInstruction
  | RunInstruction
  | CommandInstruction
  | HealthcheckInstruction
  | CopyInstruction
  | PropertyInstruction
  | WorkdirInstruction
  | UserInstruction
  | ExposeInstruction
  | VolumeInstruction
  | PlainInstruction;

/** The instruction class of a keyword: `InstructionOf<'COPY'>` is `CopyInstruction`. */
export type InstructionOf<K extends Instruction['keyword']> = Instruction extends infer I ? (I extends { readonly keyword: infer W } ? (K extends W ? I : never) : never) : never;

/** A type guard for `filter`: `stage.instructions.filter(hasKeyword('USER'))` is a `UserInstruction[]`. */
export function hasKeyword<K extends Instruction['keyword']>(...keywords: K[]): (instruction: Instruction) => instruction is InstructionOf<K> {
  return (instruction): instruction is InstructionOf<K> => (keywords as string[]).includes(instruction.keyword);
}
