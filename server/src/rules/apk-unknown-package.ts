/**
 * Why: `apk add` stops the build with "unable to select packages" when a name is neither a package nor provided by
 * one in the repositories of the image's release (a package dropped in a newer release, a Debian name, a typo). Only
 * reported when Alpine's package index of that release is loaded; packages from other repositories (`@tag`,
 * `--repository`, an edited `/etc/apk/repositories`) and local `.apk` files are never judged.
 */
import { describeIndex } from '../knowledge/alpineData';
import type { ApkIndex } from '../knowledge/apkIndex';
import { findRename, isRemovedIn } from '../knowledge/lookup';
import { packageSuccessors } from '../knowledge/releases';
import { replace } from '../edits/edits';
import { indexForStage, packageNameSpan, packageTextOffsets, usesOtherRepositories } from './shared/apkIndexUse';
import { defineRule, type Fix } from './rule';
import { duplicatedRuntime } from '../knowledge/languageImages';
import { packagesRemoval } from './shared/apkPackages';
import { officialLanguageImage } from './shared/languageImage';

const successorsByName = new Map(packageSuccessors.map((entry) => [entry.name, entry.replacement]));

/** Replacement names, known renames first, then index names by edit distance; only names the index resolves. */
function candidatesFor(name: string, index: ApkIndex): string[] {
  const candidates: string[] = [];
  const add = (candidate: string | undefined): void => {
    if (candidate !== undefined && candidate !== name && index.resolves(candidate) && !candidates.includes(candidate)) candidates.push(candidate);
  };
  add(findRename(name)?.replacement);
  add(successorsByName.get(name));
  // Why: one edit is already a different word for a short name (`gcc` → `gdb`); longer names may differ by two.
  const distance = name.length <= 4 ? 1 : 2;
  for (const nearby of index.nearestNames(name, distance, 3)) add(nearby);
  return candidates.slice(0, 3);
}

export default defineRule({
  id: 'apk-unknown-package',
  description: '`apk add` of a name that is neither a package nor provided by one in the image\'s Alpine release (needs Alpine\'s package index).',
  defaultSeverity: 'error',
  fixSummary: 'suggestion: a renamed or similarly named package',
  requires: { programs: ['apk'] },
  check(context) {
    const model = context.dockerfile;
    const renamesRuleOn = context.rules.find('apk-no-renamed-packages');
    for (const run of model.runs) {
      const snapshot = indexForStage(context, run.stage);
      if (!snapshot || !run.stage?.alpineRelease) continue;
      for (const call of run.apkCalls) {
        if (call.subcommand !== 'add' || usesOtherRepositories(run, call)) continue;
        for (const pkg of call.packages) {
          // Why: `@tag` names a repository the index does not hold; a name with `$` or a path is not a package name.
          if (pkg.kind !== 'name' || pkg.tag !== undefined || pkg.name === '' || pkg.name.startsWith('.')) continue;
          if (snapshot.index.resolves(pkg.name)) continue;
          // The renamed-packages rule already reports these names, with its own explanation and fix.
          const rename = findRename(pkg.name);
          if (rename && renamesRuleOn && context.rules.isEnabled(renamesRuleOn) && isRemovedIn(rename, run.stage.alpineRelease)) continue;
          const inner = packageTextOffsets(pkg);
          // Why: on an official language image a candidate such as `python3` would be a second interpreter beside the
          // image's own; removing the unknown name is the fix there.
          const image = officialLanguageImage(run.stage);
          const candidates = inner === undefined ? [] : candidatesFor(pkg.name, snapshot.index);
          const fixes: Fix[] = candidates
            .filter((candidate) => !(image && duplicatedRuntime(candidate, image.runtime)))
            .map((candidate) => ({
              title: `Replace \`${pkg.name}\` with \`${candidate}\``,
              kind: 'suggestion' as const,
              // The version constraint of the unknown name cannot apply to another package, so it goes.
              edits: [replace(inner ?? pkg.word, candidate)],
            }));
          const removal = image && candidates.some((candidate) => duplicatedRuntime(candidate, image.runtime)) ? packagesRemoval(model, run, call, [pkg]) : undefined;
          if (image && removal) {
            fixes.unshift({ title: `Remove \`${pkg.name}\` (\`${image.image}\` has its own ${image.runtime === 'python' ? 'Python' : 'Node.js'})`, kind: 'suggestion', edits: removal });
          }
          context.report({
            at: packageNameSpan(pkg),
            message: `\`${pkg.name}\` is neither a package nor provided by one in ${describeIndex(snapshot)}, so \`apk add\` fails.`,
            fixes,
          });
        }
      }
    }
  },
});
