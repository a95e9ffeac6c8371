/**
 * Why: apk checks the signatures of the index and of every package, but over plain HTTP anyone on the path sees
 * what the build installs and can serve an older, validly signed index that withholds security fixes.
 */
import { replace } from '../edits/edits';
import { compareAlpineVersions } from '../knowledge/lookup';
import { FIRST_HTTPS_DEFAULT_RELEASE, HTTPS_MIRRORS } from '../knowledge/mirrors';
import type { Stage } from '../dockerfile/model';
import { defineRule, type Fix } from './rule';
import { partSpan, repositoryUrls, type RepositoryUrl } from './shared/apkRepositories';

export default defineRule({
  id: 'apk-repository-require-https',
  description: 'Use `https://` for apk repositories (`--repository`, `/etc/apk/repositories`).',
  defaultSeverity: 'warning',
  fixSummary: 'safe: `https://` for dl-cdn.alpinelinux.org on Alpine ≥ 3.13; suggestion otherwise',
  requires: { programs: ['apk', 'echo', 'printf'] },
  check(context) {
    for (const run of context.dockerfile.runs) {
      const stage = run.stage;
      if (!stage?.isAlpineLike) continue;
      for (const repository of repositoryUrls(run)) {
        if (repository.scheme.text.toLowerCase() !== 'http') continue;
        context.report({
          at: partSpan(repository, repository.scheme),
          message: `\`${repository.url.text}\` is fetched over plain HTTP: apk checks signatures, but anyone on the path sees what gets installed and can serve an older signed index that withholds security fixes.`,
          fixes: [httpsFix(stage, repository)],
        });
      }
    }
  },
});

/**
 * Safe only where HTTPS is known to work: Alpine's CDN, on a release whose own image already fetches from it over
 * HTTPS (so its CA certificates are there). Another mirror may not serve HTTPS at all.
 */
function httpsFix(stage: Stage, repository: RepositoryUrl): Fix {
  const release = stage.alpineRelease;
  const isKnownToWork =
    HTTPS_MIRRORS.has(repository.host.text.toLowerCase()) &&
    release !== undefined &&
    (release === 'edge' || compareAlpineVersions(release, FIRST_HTTPS_DEFAULT_RELEASE) >= 0);
  return { title: 'Use `https://`', kind: isKnownToWork ? 'safe' : 'suggestion', edits: [replace(partSpan(repository, repository.scheme), 'https')] };
}
