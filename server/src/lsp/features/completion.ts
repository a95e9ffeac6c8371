/** Completion: dockerfile-language-service's instructions, flags and keywords. */
import { guard, withDocument, type FeatureContext } from './context';

export function registerCompletion(context: FeatureContext): void {
  const { connection } = context;
  connection.onCompletion(withDocument(context, 'completion', [], (document, params) => Promise.resolve(context.service.computeCompletionItems(document.getText(), params.position))));
  connection.onCompletionResolve(guard(connection, 'completionResolve', null as never, (item) => context.service.resolveCompletionItem(item)));
}
