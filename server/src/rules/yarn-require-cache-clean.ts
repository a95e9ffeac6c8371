/** Why: yarn keeps every downloaded package in its cache; in an image layer that cache is dead weight. */
import { appendStep } from '../edits/append';
import { parseNodeCall, type NodeCall } from '../shell/node';
import { spanOf } from '../util/span';
import { defineRule } from './rule';
import { isMountedCache, reachesImage, removesPath } from './shared/cleanup';

/** Yarn 1 cache directories of root on Linux (`yarn cache dir`), and Yarn 2+'s global folder. */
const CACHES = ['/usr/local/share/.cache/yarn', '/root/.cache/yarn', '/root/.yarn/berry/cache'];

export default defineRule({
  id: 'yarn-require-cache-clean',
  description: 'Run `yarn cache clean` after `yarn install` in the same `RUN`, so the yarn cache stays out of the image.',
  defaultSeverity: 'info',
  fixSummary: 'safe: append `yarn cache clean`',
  hadolint: ['DL3060'],
  requires: { programs: ['yarn'] },
  check(context) {
    const model = context.dockerfile;
    for (const run of model.runs) {
      let install: NodeCall | undefined;
      let cleanedAfter = false;
      for (const command of run.commands) {
        const call = parseNodeCall(command);
        if (call?.tool === 'yarn' && installs(call)) {
          install = call;
          cleanedAfter = false;
        } else if (install && ((call?.tool === 'yarn' && call.subcommand === 'cache' && call.operands[0]?.value === 'clean') || removesPath(command, isCachePath))) {
          cleanedAfter = true;
        }
      }
      if (!install || cleanedAfter || !reachesImage(model, run) || CACHES.some((cache) => isMountedCache(run, cache))) continue;
      const edit = appendStep(run, 'yarn cache clean');
      context.report({
        at: spanOf(install.programWord, install.subcommandWord ?? install.programWord),
        message: `\`yarn${install.subcommand ? ` ${install.subcommand}` : ''}\` leaves its package cache in the image layer; this \`RUN\` never runs \`yarn cache clean\` after it.`,
        fixes: edit && [{ title: 'Append `yarn cache clean` to this `RUN`', kind: 'safe', edits: [edit] }],
      });
    }
  },
});

/** `yarn`, `yarn install`, `yarn add`, `yarn global add`. */
function installs(call: NodeCall): boolean {
  // Why: `yarn --version` and `yarn --help` print and exit; any other bare `yarn` installs.
  if (call.subcommand === undefined) {
    return call.subcommandWord === undefined && call.line.unknown.length === 0 && !call.line.options.some((option) => ['--version', '-v', '--help', '-h'].includes(option.name));
  }
  return call.subcommand === 'install' || call.subcommand === 'add' || (call.subcommand === 'global' && call.operands[0]?.value === 'add');
}

function isCachePath(path: string): boolean {
  return CACHES.some((cache) => path === cache || path.startsWith(`${cache}/`)) || path === '/usr/local/share/.cache';
}
