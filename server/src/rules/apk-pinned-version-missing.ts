/**
 * Why: Alpine's repositories keep only the current build of each package in a release, so a pin such as
 * `curl=8.5.0-r0` stops matching once the package gets a security update, and `apk add` fails with "unable to
 * select packages". Only reported when Alpine's package index of the stage's release is loaded.
 */
import { describeIndex } from '../knowledge/alpineData';
import { apkVersionSatisfies, fuzzyPinOf } from '../knowledge/apkVersion';
import { replace } from '../edits/edits';
import { indexForStage, packageTextOffsets, usesOtherRepositories } from './shared/apkIndexUse';
import { defineRule, type Fix } from './rule';

export default defineRule({
  id: 'apk-pinned-version-missing',
  description: 'A version pinned in `apk add` that the image\'s Alpine release no longer carries (needs Alpine\'s package index).',
  defaultSeverity: 'error',
  fixSummary: 'suggestion: the current version, or a fuzzy `~` pin',
  requires: { programs: ['apk'] },
  check(context) {
    const model = context.dockerfile;
    for (const run of model.runs) {
      const snapshot = indexForStage(context, run.stage);
      if (!snapshot) continue;
      for (const call of run.apkCalls) {
        if (call.subcommand !== 'add' || usesOtherRepositories(run, call)) continue;
        for (const pkg of call.packages) {
          const constraint = pkg.constraint;
          // Why: `name=1.0@edge` puts the tag after the version; either way the tagged repository is not in the index.
          if (pkg.kind !== 'name' || pkg.tag !== undefined || constraint === undefined || constraint.version.includes('@')) continue;
          const info = snapshot.index.get(pkg.name);
          // Unknown names are apk-unknown-package's; `name=` with nothing after it is not a pin.
          if (!info || constraint.version === '') continue;
          const verdicts = info.versions.map((version) => apkVersionSatisfies(version, constraint.operator, constraint.version));
          if (verdicts.some((verdict) => verdict !== false)) continue;
          const inner = packageTextOffsets(pkg);
          const at = inner ? { start: inner.start + pkg.name.length, end: inner.end } : pkg.word;
          const fixes: Fix[] = [];
          if (inner) {
            const constraintSpan = { start: inner.start + pkg.name.length, end: inner.end };
            fixes.push({ title: `Pin \`${pkg.name}\` to the current \`${info.version}\``, kind: 'suggestion', edits: [replace(constraintSpan, `=${info.version}`)] });
            const fuzzy = fuzzyPinOf(info.version);
            if (fuzzy !== undefined) fixes.push({ title: `Pin \`${pkg.name}\` to \`~${fuzzy}\` (any ${fuzzy} release)`, kind: 'suggestion', edits: [replace(constraintSpan, `~${fuzzy}`)] });
          }
          const carried = info.versions.length === 1 ? `only \`${info.version}\`` : info.versions.map((version) => `\`${version}\``).join(', ');
          context.report({
            at,
            message: `\`${pkg.name}${constraint.operator}${constraint.version}\` matches no version in ${describeIndex(snapshot)}, which has ${carried}, so \`apk add\` fails.`,
            fixes,
          });
        }
      }
    }
  },
});
