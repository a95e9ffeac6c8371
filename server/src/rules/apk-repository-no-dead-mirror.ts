/**
 * Why: a repository on a mirror host that no longer serves Alpine fails `apk update`/`apk add` ("No such file or
 * directory", 404), so the build stops or, when other repositories still answer, silently installs without it.
 */
import { replace } from '../edits/edits';
import { ALPINE_CDN_HOST, findDeadMirror } from '../knowledge/mirrors';
import { defineRule } from './rule';
import { partSpan, repositoryUrls } from './shared/apkRepositories';

export default defineRule({
  id: 'apk-repository-no-dead-mirror',
  description: 'Report apk repositories on mirror hosts that no longer serve Alpine (`nl.alpinelinux.org`, `dl-4.alpinelinux.org`, …).',
  defaultSeverity: 'error',
  fixSummary: `safe: ${ALPINE_CDN_HOST}`,
  requires: { programs: ['apk', 'echo', 'printf'] },
  check(context) {
    for (const run of context.dockerfile.runs) {
      if (!run.stage?.isAlpineLike) continue;
      for (const repository of repositoryUrls(run)) {
        const dead = findDeadMirror(repository.host.text);
        if (!dead) continue;
        const span = partSpan(repository, repository.host);
        context.report({
          at: span,
          message: `\`${repository.host.text}\` no longer serves Alpine (reported gone ${dead.reportedGone}), so fetching from it fails; use \`${ALPINE_CDN_HOST}\`.`,
          // Why safe: the same paths are on the CDN, and the dead host cannot be serving a working build.
          fixes: [{ title: `Use \`${ALPINE_CDN_HOST}\``, kind: 'safe', edits: [replace(span, ALPINE_CDN_HOST)] }],
        });
      }
    }
  },
});
