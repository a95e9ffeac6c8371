/**
 * Code actions: Alpinist fixes matched to the requested diagnostics by code and range (never by message),
 * suppression and documentation actions, dockerfile-language-service fixes turned into real edits, and fix-all.
 */
import {
  CodeActionKind,
  type CodeAction,
  type Diagnostic,
  type TextEdit,
} from 'vscode-languageserver-types';
import type { CodeActionParams } from 'vscode-languageserver';
import { toTextEdits, type Analysis, type ResolvedFinding } from '../../analysis/analysis';
import { getDockerfileService } from '../../dockerfile/languageService';
import { fixAll, type FixAllResult } from '../../analysis/fixes';
import { lineEndingOf } from '../../edits/lines';
import { Commands, FIX_ALL_KIND } from '../../protocol';
import { DIAGNOSTIC_SOURCE, sameRange } from './diagnostics';
import { computeRefactorActions } from './refactorActions';
import type { AnalysisOptions } from '../../analysis/analysis';
import { appendAll } from '../../util/arrays';

/** Whether a requested `only` filter admits a kind (`source.fixAll` admits `source.fixAll.alpinist`). */
function isRequested(only: readonly string[] | undefined, kind: string): boolean {
  if (!only) return true;
  return only.some((requested) => kind === requested || kind.startsWith(`${requested}.`));
}

/** One edit that turns `before` into `after`, limited to the lines that differ. */
export function minimalEdit(before: string, after: string, positionAt: (offset: number) => { line: number; character: number }): TextEdit {
  let start = 0;
  while (start < before.length && start < after.length && before[start] === after[start]) start++;
  let endBefore = before.length;
  let endAfter = after.length;
  while (endBefore > start && endAfter > start && before[endBefore - 1] === after[endAfter - 1]) {
    endBefore--;
    endAfter--;
  }
  return { range: { start: positionAt(start), end: positionAt(endBefore) }, newText: after.slice(start, endAfter) };
}

export function computeCodeActions(
  uri: string,
  analysis: Analysis,
  params: CodeActionParams,
  options: AnalysisOptions,
): CodeAction[] {
  const { model } = analysis;
  const only = params.context.only;
  const actions: CodeAction[] = [];
  const edit = (edits: readonly TextEdit[]) => ({ changes: { [uri]: [...edits] } });

  if (isRequested(only, CodeActionKind.QuickFix)) {
    for (const diagnostic of params.context.diagnostics) {
      if (diagnostic.source !== DIAGNOSTIC_SOURCE || typeof diagnostic.code !== 'string') continue;
      const findings = analysis.findings.filter((finding) => finding.ruleId === diagnostic.code && sameRange(finding.range, diagnostic.range));
      if (findings.length === 0) continue;
      const finding = findings[0];
      let preferredGiven = false;
      for (const fix of finding.fixes) {
        const isPreferred: boolean = fix.kind === 'safe' && !preferredGiven;
        preferredGiven ||= isPreferred;
        actions.push({ title: fix.title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], isPreferred, edit: edit(toTextEdits(model, fix.edits)) });
      }
      const suppression = options.suppressionComments === false ? undefined : suppressionEdit(analysis, finding);
      if (suppression) {
        actions.push({ title: `Ignore \`${finding.ruleId}\` for this instruction`, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], edit: edit([suppression]) });
      }
      actions.push({
        title: `Show documentation for \`${finding.ruleId}\``,
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagnostic],
        command: { title: `Show documentation for \`${finding.ruleId}\``, command: Commands.showDocumentation, arguments: [finding.ruleId] },
      });
    }
    appendAll(actions, libraryActions(uri, model.text, params));
  }

  appendAll(actions, computeRefactorActions(uri, analysis, params));

  if (isRequested(only, FIX_ALL_KIND) && (only !== undefined || hasSafeFix(analysis))) {
    const result = fixAll(model.text, options);
    if (result.text !== model.text) actions.push(fixAllAction(uri, analysis, result));
  }
  return actions;
}

function hasSafeFix(analysis: Analysis): boolean {
  return analysis.findings.filter((finding) => finding.fixes.some((fix) => fix.kind === 'safe')).length > 1;
}

function fixAllAction(uri: string, analysis: Analysis, result: FixAllResult): CodeAction {
  const document = analysis.model.document;
  return {
    title: 'Fix all safe Alpinist problems',
    kind: FIX_ALL_KIND,
    edit: { changes: { [uri]: [minimalEdit(analysis.model.text, result.text, (offset) => document.positionAt(offset))] } },
  };
}

/** `# alpinist ignore=<id>` above the instruction, or `,<id>` appended to such a comment already there. */
function suppressionEdit(analysis: Analysis, finding: ResolvedFinding): TextEdit | undefined {
  const { model } = analysis;
  const offset = model.document.offsetAt(finding.range.start);
  const instruction = model.instructions.find((candidate) => candidate.start <= offset && offset <= candidate.end);
  const existing = analysis.suppressions.find((suppression) => suppression.tool === 'alpinist' && suppression.scope === 'next' && suppression.target?.start === instruction?.start);
  if (existing && existing.ids.length > 0) {
    const last = existing.ids[existing.ids.length - 1];
    return { range: { start: model.document.positionAt(last.end), end: model.document.positionAt(last.end) }, newText: `,${finding.ruleId}` };
  }
  const anchor = instruction ? model.document.positionAt(instruction.start) : finding.range.start;
  if (!instruction && finding.ruleId === 'no-unused-suppression') return undefined;
  const lineStart = model.document.offsetAt({ line: anchor.line, character: 0 });
  const indentation = /^[ \t]*/.exec(model.text.slice(lineStart, lineStart + 200))?.[0] ?? '';
  const lineEnding = lineEndingOf(model.text);
  return { range: { start: { line: anchor.line, character: 0 }, end: { line: anchor.line, character: 0 } }, newText: `${indentation}# alpinist ignore=${finding.ruleId}${lineEnding}` };
}

/** dockerfile-language-service answers with Commands; turn each into an action that carries its edits. */
export function libraryActions(uri: string, text: string, params: CodeActionParams): CodeAction[] {
  const diagnostics = params.context.diagnostics.filter((diagnostic: Diagnostic) => diagnostic.source !== DIAGNOSTIC_SOURCE);
  if (diagnostics.length === 0) return [];
  const service = getDockerfileService();
  // Why: the library is typed against LSP 3.17 types (string-only messages); the shapes are otherwise equal.
  const commands = service.computeCodeActions({ uri }, params.range, { diagnostics } as unknown as Parameters<typeof service.computeCodeActions>[2]);
  const actions: CodeAction[] = [];
  for (const command of commands) {
    const edits = service.computeCommandEdits(text, command.command, command.arguments ?? []);
    if (edits.length === 0) continue;
    // The library passes `[uri, range]` of the diagnostic a command fixes.
    const target = command.arguments?.find((argument): argument is Diagnostic['range'] => typeof argument === 'object' && argument !== null && 'start' in argument && 'end' in argument);
    const related = target ? diagnostics.filter((diagnostic) => sameRange(diagnostic.range, target)) : diagnostics;
    actions.push({ title: command.title, kind: CodeActionKind.QuickFix, diagnostics: related, edit: { changes: { [uri]: edits } } });
  }
  return actions;
}
