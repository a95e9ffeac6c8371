/** The COPY/ADD model used by the layer rules and the stage split: flags, sources, destination. */
import type { Flag, Heredoc, JSONInstruction } from 'dockerfile-ast';
import type { InstructionModel } from './model';
import { memoOn } from '../util/memo';

export interface CopyFlag {
  readonly name: string;
  readonly value: string | null;
  /** As written, e.g. `--chown=app:app`. */
  readonly text: string;
}

export interface CopyModel {
  readonly instruction: InstructionModel;
  readonly keyword: 'COPY' | 'ADD';
  readonly flags: readonly CopyFlag[];
  readonly sources: readonly string[];
  readonly destination: string;
  /** True when the files come from the build context (no `--from`, no URL or git source, no heredoc). */
  readonly isFromContext: boolean;
  /** True when a source is the whole context: `.`, `./`, `*`, `./*`. */
  readonly copiesWholeContext: boolean;
}

const WHOLE_CONTEXT = new Set(['.', './', '*', './*', './.']);

/** Parses a COPY or ADD instruction (ONBUILD triggers excluded); undefined for anything else or a broken line. */
export function parseCopy(instruction: InstructionModel): CopyModel | undefined {
  if ((instruction.keyword !== 'COPY' && instruction.keyword !== 'ADD') || instruction.isOnbuild) return undefined;
  const keyword = instruction.keyword;
  const facts = memoOn(instruction.ast, COPY_FACTS, () => readCopy(instruction.ast as unknown as JSONInstruction & { getHeredocs(): Heredoc[] }, keyword));
  return facts ? { instruction, ...facts } : undefined;
}

/**
 * What a COPY or ADD says, by its syntax tree. Why: every lint asks several times per instruction, each ask re-reads
 * the arguments, and a syntax tree outlives versions while its part of the document is unchanged; it never changes.
 */
const COPY_FACTS = Symbol('copy facts');

function readCopy(ast: JSONInstruction & { getHeredocs(): Heredoc[] }, keyword: 'COPY' | 'ADD'): Omit<CopyModel, 'instruction'> | null {
  const flags = ast.getFlags().map((flag: Flag) => ({ name: flag.getName(), value: flag.getValue(), text: flag.toString() }));
  const json = ast.getJSONStrings();
  const words = json.length > 0 ? json.map((argument) => argument.getJSONValue()) : ast.getArguments().map((argument) => argument.getValue());
  if (words.length < 2 || ast.getHeredocs().length > 0) return null;
  const sources = words.slice(0, -1);
  const isFromContext = !flags.some((flag) => flag.name === 'from') && !sources.some((source) => /^(?:https?|git):\/\/|^git@|\.git(?:#|$)/.test(source));
  return {
    keyword,
    flags,
    sources,
    destination: words[words.length - 1],
    isFromContext,
    copiesWholeContext: isFromContext && sources.some((source) => WHOLE_CONTEXT.has(source)),
  };
}

/** The flags to repeat on a COPY of some of the same files (`--chown`, `--chmod`, `--link`), as written. */
export function ownershipFlags(copy: CopyModel): string[] {
  return copy.flags.filter((flag) => ['chown', 'chmod', 'link'].includes(flag.name)).map((flag) => flag.text);
}

/** `COPY . /myapp` as a short label for messages and titles. */
export function copyLabel(copy: CopyModel): string {
  return [copy.keyword, ...copy.sources, copy.destination].join(' ');
}
