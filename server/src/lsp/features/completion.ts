/**
 * Completion: dockerfile-language-service's instructions, flags and keywords, and Alpine package names (and
 * versions) inside `apk add` / `apk del` from the stage's package index (packages.ts).
 */
import { guard, withDocument, type FeatureContext } from './context';
import { packageCompletions } from './packages';

export function registerCompletion(context: FeatureContext): void {
  const { connection } = context;
  connection.onCompletion(
    withDocument(context, 'completion', [], async (document, params) => {
      const library = await context.service.computeCompletionItems(document.getText(), params.position);
      const { analysis, settings, options } = await context.analyses.analysisOf(document);
      const packages = settings.enable ? packageCompletions(analysis, document.offsetAt(params.position), options.alpineData) : undefined;
      if (!packages) return library;
      return { isIncomplete: packages.isIncomplete, items: [...packages.items, ...library] };
    }),
  );
  connection.onCompletionResolve(guard(connection, 'completionResolve', null as never, (item) => context.service.resolveCompletionItem(item)));
}
