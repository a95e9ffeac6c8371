/** Why: `go install example.com/tool` (or `@latest`) builds whatever version is newest on build day. */
import { parseGoCall } from '../shell/go';
import { defineRule } from './rule';

export default defineRule({
  id: 'go-require-pinned-versions',
  description: 'Pin the version of every remote package in `go install`, `go get` and `go run` (`path@version`, not `@latest`).',
  defaultSeverity: 'warning',
  hadolint: ['DL3062'],
  requires: { programs: ['go'] },
  check(context) {
    for (const run of context.dockerfile.runs) {
      for (const command of run.commands) {
        const call = parseGoCall(command);
        if (!call) continue;
        for (const word of call.packages) {
          const path = word.value;
          // Why: local directories and files build what is in the context, which the build already fixes.
          if (path === undefined || path.startsWith('.') || path.startsWith('/') || path.endsWith('.go')) continue;
          const at = path.lastIndexOf('@');
          const version = at === -1 ? undefined : path.slice(at + 1);
          if (version !== undefined && version !== 'latest' && version !== '') continue;
          const name = at === -1 ? path : path.slice(0, at);
          context.report({
            at: word,
            message: version === 'latest'
              ? `\`${path}\` builds whatever version is newest at build time; name one (\`${name}@v1.2.3\`).`
              : `\`${path}\` has no version (\`${name}@<version>\`), so a rebuild can build a different one.`,
          });
        }
      }
    }
  },
});
