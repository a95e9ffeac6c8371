/**
 * Semantic tokens: dockerfile-language-service's, without its tokens inside shell-form RUN bodies (the grammar
 * colours those). Why ranges: the library's tokenizer grows faster than the document (0.7 s at 2,500 lines, 42 s
 * at 20,000) and cannot be interrupted. `semanticTokens/range` tokenizes only the instructions the requested lines
 * show, so the visible part of any file gets its tokens in bounded time; `semanticTokens/full` answers documents up
 * to `MAX_SEMANTIC_TOKEN_LINES` lines and no tokens above (the editor then asks for ranges, and keeps the grammar's
 * colours elsewhere).
 */
import type { SemanticTokens, SemanticTokensRangeParams } from 'vscode-languageserver';
import type { Analysis } from '../../analysis/analysis';
import { instructionAt } from '../../dockerfile/model';
import { semanticTokensOfSlice, withoutShellBodyTokens, type TokenSpan } from '../../dockerfile/languageService';
import { throwIfCancelled, withDocument, yieldTurn, type FeatureContext } from './context';

/** Documents longer than this get no tokens from `full` (see above; about a second of work at this size). */
export const MAX_SEMANTIC_TOKEN_LINES = 3000;
/** A range request tokenizes at most this many lines (a range that reaches into one longer instruction gets none). */
export const MAX_SEMANTIC_TOKEN_RANGE_LINES = 3000;

const NO_TOKENS: SemanticTokens = { data: [] };

export function registerSemanticTokens(context: FeatureContext): void {
  const { connection } = context;
  const skipped = new Set<string>();
  connection.languages.semanticTokens.on(
    withDocument(context, 'semanticTokens', NO_TOKENS, async (document, _params, token) => {
      if (document.lineCount > MAX_SEMANTIC_TOKEN_LINES) {
        if (!skipped.has(document.uri)) {
          skipped.add(document.uri);
          context.log(`Semantic tokens of ${document.uri} by range only: ${document.lineCount} lines, above ${MAX_SEMANTIC_TOKEN_LINES}.`);
        }
        return NO_TOKENS;
      }
      // Why a turn first: a request cancelled while it waited (the editor sends one per keystroke) is not computed.
      await yieldTurn(token);
      const tokens = context.service.computeSemanticTokens(document.getText());
      throwIfCancelled(token);
      const { analysis } = await context.analyses.analysisOf(document);
      return withoutShellBodyTokens(tokens, shellSpans(analysis, 0, Number.POSITIVE_INFINITY));
    }),
  );
  connection.languages.semanticTokens.onRange(
    withDocument(context, 'semanticTokens/range', NO_TOKENS, async (document, params: SemanticTokensRangeParams, token) => {
      await yieldTurn(token);
      const { analysis } = await context.analyses.analysisOf(document);
      throwIfCancelled(token);
      return rangeTokens(analysis, params.range.start.line, params.range.end.line);
    }),
  );
}

/** The tokens of lines `startLine` to `endLine` (inclusive), widened to whole instructions. */
export function rangeTokens(analysis: Analysis, startLine: number, endLine: number): SemanticTokens {
  const model = analysis.model;
  const document = model.document;
  const text = model.text;
  const lastLine = document.lineCount - 1;
  const first = Math.max(0, Math.min(startLine, lastLine));
  const last = Math.max(first, Math.min(endLine, lastLine));
  let start = document.offsetAt({ line: first, character: 0 });
  let end = document.offsetAt({ line: last + 1, character: 0 });
  // A range that starts or ends inside an instruction (a continuation, a heredoc) takes the whole instruction.
  const opening = instructionAt(model, start);
  if (opening) start = document.offsetAt({ line: document.positionAt(opening.start).line, character: 0 });
  const closing = instructionAt(model, Math.max(start, end - 1));
  if (closing && closing.end > end) end = document.offsetAt({ line: document.positionAt(closing.end).line + 1, character: 0 });
  const firstLine = document.positionAt(start).line;
  const endLineExclusive = document.positionAt(end).line + (end === text.length ? 1 : 0);
  if (endLineExclusive - firstLine > MAX_SEMANTIC_TOKEN_RANGE_LINES) return NO_TOKENS;
  const tokens = semanticTokensOfSlice(text.slice(start, end), firstLine, model.escapeChar);
  return withoutShellBodyTokens(tokens, shellSpans(analysis, start, end));
}

/** The shell bodies of the RUNs that overlap [start, end), in document order. */
function shellSpans(analysis: Analysis, start: number, end: number): TokenSpan[] {
  const { model } = analysis;
  const spans: TokenSpan[] = [];
  for (const run of model.runs) {
    if (run.form === 'exec' || run.end <= start || run.bodyStart >= end) continue;
    const from = model.document.positionAt(run.bodyStart);
    const to = model.document.positionAt(run.end);
    spans.push({ startLine: from.line, startCharacter: from.character, endLine: to.line, endCharacter: to.character });
  }
  return spans;
}
