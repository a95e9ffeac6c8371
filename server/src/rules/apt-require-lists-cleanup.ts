/** Why: `apt-get update` downloads package lists (tens of MB) that nothing in the image reads after the build. */
import type { DockerfileModel, RunInstruction, Stage } from '../dockerfile/model';
import { appendStep } from '../edits/append';
import { parseAptCall } from '../shell/apt';
import type { ShellCommand } from '../shell/shellCommand';
import { spanOf } from '../util/span';
import { defineRule } from './rule';
import { isMountedCache, reachesImage, removesPath } from './shared/cleanup';

const LISTS = '/var/lib/apt/lists';

export default defineRule({
  id: 'apt-require-lists-cleanup',
  description: 'Delete `/var/lib/apt/lists/*` in the `RUN` that runs `apt-get update`, so the package lists stay out of the image.',
  defaultSeverity: 'info',
  fixSummary: 'safe: append `rm -rf /var/lib/apt/lists/*`',
  hadolint: ['DL3009'],
  requires: { programs: ['apt-get', 'apt', 'aptitude'] },
  check(context) {
    const model = context.dockerfile;
    let users: Map<Stage, number> | undefined;
    for (const run of model.runs) {
      let update;
      for (const command of run.commands) {
        const call = parseAptCall(command);
        if (call?.subcommand === 'update' && call.subcommandWord) update = call;
      }
      if (!update?.subcommandWord || !reachesImage(model, run) || isMountedCache(run, LISTS)) continue;
      const updateEnd = update.command.end;
      if (run.commands.some((command) => command.start > updateEnd && (removesPath(command, isListsPath) || isDistClean(command)))) continue;
      const edit = appendStep(run, 'rm -rf /var/lib/apt/lists/*');
      users ??= listUsers(model);
      const needed = listsNeededLater(users, run);
      context.report({
        at: spanOf(update.programWord, update.subcommandWord),
        message: `\`${update.tool} update\` leaves the package lists in \`${LISTS}\` in the image layer; this \`RUN\` never deletes them.`,
        fixes: edit && [
          {
            title: 'Append `rm -rf /var/lib/apt/lists/*` to this `RUN`',
            // Why: a later RUN that installs without its own update needs the lists this one downloaded.
            kind: needed ? 'suggestion' : 'safe',
            edits: [edit],
          },
        ],
      });
    }
  },
});

/** `apt-get dist-clean` (apt 3.0, Debian 13): `clean` plus the package lists. */
function isDistClean(command: ShellCommand): boolean {
  const call = parseAptCall(command);
  return call?.tool !== 'aptitude' && call?.subcommand === 'dist-clean';
}

function isListsPath(path: string): boolean {
  return path === LISTS || path.startsWith(`${LISTS}/`) || path === '/var/lib/apt' || path === '/var/lib/apt/';
}

/**
 * For each stage, the start of the last RUN (in it or a stage built from it) that installs with apt without an update
 * of its own: such a RUN needs the lists an earlier RUN downloaded. Why per stage, once: asking per finding would scan
 * every RUN again for each one.
 */
function listUsers(model: DockerfileModel): Map<Stage, number> {
  const own = new Map<Stage, number>();
  for (const run of model.runs) {
    if (!run.stage) continue;
    const calls = run.commands.map(parseAptCall);
    const needs = !calls.some((call) => call?.subcommand === 'update') && calls.some((call) => call?.subcommand !== undefined && call.subcommand !== 'clean');
    if (needs) own.set(run.stage, run.start);
  }
  const last = new Map<Stage, number>();
  // Why reversed: a child stage always comes after its parent, so its value is known when the parent's is computed.
  for (const stage of [...model.stages].reverse()) {
    let value = own.get(stage) ?? -1;
    for (const child of stage.children) value = Math.max(value, last.get(child) ?? -1);
    last.set(stage, value);
  }
  return last;
}

function listsNeededLater(users: Map<Stage, number>, run: RunInstruction): boolean {
  return run.stage !== undefined && (users.get(run.stage) ?? -1) > run.start;
}
