/** Completion: dockerfile-language-service's instructions, flags and keywords. */
import { guard, withDocument, type FeatureContext } from './context';

export function registerCompletion(context: FeatureContext): void {
  const { connection, service } = context;
  connection.onCompletion(withDocument(context, 'completion', [], (document, params) => Promise.resolve(service.computeCompletionItems(document.getText(), params.position))));
  connection.onCompletionResolve(guard(connection, 'completionResolve', null as never, (item) => service.resolveCompletionItem(item)));
}
