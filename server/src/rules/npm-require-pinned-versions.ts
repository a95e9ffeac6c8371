/** Why: `npm install express` installs whatever version is latest on build day, so rebuilds can differ. */
import { NPM_INSTALL, parseNodeCall } from '../shell/node';
import { defineRule } from './rule';

const TARBALL = ['.tar', '.tar.gz', '.tgz'];
const FOLDER = ['/', './', '../', '~/'];
const GIT = ['git://', 'git+ssh://', 'git+http://', 'git+https://'];

export default defineRule({
  id: 'npm-require-pinned-versions',
  description: 'Pin the version of every package in `npm install` (`package@version`).',
  defaultSeverity: 'warning',
  hadolint: ['DL3016'],
  requires: { programs: ['npm'] },
  check(context) {
    for (const run of context.dockerfile.runs) {
      for (const command of run.commands) {
        const call = parseNodeCall(command);
        if (call?.tool !== 'npm' || call.subcommand === undefined || !NPM_INSTALL.has(call.subcommand)) continue;
        // Why: a word that is no package spec (`[ your packages here ]` in a template) means the line is not a real install.
        if (call.operands.some((word) => word.value !== undefined && !isSpec(word.value))) continue;
        for (const word of call.operands) {
          const spec = word.value;
          if (spec === undefined || isPinned(spec)) continue;
          context.report({ at: word, message: `\`${spec}\` is installed without a version (\`${spec}@<version>\`), so a rebuild can install a different one.` });
        }
      }
    }
  },
});

/** npm package names: lower-case URL-safe characters, an optional `@scope/` (validate-npm-package-name's rules, loosely). */
const PACKAGE_NAME = /^(?:@[\w.~-]+\/)?[\w.~-]+(?:@.*)?$/;

function isSpec(spec: string): boolean {
  return PACKAGE_NAME.test(spec) || spec.includes('/') || spec.includes(':');
}

/** `name@version` (after a `@scope/`), a git URL with `#commit`, a tarball, a folder or a `file:` spec. */
function isPinned(spec: string): boolean {
  if (GIT.some((prefix) => spec.startsWith(prefix))) return spec.includes('#');
  if (TARBALL.some((suffix) => spec.endsWith(suffix)) || FOLDER.some((prefix) => spec.startsWith(prefix)) || spec.startsWith('file:')) return true;
  const name = spec.startsWith('@') ? spec.slice(spec.indexOf('/') + 1) : spec;
  return name.includes('@');
}
