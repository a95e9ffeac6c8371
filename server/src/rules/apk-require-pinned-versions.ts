/**
 * Why: an unpinned `apk add` installs whatever the mirror serves on build day, so two builds of the same Dockerfile
 * can differ. Off by default: Alpine mirrors drop old package revisions, so exact pins break builds instead.
 */

import { defineRule } from './rule';

export default defineRule({
  id: 'apk-require-pinned-versions',
  description: 'Pin the version of every package in `apk add` (off by default: Alpine mirrors drop old revisions).',
  defaultSeverity: 'off',
  hadolint: ['DL3018'],
  check(context) {
    const model = context.dockerfile;
    for (const run of model.runs) {
      for (const call of run.apkCalls) {
        if (call.subcommand !== 'add') continue;
        for (const item of call.packages) {
          // Why: `!pkg` forbids a package, `.apk` files carry their version, and `$PKGS` may hold anything.
          if (item.kind !== 'name' || item.constraint !== undefined) continue;
          context.report({
            at: item.word,
            message: `\`${item.word.value ?? item.word.raw}\` is installed without a version constraint, so a rebuild can install a different version.`,
          });
        }
      }
    }
  },
});
