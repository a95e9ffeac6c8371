/**
 * Why: `apk del GROUP` removes every package of an `apk add --virtual GROUP` (and `apk del NAME` the package itself).
 * A package that a later instruction still runs — the container's `tini` or `dumb-init`, a HEALTHCHECK's `curl`, a
 * later RUN's `git` — is gone by then, and the image breaks at build time or when the container starts.
 */
import { describeUse, laterUseOfPackage } from '../dockerfile/laterUses';
import { classifyCommand } from '../dockerfile/steps';
import { stageChain, type DockerfileModel, type RunInstruction, type Stage } from '../dockerfile/model';
import { insertAt, removeWord } from '../edits/edits';
import { apkHasFlag, type ApkCall, type ApkPackage } from '../shell/apk';
import { defineRule, type Fix } from './rule';

/** Toolchains that official images use to build their own, newer copy from source (a bootstrap compiler). */
const BOOTSTRAP_TOOLCHAINS: ReadonlySet<string> = new Set(['go', 'ruby', 'python3', 'nodejs', 'perl', 'rust', 'cargo', 'gcc', 'php']);
/** Build scripts of toolchains (Go's `./make.bash`). */
const BUILD_SCRIPTS: ReadonlySet<string> = new Set(['make.bash', 'make.sh', 'all.bash', 'build.sh']);

/**
 * True when `name` is a toolchain and something is built between the group's `apk add` and its deletion: then the
 * later `go` or `ruby` is most likely the one just built from source (docker-library's golang and ruby images).
 */
function buildsReplacement(stage: Stage, add: ApkCall, del: ApkCall, name: string): boolean {
  if (!BOOTSTRAP_TOOLCHAINS.has(name)) return false;
  return stage.runs.some((run) => !run.isOnbuild && run.start < del.command.start && run.end > add.command.end && run.commands.some((command) =>
    command.start > add.command.end && command.end < del.command.start && (classifyCommand(command) === 'build' || BUILD_SCRIPTS.has(command.name ?? ''))));
}

interface Add {
  readonly run: RunInstruction;
  readonly call: ApkCall;
}

/** The plain RUNs' `apk add` calls of a stage chain, in build order (the root stage first). */
function addsOf(stage: Stage): Add[] {
  const adds: Add[] = [];
  for (const current of stageChain(stage).reverse()) {
    for (const run of current.runs) {
      if (run.isOnbuild) continue;
      for (const call of run.apkCalls) if (call.subcommand === 'add') adds.push({ run, call });
    }
  }
  return adds;
}

export default defineRule({
  id: 'apk-no-delete-used-package',
  description: 'Do not `apk del` a package (or a `--virtual` group holding it) that a later instruction still runs.',
  defaultSeverity: 'error',
  fixSummary: 'suggestion: install the package outside the group, or keep it out of `apk del`',
  check(context) {
    const model = context.dockerfile;
    const reported = new Set<ApkPackage>();
    for (const stage of model.stages) {
      let adds: Add[] | undefined;
      for (const run of stage.runs) {
        if (run.isOnbuild) continue;
        for (const del of run.apkCalls) {
          if (del.subcommand !== 'del' || del.packages.length === 0) continue;
          adds ??= addsOf(stage);
          const before = adds.filter((add) => add.call.command.start < del.command.start || add.run.stage !== stage);
          for (const deleted of del.packages) {
            if (deleted.kind !== 'name') continue;
            const groups = before.filter((add) => add.call.virtualName === deleted.name);
            if (groups.length > 0) {
              for (const group of groups) {
                for (const item of group.call.packages) {
                  if (item.kind !== 'name' || reported.has(item)) continue;
                  // Why: a package that another `apk add` put in the world stays when the group goes.
                  if (adds.some((add) => add.call !== group.call && add.call.virtualName !== deleted.name && add.call.packages.some((other) => other.kind === 'name' && other.name === item.name))) continue;
                  const use = laterUseOfPackage(stage, del.command.end, item.name);
                  if (!use || buildsReplacement(stage, group.call, del, item.name)) continue;
                  reported.add(item);
                  context.report({
                    at: item.word,
                    message: `\`${item.name}\` is in the \`${deleted.name}\` group that \`apk del ${deleted.name}\` removes, but ${describeUse(use, stage, del.command.end, run.end)}.`,
                    fixes: outsideGroupFix(model, group, item),
                  });
                }
              }
              continue;
            }
            if (reported.has(deleted)) continue;
            if (adds.some((add) => add.call.command.start > del.command.start && add.run.stage === stage && add.call.packages.some((other) => other.kind === 'name' && other.name === deleted.name))) continue;
            const use = laterUseOfPackage(stage, del.command.end, deleted.name);
            if (!use) continue;
            reported.add(deleted);
            const fixes: Fix[] = del.packages.length > 1
              ? [{ title: `Keep \`${deleted.name}\`: leave it out of \`apk del\``, kind: 'suggestion', edits: [removeWord(model, run, deleted.word)] }]
              : [];
            context.report({
              at: deleted.word,
              message: `\`apk del\` removes \`${deleted.name}\`, but ${describeUse(use, stage, del.command.end, run.end)}.`,
              fixes,
            });
          }
        }
      }
    }
  },
});

/** Moves the package from the group's `apk add` into an `apk add` of its own just before it, which the deletion keeps. */
function outsideGroupFix(model: DockerfileModel, group: Add, item: ApkPackage): Fix[] {
  const { run, call } = group;
  const command = call.command;
  const names = call.packages.filter((other) => other.kind === 'name');
  if (run.form !== 'shell' && run.form !== 'heredoc') return [];
  if (!command.isTopLevel || names.length < 2 || command.words[0].value !== 'apk') return [];
  if (!['&&', ';', 'newline', 'none'].includes(command.separatorBefore)) return [];
  // Why: the new call must read the same repositories as the group did.
  if (apkHasFlag(call, '--repository') || apkHasFlag(call, '--repositories-file') || apkHasFlag(call, '--root')) return [];
  const flags = apkHasFlag(call, '--no-cache') ? ' --no-cache' : '';
  const word = model.text.slice(item.word.start, item.word.end);
  return [{
    title: `Install \`${item.name}\` outside the \`${call.virtualName ?? ''}\` group`,
    kind: 'suggestion',
    edits: [insertAt(command.start, `apk add${flags} ${word} && `), removeWord(model, run, item.word)],
  }];
}
