/**
 * Why: an unpinned `apk add` installs whatever the mirror serves on build day, so two builds of the same Dockerfile
 * can differ. Off by default: Alpine mirrors drop old package revisions, so exact pins break builds instead.
 */

import { fuzzyPinOf } from '../knowledge/apkVersion';
import { insertAt } from '../edits/edits';
import { indexForStage, packageTextOffsets } from './shared/apkIndexUse';
import { defineRule, type Fix } from './rule';

export default defineRule({
  id: 'apk-require-pinned-versions',
  description: 'Pin the version of every package in `apk add` (off by default: Alpine mirrors drop old revisions).',
  defaultSeverity: 'off',
  hadolint: ['DL3018'],
  fixSummary: 'suggestion: the version in Alpine\'s index (exact or `~`), when loaded',
  requires: { programs: ['apk'] },
  check(context) {
    const model = context.dockerfile;
    for (const run of model.runs) {
      const snapshot = indexForStage(context, run.stage);
      for (const call of run.apkCalls) {
        if (call.subcommand !== 'add') continue;
        for (const item of call.packages) {
          // Why: `!pkg` forbids a package, `.apk` files carry their version, and `$PKGS` may hold anything.
          if (item.kind !== 'name' || item.constraint !== undefined) continue;
          // With Alpine's index of the stage's release: pin what it carries today, exactly or fuzzily.
          const info = item.tag === undefined ? snapshot?.index.get(item.name) : undefined;
          const inner = packageTextOffsets(item);
          const fixes: Fix[] = [];
          if (info && inner) {
            fixes.push({ title: `Pin \`${item.name}\` to the current \`${info.version}\``, kind: 'suggestion', edits: [insertAt(inner.end, `=${info.version}`)] });
            const fuzzy = fuzzyPinOf(info.version);
            if (fuzzy !== undefined) fixes.push({ title: `Pin \`${item.name}\` to \`~${fuzzy}\` (any ${fuzzy} release)`, kind: 'suggestion', edits: [insertAt(inner.end, `~${fuzzy}`)] });
          }
          context.report({
            fixes,
            at: item.word,
            message: `\`${item.word.value ?? item.word.raw}\` is installed without a version constraint, so a rebuild can install a different version.`,
          });
        }
      }
    }
  },
});
