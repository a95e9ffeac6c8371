/**
 * Why: three ways an `apk add` version constraint cannot do what it says. Unquoted in a shell-form RUN, `pkg>=1.2`
 * and `pkg<2` are shell redirections: apk gets a bare `pkg` and the shell writes a file named `=1.2` (or reads one
 * named `2`). apk's `=` is exact, and every Alpine package version ends in a revision (`-r0`), so `pkg=14.19` matches
 * nothing. And an exact pin into `@edge` stops matching as soon as edge moves on.
 */
import { isValidApkVersion } from '../knowledge/apkVersion';
import { replace } from '../edits/edits';
import type { ApkPackage } from '../shell/apk';
import { defineRule, type Fix } from './rule';
import { packageTextOffsets } from './shared/apkIndexUse';

/** Repository tags and URLs that follow a moving branch rather than a release. */
function isMovingRepository(text: string): boolean {
  return text === 'edge' || text === 'testing' || text.includes('/edge/') || text.endsWith('/edge') || text.includes('latest-stable');
}

/** Offsets of the constraint (`=1.2-r0`) inside a literal package word, or undefined. */
function constraintSpan(pkg: ApkPackage): { start: number; end: number } | undefined {
  const inner = packageTextOffsets(pkg);
  if (!inner || !pkg.constraint) return undefined;
  const start = inner.start + pkg.name.length + (pkg.tag === undefined ? 0 : pkg.tag.length + 1);
  return { start, end: inner.end };
}

export default defineRule({
  id: 'apk-no-broken-constraint',
  description: 'An `apk add` version constraint that cannot work: unquoted `>=`/`<` (a shell redirection), `=` without the `-rN` revision, an exact pin into `@edge`.',
  defaultSeverity: 'error',
  fixSummary: 'suggestion: quote the constraint; `~VERSION` for a pin without revision',
  requires: { programs: ['apk'] },
  check(context) {
    const model = context.dockerfile;
    for (const run of model.runs) {
      for (const call of run.apkCalls) {
        if (call.subcommand !== 'add') continue;
        if (run.form !== 'exec') {
          for (const redirect of call.command.redirects) {
            if (redirect.operator !== '>' && redirect.operator !== '<' && redirect.operator !== '>>') continue;
            const pkg = call.packages.find((item) => item.word.end === redirect.start && item.kind === 'name');
            const target = redirect.target;
            if (!pkg || !target || target.start !== redirect.start + redirect.operator.length || target.value === undefined) continue;
            const written = model.text.slice(pkg.word.start, redirect.end);
            const redirection = model.text.slice(redirect.start, redirect.end);
            const effect = redirect.operator === '<'
              ? `a redirection from a file named \`${target.value}\` (the RUN fails unless it exists)`
              : `a redirection: apk installs any \`${pkg.name}\` and its output goes to a file named \`${target.value}\``;
            const quotable = /^[\w.+@~=<>-]+$/.test(written);
            context.report({
              at: { start: pkg.word.start, end: redirect.end },
              message: `\`${written}\` is not quoted, so the shell reads \`${redirection}\` as ${effect}.`,
              fixes: quotable ? [{ title: `Quote \`${written}\``, kind: 'suggestion', edits: [replace({ start: pkg.word.start, end: redirect.end }, `'${written}'`)] }] : [],
            });
          }
        }
        const repository = call.flags.find((flag) => flag.name === '--repository' && flag.value !== undefined && isMovingRepository(flag.value))?.value;
        for (const pkg of call.packages) {
          const constraint = pkg.constraint;
          if (pkg.kind !== 'name' || !constraint || constraint.version === '') continue;
          const span = constraintSpan(pkg);
          const at = span ?? pkg.word;
          // Why: `name=1.0@edge` puts the tag after the version.
          const [version, trailingTag] = constraint.version.split('@', 2);
          const tag = pkg.tag ?? trailingTag;
          const movingTag = tag !== undefined && isMovingRepository(tag) ? `@${tag}` : undefined;
          const moving = movingTag ?? (repository === undefined ? undefined : `\`${repository}\``);
          if (constraint.operator === '=' && !version.includes('-r') && isValidApkVersion(version)) {
            const fixes: Fix[] = span && trailingTag === undefined ? [{ title: `Use \`~${version}\` (any ${version} build)`, kind: 'suggestion', edits: [replace(span, `~${version}`)] }] : [];
            context.report({
              at,
              message: `apk's \`=\` matches the exact version, and every Alpine package version ends in a revision (\`-r0\`), so \`=${version}\` matches no \`${pkg.name}\`; \`~${version}\` takes any ${version} build.`,
              fixes,
            });
            continue;
          }
          if (constraint.operator === '=' && moving !== undefined) {
            context.report({
              at,
              message: `\`=${version}\` pins an exact build from ${movingTag ? `the \`${movingTag}\` repository` : moving}, which replaces its packages without notice, so the pin stops matching once \`${pkg.name}\` is rebuilt there.`,
            });
          }
        }
      }
    }
  },
});
