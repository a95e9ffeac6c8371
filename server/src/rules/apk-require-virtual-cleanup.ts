/**
 * Why: `apk add --virtual NAME` groups build-only dependencies so one `apk del NAME` removes them; without that
 * `apk del` in the same RUN the compilers and headers stay in the image. A group that nothing in its RUN builds with
 * is only a label for packages the image keeps: that is said as such, and no deletion is suggested; neither is one
 * that would remove a package a later instruction runs.
 */
import { describeUse, laterUseOfPackage } from '../dockerfile/laterUses';
import type { DockerfileModel, RunInstruction, Stage } from '../dockerfile/model';
import { classifyCommand } from '../dockerfile/steps';
import { programsOfPackage } from '../knowledge/packagePrograms';
import { insertAt, type Edit } from '../edits/edits';
import { lineBreakAt } from '../edits/lines';
import type { ApkCall } from '../shell/apk';
import type { ShellCommand } from '../shell/shellCommand';
import { defineRule } from './rule';

/** Virtual names that say the group is meant to stay: `.rundeps`, `.ruby-rundeps`, `.persistent-deps`, … */
const KEPT_GROUP = /run-?(?:time)?[-_]?deps|runtime|persistent|permanent/i;

export default defineRule({
  id: 'apk-require-virtual-cleanup',
  description: 'Delete an `apk add --virtual` group with `apk del` in the same RUN.',
  defaultSeverity: 'warning',
  fixSummary: 'suggestion: `&& apk del NAME`',
  requires: { programs: ['apk'] },
  check(context) {
    const model = context.dockerfile;
    let laterDeletions: LaterDeletions | undefined;
    for (const run of model.runs) {
      let uses: RunUses | undefined;
      for (const call of run.apkCalls) {
        if (call.subcommand !== 'add') continue;
        const flag = call.flags.find((candidate) => candidate.name === '--virtual');
        if (!flag) continue;
        const name = flag.value ?? flag.valueWord?.raw;
        if (!name || KEPT_GROUP.test(name)) continue;
        if (isDeletedInRun(run, call, name) || (laterDeletions ??= new LaterDeletions()).has(run, name)) continue;
        const end = flag.valueWord && flag.valueWord.start > flag.word.start ? flag.valueWord.end : flag.word.end;
        const at = { start: flag.word.start, end };
        if (!isUsedInRun((uses ??= usesOfRun(run)), call)) {
          context.report({
            at,
            message: `\`${name}\` is never removed, and nothing after it in this RUN builds with it or runs its programs: the group is only a label here.`,
            severity: 'info',
          });
          continue;
        }
        const needed = neededLater(run, call);
        if (needed) {
          context.report({
            at,
            message: `\`${name}\` is never removed with \`apk del ${name}\` in this RUN, so what it installed for the build stays in the image; it cannot simply be deleted: ${needed}.`,
          });
          continue;
        }
        const fix = appendDeletion(model, run, call, name);
        context.report({
          at,
          message: `\`${name}\` is never removed with \`apk del ${name}\` in this RUN, so what it installed for the build stays in the image.`,
          fixes: fix ? [{ title: `Add \`apk del ${name}\` at the end of the RUN`, kind: 'suggestion', edits: [fix] }] : [],
        });
      }
    }
  },
});

/** Commands kinds that build or install with the group's tools. */
const BUILDING_KINDS: ReadonlySet<string> = new Set(['build', 'install', 'venv', 'fetch']);

/** For one RUN: the index of its last building command and of the last command running each program. */
interface RunUses {
  readonly lastBuild: number;
  readonly lastByProgram: ReadonlyMap<string, number>;
}

function usesOfRun(run: RunInstruction): RunUses {
  let lastBuild = -1;
  const lastByProgram = new Map<string, number>();
  for (const command of run.commands) {
    if (BUILDING_KINDS.has(classifyCommand(command))) lastBuild = Math.max(lastBuild, command.index);
    if (command.name !== undefined) lastByProgram.set(command.name, Math.max(lastByProgram.get(command.name) ?? -1, command.index));
  }
  return { lastBuild, lastByProgram };
}

/**
 * True when a command after the group's `apk add` in the RUN builds, installs or fetches something, or runs a program
 * of one of the group's packages; otherwise the group names packages the image keeps, and nothing would delete it.
 */
function isUsedInRun(uses: RunUses, add: ApkCall): boolean {
  if (add.packages.some((item) => item.kind === 'opaque') || uses.lastBuild > add.command.index) return true;
  return add.packages.some((item) => item.kind === 'name' && programsOfPackage(item.name).some((program) => (uses.lastByProgram.get(program) ?? -1) > add.command.index));
}

/** How a later instruction needs a package of the group ("`ENTRYPOINT` runs `tini`"), or undefined. */
function neededLater(run: RunInstruction, add: ApkCall): string | undefined {
  const stage = run.stage;
  if (!stage || run.isOnbuild) return undefined;
  for (const item of add.packages) {
    if (item.kind !== 'name') continue;
    const use = laterUseOfPackage(stage, run.end, item.name);
    if (use) return describeUse(use, stage, run.end);
  }
  return undefined;
}

