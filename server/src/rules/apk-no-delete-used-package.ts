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
import { prefixLength } from '../util/prefixLength';

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
  const runs = stage.runs;
  // Why from the add's RUN on: only the RUNs between the two calls are read, whatever the stage's length.
  for (let index = Math.max(0, prefixLength(runs, (run) => run.end <= add.command.start)); index < runs.length && runs[index].start < del.command.start; index++) {
    const run = runs[index];
    if (run.isOnbuild) continue;
    if (run.commands.some((command) => command.start > add.command.end && command.end < del.command.start && (classifyCommand(command) === 'build' || BUILD_SCRIPTS.has(command.name ?? '')))) return true;
  }
  return false;
}

interface Add {
  readonly run: RunInstruction;
  readonly call: ApkCall;
}

/** The `apk add` calls a stage's deletions can undo, indexed once per stage. */
interface AddIndex {
  /** The plain RUNs' `apk add` calls of the stage chain, in build order (the root stage first). */
  readonly adds: readonly Add[];
  /** Where the stage's own calls start in `adds`, and their command starts. */
  readonly ownStart: number;
  readonly ownStarts: readonly number[];
  /** Indices into `adds` of the calls that create each `--virtual` group, ascending. */
  readonly byGroup: ReadonlyMap<string, readonly number[]>;
  /** For each package name, how many calls list it, by their group (`''`: none). */
  readonly listedBy: ReadonlyMap<string, ReadonlyMap<string, number>>;
  /** For each package name, the start of the last of the stage's own calls that lists it. */
  readonly lastOwnAdd: ReadonlyMap<string, number>;
}

function indexAdds(stage: Stage): AddIndex {
  const adds: Add[] = [];
  let ownStart = 0;
  for (const current of stageChain(stage).reverse()) {
    if (current === stage) ownStart = adds.length;
    for (const run of current.runs) {
      if (run.isOnbuild) continue;
      for (const call of run.apkCalls) if (call.subcommand === 'add') adds.push({ run, call });
    }
  }
  const byGroup = new Map<string, number[]>();
  const listedBy = new Map<string, Map<string, number>>();
  const lastOwnAdd = new Map<string, number>();
  adds.forEach((add, index) => {
    const group = add.call.virtualName;
    if (group !== undefined) {
      const list = byGroup.get(group);
      if (list) list.push(index);
      else byGroup.set(group, [index]);
    }
    for (const item of add.call.packages) {
      if (item.kind !== 'name') continue;
      let counts = listedBy.get(item.name);
      if (!counts) listedBy.set(item.name, (counts = new Map()));
      counts.set(group ?? '', (counts.get(group ?? '') ?? 0) + 1);
      if (index >= ownStart) lastOwnAdd.set(item.name, add.call.command.start);
    }
  });
  return { adds, ownStart, ownStarts: adds.slice(ownStart).map((add) => add.call.command.start), byGroup, listedBy, lastOwnAdd };
}

/** True when a call outside the group `group` also installs `name`: it is then in the world file and stays. */
function isListedElsewhere(index: AddIndex, name: string, group: string): boolean {
  for (const [other, count] of index.listedBy.get(name) ?? []) if (other !== group && count > 0) return true;
  return false;
}

export default defineRule({
  id: 'apk-no-delete-used-package',
  description: 'Do not `apk del` a package (or a `--virtual` group holding it) that a later instruction still runs.',
  defaultSeverity: 'error',
  fixSummary: 'suggestion: install the package outside the group, or keep it out of `apk del`',
  requires: { programs: ['apk'] },
  check(context) {
    const model = context.dockerfile;
    const reported = new Set<ApkPackage>();
    for (const stage of model.stages) {
      let index: AddIndex | undefined;
      // Why: a group's calls up to a deletion are deleted by it; a later deletion of the same name only sees newer ones.
      const consumed = new Map<string, number>();
      for (const run of stage.runs) {
        if (run.isOnbuild) continue;
        for (const del of run.apkCalls) {
          if (del.subcommand !== 'del' || del.packages.length === 0) continue;
          index ??= indexAdds(stage);
          const before = index.ownStart + prefixLength(index.ownStarts, (start) => start < del.command.start);
          for (const deleted of del.packages) {
            if (deleted.kind !== 'name') continue;
            const groupCalls = index.byGroup.get(deleted.name);
            if (groupCalls) {
              const from = consumed.get(deleted.name) ?? 0;
              const upTo = prefixLength(groupCalls, (position) => position < before);
              consumed.set(deleted.name, Math.max(from, upTo));
              for (const position of groupCalls.slice(from, upTo)) {
                const group = index.adds[position];
                for (const item of group.call.packages) {
                  if (item.kind !== 'name' || reported.has(item) || isListedElsewhere(index, item.name, deleted.name)) continue;
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
            if (reported.has(deleted) || (index.lastOwnAdd.get(deleted.name) ?? -1) > del.command.start) continue;
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
