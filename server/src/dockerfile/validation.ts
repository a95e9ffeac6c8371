/**
 * The base library's syntax diagnostics (dockerfile-utils, what `dockerfile-language-service` `validate()` returns),
 * computed per parsed chunk so an edit re-validates only the chunk it touches, and from the AST the analysis reads,
 * so the file is parsed once.
 * Why per chunk gives the same diagnostics: every check is local to an instruction or a stage, except duplicate
 * stage names and `# dockerfile-utils: ignore` comments, which are applied here over the whole file. A unit test
 * compares the result with the library's own `validate()` over the corpus.
 */
import { DockerfileParser, type Dockerfile } from 'dockerfile-ast';
import { ValidationCode } from 'dockerfile-utils';
import { Validator } from 'dockerfile-utils/lib/dockerValidator';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic } from 'vscode-languageserver-types';
import type { ParsedChunk, ParsedDockerfile } from './parse';

type LibraryDiagnostic = Diagnostic & { readonly instructionLine?: number | null };

const MEMO_KEY = 'syntaxDiagnostics';
const IGNORE_COMMENT = 'dockerfile-utils: ignore';

/** Runs the library's validator on an AST it did not parse itself. */
function validateAst(text: string, ast: Dockerfile): LibraryDiagnostic[] {
  const parser = DockerfileParser as { parse(text: string): Dockerfile };
  const parse = parser.parse;
  // Note: Validator.validate() parses the document text first; handing it the chunk's AST skips a second parse.
  parser.parse = () => ast;
  try {
    return new Validator().validate(TextDocument.create('', '', 0, text)) as LibraryDiagnostic[];
  } finally {
    parser.parse = parse;
  }
}

function chunkDiagnostics(chunk: ParsedChunk, isFirst: boolean): LibraryDiagnostic[] {
  let diagnostics = chunk.memo.get(MEMO_KEY) as LibraryDiagnostic[] | undefined;
  if (!diagnostics) {
    try {
      diagnostics = validateAst(chunk.parsedText, chunk.ast);
    } catch {
      // Why: dockerfile-ast 0.7.1 recurses until the stack overflows on some input (`\tRUN [ $A; \` before any FROM);
      // the chunk then has no syntax diagnostics, and Alpinist's analysis, which does not depend on them, goes on.
      diagnostics = [];
    }
    // The header was validated with the first chunk.
    if (!isFirst) diagnostics = diagnostics.filter((diagnostic) => diagnostic.range.start.line >= chunk.startLine);
    chunk.memo.set(MEMO_KEY, diagnostics);
  }
  return diagnostics;
}

/** The syntax diagnostics of the whole file. */
export function validateParsed(parsed: ParsedDockerfile): Diagnostic[] {
  const { chunks } = parsed;
  if (chunks.length === 1) return chunkDiagnostics(chunks[0], true);
  const diagnostics = chunks.flatMap((chunk, index) => chunkDiagnostics(chunk, index === 0).filter((diagnostic) => diagnostic.code !== ValidationCode.DUPLICATE_BUILD_STAGE_NAME));
  const stageNames: LibraryDiagnostic[] = [];
  const froms = chunks.flatMap((chunk) => chunk.instructions.filter((instruction) => instruction.getKeyword() === 'FROM'));
  (new Validator() as unknown as { createDuplicateBuildStageNameDiagnostics(problems: LibraryDiagnostic[], froms: unknown[]): void }).createDuplicateBuildStageNameDiagnostics(stageNames, froms);
  diagnostics.push(...stageNames);
  const ignoredLines = new Set(chunks.flatMap((chunk) => chunk.comments.filter((comment) => comment.getContent() === IGNORE_COMMENT).map((comment) => comment.getRange().start.line + 1)));
  if (ignoredLines.size === 0) return diagnostics;
  return diagnostics.filter((diagnostic) => diagnostic.instructionLine === null || diagnostic.instructionLine === undefined || !ignoredLines.has(diagnostic.instructionLine));
}
