/**
 * The base library's syntax diagnostics (dockerfile-utils, what `dockerfile-language-service` `validate()` returns),
 * computed per parsed chunk so an edit re-validates only the chunk it touches, and from the AST the analysis reads,
 * so the file is parsed once.
 * Why per chunk gives the same diagnostics: every check is local to an instruction or a stage, except duplicate
 * stage names and `# dockerfile-utils: ignore` comments, which are applied here over the whole file. A unit test
 * compares the result with the library's own `validate()` over the corpus.
 */
import { DockerfileParser, type Dockerfile, type From, type Instruction } from 'dockerfile-ast';
import { ValidationCode } from 'dockerfile-utils';
import { Validator } from 'dockerfile-utils/lib/dockerValidator';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic, Range } from 'vscode-languageserver-types';
import { memoOn } from '../util/memo';
import type { ParsedChunk, ParsedDockerfile } from './parse';
import { appendAll } from '../util/arrays';

type LibraryDiagnostic = Diagnostic & { readonly instructionLine?: number | null };

const SYNTAX_DIAGNOSTICS = Symbol('syntax diagnostics');
const OWN_SYNTAX_DIAGNOSTICS = Symbol('syntax diagnostics without stage names');
const IGNORED_LINES = Symbol('ignored lines');
const IGNORE_COMMENT = 'dockerfile-utils: ignore';

/** While `validateAst` runs: the AST the library's parser hands out instead of parsing. */
let pendingAst: Dockerfile | undefined;
let isParserPatched = false;

/**
 * Runs the library's validator on an AST it did not parse itself. Validator.validate() parses the document text
 * first; handing it the chunk's AST skips a second parse.
 * Why one patch, installed once, that reads a variable: replacing `DockerfileParser.parse` with a new closure for
 * every chunk left V8 holding on to the last closures (and the syntax trees they return) from the old generation,
 * which kept about 9 KB per file alive through every young collection.
 */
function validateAst(text: string, ast: Dockerfile): LibraryDiagnostic[] {
  if (!isParserPatched) {
    isParserPatched = true;
    const parser = DockerfileParser as { parse(text: string): Dockerfile };
    const parse = parser.parse.bind(parser);
    parser.parse = (content: string): Dockerfile => pendingAst ?? parse(content);
  }
  pendingAst = ast;
  try {
    return new ShellAwareValidator().validate(TextDocument.create('', '', 0, text)) as LibraryDiagnostic[];
  } finally {
    pendingAst = undefined;
  }
}

/** The library's validator as this module uses it (its `checkVariables` is not in its type declarations). */
const LibraryValidator = Validator as unknown as new () => {
  validate(document: TextDocument): Diagnostic[];
  checkVariables(instruction: Instruction, problems: Diagnostic[]): void;
  checkArguments(instruction: Instruction, problems: Diagnostic[], expectedArgCount: number[], validate: unknown, createIncompleteDiagnostic?: unknown): void;
  checkJSONQuotes(instruction: Instruction, problems: Diagnostic[]): void;
  getHeredocLines(instruction: Instruction): number[];
};

/**
 * The library's validator without the checks that cannot report anything on an instruction, each a pass over all of
 * its words. A subclass, so the library's own `validate()` (the language service's, and the tests' reference) is left
 * as it is; a test compares the two over the corpus and edge cases.
 * - `checkVariables` reads every `$variable` of every instruction to report unsupported modifiers (`${A:}`), but lets
 *   RUN, CMD and ENTRYPOINT through whatever their variables hold (the shell expands them); reading them was a fifth
 *   of the validation of a file with long RUN scripts (a scan of the whole script, an object per variable). An
 *   ONBUILD line keeps its check (its keyword is ONBUILD). Any other instruction without a `$` has no variable.
 * - `checkArguments` on a RUN (its only call for that keyword, which counts as any number of arguments) reports a
 *   missing argument for every keyword but RUN, and gives each word to a check that accepts every word.
 * - `checkJSONQuotes` reports a JSON array written with single quotes: nothing when the arguments do not start with
 *   `[` (it reads them from the first argument's first character).
 * - `getHeredocLines` lists the lines of heredoc bodies: none without two `<` (a heredoc starts with `<<`, which a
 *   line continuation may split).
 */
class ShellAwareValidator extends LibraryValidator {
  /** Set by the library's `validate()` before it checks any instruction. */
  declare document: TextDocument;

  override checkVariables(instruction: Instruction, problems: Diagnostic[]): void {
    const keyword = instruction.getKeyword();
    if (keyword === 'RUN' || keyword === 'CMD' || keyword === 'ENTRYPOINT') return;
    if (this.countInText(instruction, '$', 1) === 0) return;
    super.checkVariables(instruction, problems);
  }

  override checkArguments(instruction: Instruction, problems: Diagnostic[], expectedArgCount: number[], validate: unknown, createIncompleteDiagnostic?: unknown): void {
    if (expectedArgCount[0] === -1 && instruction.getKeyword() === 'RUN') return;
    super.checkArguments(instruction, problems, expectedArgCount, validate, createIncompleteDiagnostic);
  }

  override checkJSONQuotes(instruction: Instruction, problems: Diagnostic[]): void {
    const [first] = instruction.getArguments();
    if (!first || this.document.getText().charAt(this.document.offsetAt(first.getRange().start)) !== '[') return;
    super.checkJSONQuotes(instruction, problems);
  }

  override getHeredocLines(instruction: Instruction): number[] {
    if (this.countInText(instruction, '<', 2) < 2) return [];
    return super.getHeredocLines(instruction);
  }

