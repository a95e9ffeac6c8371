/**
 * Why: an Alpine release is built as one set: every package links against the library versions of its own branch.
 * Installing packages from edge or another `vX.Y` onto a base of a stable release (with `--repository`, or by adding
 * that branch to `/etc/apk/repositories`) mixes two sets, and the first ABI change between them (musl, OpenSSL, ICU,
 * Python) breaks programs at run time. A tagged repository (`@edge` + `pkg@edge`) is the supported way to take single
 * packages from another branch, so it is not reported.
 */
import { replace } from '../edits/edits';
import type { Stage } from '../dockerfile/model';
import { defineRule, type Fix } from './rule';
import { branchRelease, partSpan, repositoryUrls, type RepositoryUrl } from './shared/apkRepositories';

export default defineRule({
  id: 'apk-repository-no-mixed-releases',
  description: 'Do not install from edge or another Alpine release than the base\'s (`--repository`, `/etc/apk/repositories`) without a repository tag.',
  defaultSeverity: 'warning',
  fixSummary: 'suggestion: the base\'s own release in the URL',
  requires: { programs: ['apk', 'echo', 'printf'] },
  check(context) {
    for (const run of context.dockerfile.runs) {
      const stage = run.stage;
      if (!stage?.isAlpineLike) continue;
      for (const repository of repositoryUrls(run)) {
        if (!repository.branch || repository.tag !== undefined) continue;
        const branch = repository.branch.text;
        const base = baseRelease(stage);
        if (!isMixing(branchRelease(branch), base)) continue;
        context.report({ at: partSpan(repository, repository.branch), message: messageFor(repository, branch, base), fixes: fixesFor(repository, base) });
      }
    }
  },
});

/** The base's release, `stable` when the stage is Alpine of an unknown stable release, undefined when unknown. */
function baseRelease(stage: Stage): string | undefined {
  if (stage.alpineRelease !== undefined) return stage.alpineRelease;
  return stage.family === 'alpine' ? 'stable' : undefined;
}

function isMixing(release: string, base: string | undefined): boolean {
  if (base === undefined) return false;
  if (base === 'stable') return release === 'edge';
  if (release === 'latest-stable') return base !== 'edge';
  return release !== base;
}

function messageFor(repository: RepositoryUrl, branch: string, base: string | undefined): string {
  const from = branch === 'edge' ? 'Alpine edge' : branch === 'latest-stable' ? 'whichever release is newest (`latest-stable`)' : `Alpine ${branchRelease(branch)}`;
  const onto = base === 'stable' ? 'a stable Alpine base' : base === 'edge' ? 'the Alpine edge base' : `the Alpine ${base} base`;
  const advice = branch === 'edge' ? 'tag the repository (`@edge`, then `pkg@edge`) or use a base of that branch' : "use the base's own release, or a base of that release";
  switch (repository.use) {
    case 'flag':
      return `\`${branch}\` gives this \`apk\` command the packages of ${from} on top of ${onto}: releases built against different library versions get mixed; ${advice}.`;
    case 'append':
      return `Adding \`${branch}\` to \`/etc/apk/repositories\` makes every later \`apk add\` mix packages of ${from} into ${onto}; ${advice}.`;
    case 'overwrite':
      return `\`/etc/apk/repositories\` now points at ${from}, so every later \`apk add\` installs packages of another release onto ${onto}; ${advice}.`;
  }
}

/** Why a suggestion: the packages then come from another release, which is the point but may lack a name or version. */
function fixesFor(repository: RepositoryUrl, base: string | undefined): Fix[] {
  const branch = repository.branch;
  if (!branch || branch.text === 'edge' || base === undefined || base === 'stable' || base === 'edge') return [];
  return [{ title: `Use the base's release \`v${base}\``, kind: 'suggestion', edits: [replace(partSpan(repository, branch), `v${base}`)] }];
}
