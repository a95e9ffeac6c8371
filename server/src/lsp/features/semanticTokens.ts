/**
 * Semantic tokens: dockerfile-language-service's, without its tokens inside shell-form RUN bodies (the grammar
 * colours those). Why bounded: the library's tokenizer grows faster than the document (0.7 s at 2,500 lines, 42 s
 * at 20,000), and it cannot be interrupted; above `MAX_SEMANTIC_TOKEN_LINES` the server answers no tokens and the
 * editor keeps the grammar's colours.
 */
import type { SemanticTokens } from 'vscode-languageserver';
import { withoutShellBodyTokens } from '../../dockerfile/languageService';
import { throwIfCancelled, withDocument, yieldTurn, type FeatureContext } from './context';

/** Documents longer than this get no semantic tokens (see above; about a second of work at this size). */
export const MAX_SEMANTIC_TOKEN_LINES = 3000;

const NO_TOKENS: SemanticTokens = { data: [] };

export function registerSemanticTokens(context: FeatureContext): void {
  const { connection } = context;
  const skipped = new Set<string>();
  connection.languages.semanticTokens.on(
    withDocument(context, 'semanticTokens', NO_TOKENS, async (document, _params, token) => {
      if (document.lineCount > MAX_SEMANTIC_TOKEN_LINES) {
        if (!skipped.has(document.uri)) {
          skipped.add(document.uri);
          context.log(`No semantic tokens for ${document.uri}: ${document.lineCount} lines, above ${MAX_SEMANTIC_TOKEN_LINES}.`);
        }
        return NO_TOKENS;
      }
      // Why a turn first: a request cancelled while it waited (the editor sends one per keystroke) is not computed.
      await yieldTurn(token);
      const tokens = context.service.computeSemanticTokens(document.getText());
      throwIfCancelled(token);
      const { analysis } = await context.analyses.analysisOf(document);
      const spans = analysis.model.runs
        .filter((run) => run.form !== 'exec')
        .map((run) => {
          const start = analysis.model.document.positionAt(run.bodyStart);
          const end = analysis.model.document.positionAt(run.end);
          return { startLine: start.line, startCharacter: start.character, endLine: end.line, endCharacter: end.character };
        });
      return withoutShellBodyTokens(tokens, spans);
    }),
  );
}
