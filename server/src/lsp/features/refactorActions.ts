/** The "Split into compile and runtime stages" refactoring on a FROM line (kind `refactor.rewrite`). */
import type { CodeActionParams } from 'vscode-languageserver';
import { CodeActionKind, type CodeAction } from 'vscode-languageserver-types';
import { toTextEdits, type Analysis } from '../../analysis/analysis';
import { SPLIT_TITLE, splitStage } from '../../split/splitStages';

/** Whether a requested `only` filter admits `refactor.rewrite` (`refactor` does). */
function isRequested(only: readonly string[] | undefined): boolean {
  return !only || only.some((kind) => CodeActionKind.RefactorRewrite === kind || CodeActionKind.RefactorRewrite.startsWith(`${kind}.`));
}

/** The split of the stage whose FROM line holds the start of the requested range, when one is possible. */
export function computeRefactorActions(uri: string, analysis: Analysis, params: CodeActionParams): CodeAction[] {
  if (!isRequested(params.context.only)) return [];
  const { model } = analysis;
  const line = params.range.start.line;
  const stage = model.stages.find((candidate) => {
    if (!candidate.from) return false;
    return model.document.positionAt(candidate.from.start).line <= line && line <= model.document.positionAt(candidate.from.end).line;
  });
  const split = stage && splitStage(model, stage);
  if (!split) return [];
  return [{ title: SPLIT_TITLE, kind: CodeActionKind.RefactorRewrite, edit: { changes: { [uri]: toTextEdits(model, split.edits) } } }];
}
