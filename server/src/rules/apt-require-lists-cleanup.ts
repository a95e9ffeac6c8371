/** Why: `apt-get update` downloads package lists (tens of MB) that nothing in the image reads after the build. */
import type { DockerfileModel, RunInstruction } from '../dockerfile/model';
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
  check(context) {
    const model = context.dockerfile;
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
      const needed = listsNeededLater(model, run);
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

/** True when a later RUN of this stage or a stage built from it installs with apt without an update of its own. */
function listsNeededLater(model: DockerfileModel, run: RunInstruction): boolean {
  return model.runs.some((later) => {
    if (later.start <= run.start || !isSameLine(later, run)) return false;
    const calls = later.commands.map(parseAptCall);
    return !calls.some((call) => call?.subcommand === 'update') && calls.some((call) => call !== undefined && call.subcommand !== undefined && call.subcommand !== 'clean');
  });
}

function isSameLine(later: RunInstruction, run: RunInstruction): boolean {
  for (let stage = later.stage; stage; stage = stage.parent) if (stage === run.stage) return true;
  return false;
}
