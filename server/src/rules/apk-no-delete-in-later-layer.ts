/**
 * Why: a layer can only add files or hide them. `apk del` of packages an earlier RUN installed hides their files
 * from the final filesystem, but the earlier layer still ships them, so the image does not get smaller.
 */
import { describeUse, laterUseOfPackage } from '../dockerfile/laterUses';
import { type DockerfileModel, type Instruction, type RunInstruction, type Stage } from '../dockerfile/model';
import type { ApkCall } from '../shell/apk';
import { replace, type Edit } from '../edits/edits';
import { lineBreakAt } from '../edits/lines';
import { defineRule, type Fix } from './rule';

export default defineRule({
  id: 'apk-no-delete-in-later-layer',
  description: 'Delete packages (and `--virtual` groups) in the RUN that installed them, not in a later one.',
  defaultSeverity: 'warning',
  fixSummary: 'suggestion: merge the adjacent RUNs',
  requires: { programs: ['apk'] },
  check(context) {
    const model = context.dockerfile;
    const installedBefore = installersBeforeEachRun(model);
    const positions = new InstructionPositions();
    for (const run of model.runs) {
      const deletions = run.apkCalls.filter((call) => call.subcommand === 'del');
      if (deletions.length === 0) continue;
      const installers = installedBefore.get(run) ?? new Map<string, RunInstruction>();
      for (const call of deletions) {
        for (const item of call.packages) {
          if (item.kind !== 'name') continue;
          const installer = installers.get(item.name);
          if (!installer || addedEarlierInRun(run, call, item.name)) continue;
          // Why: merging keeps a deletion that breaks a later instruction; no suggestion should carry it along.
          const needed = neededLater(installer, run, call, item.name);
          const fix = needed ? undefined : mergeFix(model, installer, run, positions);
          context.report({
            at: item.word,
            message: needed
              ? `\`${item.name}\` was installed by an earlier RUN, so \`apk del\` here leaves its files in that layer; no merge is suggested, because the deletion removes a package still in use: ${needed}.`
              : `\`${item.name}\` was installed by an earlier RUN, so \`apk del\` here leaves its files in that layer.`,
            fixes: fix ? [fix] : [],
          });
        }
      }
    }
  },
});

/**
 * How a later instruction still needs what `apk del NAME` removes (the package, or a package of the group NAME that
 * `installer` added): "`ENTRYPOINT` runs `tini`"; undefined when nothing does.
 */
function neededLater(installer: RunInstruction, run: RunInstruction, del: ApkCall, name: string): string | undefined {
  const stage = run.stage;
  if (!stage || run.isOnbuild) return undefined;
  const group = installer.apkCalls.filter((call) => call.subcommand === 'add' && call.virtualName === name);
  const names = group.length > 0 ? group.flatMap((call) => call.packages.filter((item) => item.kind === 'name').map((item) => item.name)) : [name];
  for (const candidate of names) {
    const use = laterUseOfPackage(stage, del.command.end, candidate);
    if (use) return describeUse(use, stage, del.command.end, run.end);
  }
  return undefined;
}

/** Records what a RUN installs and deletes: names (packages and `--virtual` groups) left installed, with their RUN. */
function apply(installed: Map<string, RunInstruction>, run: RunInstruction): void {
  for (const call of run.apkCalls) {
    if (call.subcommand === 'add') {
      if (call.virtualName) installed.set(call.virtualName, run);
      for (const item of call.packages) if (item.kind === 'name') installed.set(item.name, run);
    } else if (call.subcommand === 'del') {
      for (const item of call.packages) installed.delete(item.name);
    }
  }
}

/**
 * For every RUN that deletes with apk: the names earlier RUNs installed and left installed, with the installing RUN.
 * Earlier RUNs are the parent stages' RUNs, then the stage's own before it; for an ONBUILD trigger, every RUN of
 * the stage and the triggers before it, in document order. Why one pass per stage: collecting the earlier RUNs for
 * each deleting RUN is quadratic in the number of RUNs.
 */
function installersBeforeEachRun(model: DockerfileModel): Map<RunInstruction, Map<string, RunInstruction>> {
  const before = new Map<RunInstruction, Map<string, RunInstruction>>();
  const afterPlainRuns = new Map<Stage, Map<string, RunInstruction>>();
  const deletes = (run: RunInstruction): boolean => run.apkCalls.some((call) => call.subcommand === 'del');
  const stateAfterPlainRuns = (stage: Stage): Map<string, RunInstruction> => {
    let state = afterPlainRuns.get(stage);
    if (!state) {
      state = new Map(stage.parent ? stateAfterPlainRuns(stage.parent) : undefined);
      for (const run of stage.runs) {
        if (run.isOnbuild) continue;
        if (deletes(run)) before.set(run, new Map(state));
        apply(state, run);
      }
      afterPlainRuns.set(stage, state);
    }
    return state;
  };
  for (const stage of model.stages) {
    stateAfterPlainRuns(stage);
    for (const run of stage.runs) {
      if (!run.isOnbuild || !deletes(run)) continue;
      // Note: rare, so simply in document order: every RUN of the stage, and the triggers before this one.
      const state = new Map(stage.parent ? stateAfterPlainRuns(stage.parent) : undefined);
      for (const earlier of stage.runs) if (!earlier.isOnbuild || earlier.start < run.start) apply(state, earlier);
      before.set(run, state);
    }
  }
  return before;
}

/** Each instruction's position in its stage, found once per check. */
class InstructionPositions {
  private readonly byStage = new Map<Stage, Map<Instruction, number>>();

  of(stage: Stage, instruction: Instruction): number {
    let positions = this.byStage.get(stage);
    if (!positions) {
      positions = new Map(stage.instructions.map((candidate, index) => [candidate, index]));
      this.byStage.set(stage, positions);
    }
    return positions.get(instruction) ?? -1;
  }
}

/** True when the same RUN installs the name again before deleting it (the intended single-layer pattern). */
function addedEarlierInRun(run: RunInstruction, deletion: ApkCall, name: string): boolean {
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
function mergeFix(model: DockerfileModel, first: RunInstruction, second: RunInstruction, positions: InstructionPositions): Fix | undefined {
  const stage = second.stage;
  if (!stage || first.stage !== stage || first.isOnbuild !== second.isOnbuild) return undefined;
  const position = positions.of(stage, second);
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
  const edit: Edit = replace({ start: first.end, end: second.bodyStart }, joint);
  return { title: 'Merge this RUN into the RUN that installed the packages', kind: 'suggestion', edits: [edit] };
}

/** True when nothing but blanks and line continuations follows the last command of the RUN. */
function endsWithCommand(model: DockerfileModel, run: RunInstruction): boolean {
  const last = run.commands.filter((command) => command.isTopLevel).reduce<number>((end, command) => Math.max(end, command.end), -1);
  if (last < 0) return false;
  return model.text.slice(last, run.end).split(model.escapeChar).join('').trim() === '';
}
