/**
 * Why: a suppression that silences nothing hides the next real finding of that rule. Runs after every other rule,
 * when the analysis knows which suppression ids silenced a finding.
 */
import { DiagnosticTag } from 'vscode-languageserver-types';
import type { DockerfileModel } from '../dockerfile/model';
import type { SuppressedId, Suppression } from '../dockerfile/pragmas';
import { replace, type Edit } from '../edits/edits';
import { nextLineStart } from '../edits/lines';
import { defineRule, type RuleCatalog } from './rule';
import { isShellCheckCode } from './shared/shellCheckCodes';

export default defineRule({
  id: 'no-unused-suppression',
  description: 'Report `# alpinist ignore=` and `# hadolint ignore=` entries that suppress nothing.',
  defaultSeverity: 'hint',
  fixSummary: 'safe: remove the id',
  reviewsSuppressions: true,
  check(context) {
    for (const suppression of context.suppressions.all) {
      suppression.ids.forEach((id, position) => {
        if (context.suppressions.isUsed(id)) return;
        const message = unusedMessage(suppression, id, context.rules);
        if (!message) return;
        context.report({
          at: id,
          message,
          tags: [DiagnosticTag.Unnecessary],
          fixes: [{ title: `Remove \`${id.id}\` from the suppression`, kind: 'safe', edits: [removeSuppressionId(context.dockerfile, suppression, position)] }],
        });
      });
    }
  },
});

/** What is wrong with an id that silenced nothing; undefined when it is not Alpinist's business. */
function unusedMessage(suppression: Suppression, id: SuppressedId, rules: RuleCatalog): string | undefined {
  // Why: ShellCheck's findings (`SC2086`, or the rule `shellcheck`) arrive after the analysis, so it cannot tell.
  if (isShellCheckCode(id.id)) return undefined;
  if (suppression.tool === 'alpinist') {
    const target = rules.find(id.id);
    if (target?.externalTool) return undefined;
    if (!target && id.id !== 'all') return `\`${id.id}\` is not an Alpinist rule, so this suppression does nothing.`;
    if (target && rules.isEnabled(target)) return `\`${id.id}\` reports nothing here, so this suppression is unused.`;
    return undefined;
  }
  // Why: hadolint codes Alpinist does not implement are hadolint's business; only judge the ones we check.
  const targets = rules.standingFor(id.id);
  if (targets.length === 0 || !targets.every((target) => rules.isEnabled(target))) return undefined;
  return `\`${id.id}\` (Alpinist \`${targets.map((target) => target.id).join('`, `')}\`) reports nothing here, so this suppression is unused.`;
}

/** Removes the id at `position` from its list, or the whole comment line when it is the only id. */
function removeSuppressionId(model: DockerfileModel, suppression: Suppression, position: number): Edit {
  const id = suppression.ids[position];
  if (suppression.ids.length === 1) return replace({ start: suppression.start, end: nextLineStart(model.text, suppression.end) }, '');
  if (position < suppression.ids.length - 1) return replace({ start: id.start, end: suppression.ids[position + 1].start }, '');
  return replace({ start: suppression.ids[position - 1].end, end: id.end }, '');
}