  /** How many times `character` occurs in the instruction's text, counting up to `limit`. */
  private countInText(instruction: Instruction, character: string, limit: number): number {
    const range = instruction.getRange();
    const text = this.document.getText();
    const end = this.document.offsetAt(range.end);
    let count = 0;
    for (let index = text.indexOf(character, this.document.offsetAt(range.start)); index !== -1 && index < end && count < limit; index = text.indexOf(character, index + 1)) count++;
    return count;
  }
}

function chunkDiagnostics(chunk: ParsedChunk, isFirst: boolean): LibraryDiagnostic[] {
  return memoOn(chunk, SYNTAX_DIAGNOSTICS, () => {
    let diagnostics: LibraryDiagnostic[];
    try {
      diagnostics = validateAst(chunk.parsedText, chunk.ast);
    } catch {
      // Why: dockerfile-ast 0.7.1 recurses until the stack overflows on some input (`\tRUN [ $A; \` before any FROM);
      // the chunk then has no syntax diagnostics, and Alpinist's analysis, which does not depend on them, goes on.
      diagnostics = [];
    }
    // The header was validated with the first chunk.
    return isFirst ? diagnostics : diagnostics.filter((diagnostic) => diagnostic.range.start.line >= chunk.startLine);
  });
}

/** A chunk's diagnostics without duplicate stage names (decided over the whole file), memoized with the chunk. */
function chunkDiagnosticsWithoutStageNames(chunk: ParsedChunk, isFirst: boolean): LibraryDiagnostic[] {
  return memoOn(chunk, OWN_SYNTAX_DIAGNOSTICS, () =>
    chunkDiagnostics(chunk, isFirst).filter((diagnostic) => diagnostic.code !== ValidationCode.DUPLICATE_BUILD_STAGE_NAME),
  );
}

/** The instruction lines the chunk's `# dockerfile-utils: ignore` comments silence: the line after each. */
function ignoredLinesOf(chunk: ParsedChunk): readonly number[] {
  return memoOn(chunk, IGNORED_LINES, () =>
    chunk.comments.filter((comment) => comment.getContent() === IGNORE_COMMENT).map((comment) => comment.getRange().start.line + 1),
  );
}

/**
 * By FROM instruction: its stage name in lower case, and its duplicate-name diagnostic once made. Why kept: an
 * unchanged chunk keeps its instruction objects (and their lines) from one version to the next, so an edit does not
 * read every stage name of the file again.
 */
const STAGE_NAME = Symbol('stage name');
const DUPLICATE_NAME_DIAGNOSTIC = Symbol('duplicate stage name diagnostic');

/**
 * dockerfile-utils' duplicate stage name errors over the whole file: the same diagnostics, in the same order (names in
 * the order of an object's keys, as the library collects them), as `createDuplicateBuildStageNameDiagnostics`.
 */
function duplicateStageNames(chunks: readonly ParsedChunk[]): LibraryDiagnostic[] {
  const names: Record<string, Instruction[]> = {};
  for (const chunk of chunks) {
    for (const instruction of chunk.instructions) {
      if (instruction.getKeyword() !== 'FROM') continue;
      const name = memoOn(instruction, STAGE_NAME, () => (instruction as From).getBuildStage()?.toLowerCase() ?? null);
      if (name !== null) (names[name] ??= []).push(instruction);
    }
  }
  const diagnostics: LibraryDiagnostic[] = [];
  for (const name in names) {
    const froms = names[name];
    if (froms.length < 2) continue;
    for (const from of froms) {
      diagnostics.push(
        memoOn(from, DUPLICATE_NAME_DIAGNOSTIC, (): LibraryDiagnostic => {
          const range = (from as From).getBuildStageRange() as Range;
          return (Validator as unknown as DuplicateNameFactory).createDuplicateBuildStageName(from.getInstructionRange().start.line, range, name);
        }),
      );
    }
  }
  return diagnostics;
}

interface DuplicateNameFactory {
  createDuplicateBuildStageName(instructionLine: number, range: Range, name: string): LibraryDiagnostic;
}

/** The syntax diagnostics of the whole file. */
export function validateParsed(parsed: ParsedDockerfile): Diagnostic[] {
  const { chunks } = parsed;
  if (chunks.length === 1) return chunkDiagnostics(chunks[0], true);
  const diagnostics = chunks.flatMap((chunk, index) => chunkDiagnosticsWithoutStageNames(chunk, index === 0));
  appendAll(diagnostics, duplicateStageNames(chunks));
  const ignoredLines = new Set(chunks.flatMap(ignoredLinesOf));
  if (ignoredLines.size === 0) return diagnostics;
  return diagnostics.filter((diagnostic) => diagnostic.instructionLine === null || diagnostic.instructionLine === undefined || !ignoredLines.has(diagnostic.instructionLine));
}

/**
 * The base library's diagnostic codes for problems an Alpinist rule also checks, by rule id: while the rule runs,
 * the user sees the rule's diagnostic, not the library's.
 */
export const SYNTAX_CODES_BY_RULE: Readonly<Record<string, number>> = {
  'instruction-consistent-casing': ValidationCode.CASING_INSTRUCTION,
  'continuation-no-empty-line': ValidationCode.EMPTY_CONTINUATION_LINE,
  'workdir-require-absolute': ValidationCode.WORKDIR_IS_NOT_ABSOLUTE,
  'maintainer-no-deprecated': ValidationCode.DEPRECATED_MAINTAINER,
  'stage-no-repeated-cmd': ValidationCode.MULTIPLE_INSTRUCTIONS,
  'stage-name-no-duplicate': ValidationCode.DUPLICATE_BUILD_STAGE_NAME,
};
