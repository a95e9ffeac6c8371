/**
 * Why: a layer can only add files or hide them. `apk del` of packages an earlier RUN installed hides their files
 * from the final filesystem, but the earlier layer still ships them, so the image does not get smaller.
 */
import type { TextEdit } from 'vscode-languageserver-types';
import { wordRange, type DockerfileModel, type RunModel } from '../dockerfile/model';
import type { ApkCall } from '../shell/apk';
import { replaceOffsets } from './edits';
import { defineRule, type Fix } from './rule';
import { lineBreakAt, runsBefore } from './shared/apkLayers';

export default defineRule({
  id: 'apk-no-delete-in-later-layer',
  description: 'Delete packages (and `--virtual` groups) in the RUN that installed them, not in a later one.',
  defaultSeverity: 'warning',
  check(context) {
    const model = context.dockerfile;
    for (const run of model.runs) {
      const deletions = run.apkCalls.filter((call) => call.subcommand === 'del');
      if (deletions.length === 0) continue;
      const installers = installedBefore(run);
      for (const call of deletions) {
        for (const item of call.packages) {
          if (item.kind !== 'name') continue;
          const installer = installers.get(item.name);
          if (!installer || addedEarlierInRun(run, call, item.name)) continue;
          const fix = mergeFix(model, installer, run);
          context.report({
            range: wordRange(model, item.word),
            message: `\`${item.name}\` was installed by an earlier RUN, so \`apk del\` here leaves its files in that layer.`,
            fixes: fix ? [fix] : [],
          });
        }
      }
    }
  },
});

/** Names (packages and `--virtual` groups) that earlier RUNs installed and left installed, with the installing RUN. */
function installedBefore(run: RunModel): Map<string, RunModel> {
  const installed = new Map<string, RunModel>();
  for (const earlier of runsBefore(run)) {
    for (const call of earlier.apkCalls) {
      if (call.subcommand === 'add') {
        if (call.virtualName) installed.set(call.virtualName, earlier);
        for (const item of call.packages) if (item.kind === 'name') installed.set(item.name, earlier);
      } else if (call.subcommand === 'del') {
        for (const item of call.packages) installed.delete(item.name);
      }
    }
  }
  return installed;
}

/** True when the same RUN installs the name again before deleting it (the intended single-layer pattern). */
function addedEarlierInRun(run: RunModel, deletion: ApkCall, name: string): boolean {
  return run.apkCalls.some(
    (call) =>
      call.subcommand === 'add' &&
      call.command.index < deletion.command.index &&
      (call.virtualName === name || call.packages.some((item) => item.kind === 'name' && item.name === name)),
  );
}

/**
 * Merges the deleting RUN into the installing one when they are adjacent: `first \` + line break + `    && second`.
 * Only for shell form with equal (or no) flags on the second RUN, a first RUN that ends in a command, and a second
 * RUN whose steps are joined by `&&` alone, so a failing step still fails the build.
 */
function mergeFix(model: DockerfileModel, first: RunModel, second: RunModel): Fix | undefined {
  const stage = second.stage;
  if (!stage || first.stage !== stage || first.isOnbuild !== second.isOnbuild) return undefined;
  const position = stage.instructions.indexOf(second);
  if (position < 1 || stage.instructions[position - 1] !== first) return undefined;
  if (first.form !== 'shell' || second.form !== 'shell') return undefined;
  const text = model.text;
  const secondFlags = text.slice(second.flagsStart, second.bodyStart).trim();
  const firstFlags = text.slice(first.flagsStart, first.bodyStart).trim();
  if (secondFlags !== '' && secondFlags.replace(/\s+/g, ' ') !== firstFlags.replace(/\s+/g, ' ')) return undefined;
  if (!endsWithCommand(model, first)) return undefined;
  const steps = second.commands;
  if (steps.length === 0 || steps.some((command) => !command.isTopLevel)) return undefined;
  if (steps.slice(1).some((command) => command.separatorBefore !== '&&' && command.separatorBefore !== '|')) return undefined;
  const lineBreak = lineBreakAt(text, first.end);
  const comments = text
    .slice(first.end, second.start)
    .split(/\r?\n|\r/)
    .map((line) => line.trim())
    .filter((line) => line.startsWith('#'));
  const joint = ` ${model.escapeChar}${lineBreak}${comments.map((line) => `${line}${lineBreak}`).join('')}    && `;
  const edit: TextEdit = replaceOffsets(model, first.end, second.bodyStart, joint);
  return { title: 'Merge this RUN into the RUN that installed the packages', kind: 'suggestion', edits: [edit] };
}

/** True when nothing but blanks and line continuations follows the last command of the RUN. */
function endsWithCommand(model: DockerfileModel, run: RunModel): boolean {
  const last = run.commands.filter((command) => command.isTopLevel).reduce<number>((end, command) => Math.max(end, command.end), -1);
  if (last < 0) return false;
  return model.text.slice(last, run.end).split(model.escapeChar).join('').trim() === '';
}