/** The deleted names of an `apk del`, by value; opaque words by their raw text. */
function deletedNames(call: ApkCall): string[] {
  return call.packages.map((item) => (item.kind === 'opaque' ? item.word.raw : item.name));
}

function deletes(call: ApkCall, name: string): boolean {
  return call.subcommand === 'del' && (deletedNames(call).includes(name) || call.packages.some((item) => item.kind === 'opaque'));
}

function isDeletedInRun(run: RunInstruction, add: ApkCall, name: string): boolean {
  return run.apkCalls.some((call) => call.command.index > add.command.index && deletes(call, name));
}

/** What a set of RUNs deletes with `apk del`: names, and whether some deletion is opaque (`apk del $GROUP`). */
interface Deletions {
  readonly names: Set<string>;
  opaque: boolean;
}

function recordDeletions(run: RunInstruction, into: Deletions): void {
  for (const call of run.apkCalls) {
    if (call.subcommand !== 'del') continue;
    for (const name of deletedNames(call)) into.names.add(name);
    if (call.packages.some((item) => item.kind === 'opaque')) into.opaque = true;
  }
}

/**
 * Answers "does a RUN after this one delete the group" for every RUN of a model, from what each stage deletes,
 * found once per check. The RUNs after one are those of `sequencesAfter`: the later RUNs of its stage, the stage's
 * ONBUILD triggers and every RUN of the stages built on it (for a trigger, the later triggers). Why not walk them for
 * each group: a file of thousands of groups that are never deleted made that quadratic.
 */
class LaterDeletions {
  private readonly below = new Map<Stage, Deletions>();
  private readonly lastByStage = new Map<string, { readonly last: Map<string, number>; lastOpaque: number }>();


  has(run: RunInstruction, name: string): boolean {
    const stage = run.stage;
    if (!stage) return false;
    if (!run.isOnbuild) {
      const below = this.deletionsBelow(stage);
      if (below.opaque || below.names.has(name)) return true;
    }
    const own = this.lastDeletions(stage, run.isOnbuild);
    return own.lastOpaque > run.start || (own.last.get(name) ?? -1) > run.start;
  }

  /** Deletions of the stage's ONBUILD triggers and of every RUN of the stages built on it, recursively. */
  private deletionsBelow(stage: Stage): Deletions {
    let found = this.below.get(stage);
    if (!found) {
      found = { names: new Set(), opaque: false };
      for (const run of stage.runs) if (run.isOnbuild) recordDeletions(run, found);
      for (const child of stage.children) {
        for (const run of child.runs) if (!run.isOnbuild) recordDeletions(run, found);
        const deeper = this.deletionsBelow(child);
        for (const name of deeper.names) found.names.add(name);
        found.opaque ||= deeper.opaque;
      }
      this.below.set(stage, found);
    }
    return found;
  }

  /** For the stage's plain RUNs (or its triggers): the start of the last RUN deleting each name. */
  private lastDeletions(stage: Stage, isOnbuild: boolean): { readonly last: Map<string, number>; lastOpaque: number } {
    const key = `${stage.index}:${isOnbuild}`;
    let found = this.lastByStage.get(key);
    if (!found) {
      found = { last: new Map(), lastOpaque: -1 };
      for (const run of stage.runs) {
        if (run.isOnbuild !== isOnbuild) continue;
        const deletions: Deletions = { names: new Set(), opaque: false };
        recordDeletions(run, deletions);
        for (const name of deletions.names) found.last.set(name, run.start);
        if (deletions.opaque) found.lastOpaque = run.start;
      }
      this.lastByStage.set(key, found);
    }
    return found;
  }
}

/** Appends ` && apk del NAME` to a shell-form RUN, or an `apk del NAME` line to a heredoc script. */
function appendDeletion(model: DockerfileModel, run: RunInstruction, add: ApkCall, name: string): Edit | undefined {
  if (!add.command.isTopLevel || run.form === 'exec') return undefined;
  const text = model.text;
  if (run.form === 'heredoc') {
    const lastHeredoc = run.heredocs[run.heredocs.length - 1];
    const content = lastHeredoc?.contentSpan;
    // Why a delimiter: a heredoc left open (its delimiter line ended by a lone CR, which BuildKit does not read as a
    // line break) has no end to append at; a line added after it fell outside the RUN, an unknown instruction.
    if (!content || !lastHeredoc.delimiterSpan) return undefined;
    const { start: contentStart, end: contentEnd } = content;
    // Why: only when the group is installed by the script in the last heredoc and its last line is complete.
    if (add.command.start < contentStart || add.command.end > contentEnd || /\\\s*$/.test(text.slice(contentStart, contentEnd))) return undefined;
    return insertAt(contentEnd, `${lineBreakAt(text, contentEnd)}apk del ${name}`);
  }
  const last = run.commands.filter((command) => command.isTopLevel).reduce<ShellCommand | undefined>((found, command) => (found && found.end >= command.end ? found : command), undefined);
  // Why: anything after the last command but a final `;` (`&`, `fi`, a comment) would swallow or detach the new step.
  const rest = text.slice(last?.end ?? run.end, run.end).split(model.escapeChar).join('');
  if (!last || !/^\s*(?:;\s*)?$/.test(rest)) return undefined;
  return insertAt(last.end, ` && apk del ${name}`);
}
