/** `textDocument/hover`: Alpinist's knowledge (when enabled) above the library's instruction documentation. */
import { today } from '../documentAnalyses';
import { throwIfCancelled, withDocument, yieldTurn, type FeatureContext } from './context';
import { computeAlpinistHover, mergeHovers } from './hover';

export function registerHover(context: FeatureContext): void {
  const { connection } = context;
  connection.onHover(
    withDocument(context, 'hover', null, async (document, params, token) => {
      // Why a turn first: hovers follow the mouse; one cancelled while it waited is not computed.
      await yieldTurn(token);
      let library: ReturnType<typeof context.service.computeHover> = null;
      try {
        library = context.service.computeHover(document.getText(), params.position);
      } catch (error) {
        // Why: dockerfile-ast 0.7.1 overflows the stack on some input; Alpinist's hover does not depend on it.
        context.log(`Instruction hover failed: ${String(error)}`);
      }
      const { analysis, settings, options } = await context.analyses.analysisOf(document);
      throwIfCancelled(token);
      const ours = settings.enable ? computeAlpinistHover(analysis, params.position, today(), options.alpineData) : undefined;
      return mergeHovers(ours, library);
    }),
  );
}
