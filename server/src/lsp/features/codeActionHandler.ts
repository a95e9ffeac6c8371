/**
 * `textDocument/codeAction`, bounded: a request for a range with thousands of diagnostics (a whole file selected)
 * answers for the first `MAX_CODE_ACTION_DIAGNOSTICS` of them, and with at most `MAX_CODE_ACTIONS` actions besides
 * the fix-all, which is one action whatever it fixes.
 */
import { CodeActionKind, type CodeAction, type CodeActionParams } from 'vscode-languageserver';
import { FIX_ALL_KIND } from '../../protocol';
import { computeCodeActions, libraryActions } from './codeActions';
import { throwIfCancelled, withDocument, yieldTurn, type FeatureContext } from './context';

/** Diagnostics of one request that get actions; the others are left out (the editor asks again nearer). */
export const MAX_CODE_ACTION_DIAGNOSTICS = 50;
/** Actions in one answer, not counting the fix-all. */
export const MAX_CODE_ACTIONS = 200;

/** True when a code action request admits quick fixes. */
function isQuickFixRequested(only: readonly string[] | undefined): boolean {
  return !only || only.some((kind) => kind === CodeActionKind.QuickFix || CodeActionKind.QuickFix.startsWith(`${kind}.`));
}

/** `actions` with at most `MAX_CODE_ACTIONS` besides the fix-all, which stays. */
export function boundActions(actions: readonly CodeAction[]): CodeAction[] {
  if (actions.length <= MAX_CODE_ACTIONS) return [...actions];
  const fixAll = actions.filter((action) => action.kind === FIX_ALL_KIND);
  return actions.filter((action) => action.kind !== FIX_ALL_KIND).slice(0, MAX_CODE_ACTIONS).concat(fixAll);
}

export function registerCodeActions(context: FeatureContext): void {
  context.connection.onCodeAction(
    withDocument(context, 'codeAction', [], async (document, given: CodeActionParams, token) => {
      await yieldTurn(token);
      const diagnostics = given.context.diagnostics;
      const params = diagnostics.length > MAX_CODE_ACTION_DIAGNOSTICS ? { ...given, context: { ...given.context, diagnostics: diagnostics.slice(0, MAX_CODE_ACTION_DIAGNOSTICS) } } : given;
      const { analysis, settings, options } = await context.analyses.analysisOf(document);
      throwIfCancelled(token);
      // Why: with Alpinist disabled only the library's fixes remain: no Alpinist fixes, fix-all or refactorings.
      if (!settings.enable) return isQuickFixRequested(params.context.only) ? boundActions(libraryActions(document.uri, document.getText(), params)) : [];
      return boundActions(computeCodeActions(document.uri, analysis, params, options));
    }),
  );
}
