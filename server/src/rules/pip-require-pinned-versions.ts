/** Why: `pip install flask` installs whatever version is latest on build day, so rebuilds can differ. */
import { readCommandLine, hasOption } from '../shell/cli';
import { parsePipCall, PIP_INSTALL_VALUE_OPTIONS } from '../shell/pip';
import { argumentsOf, type ShellCommand, type ShellWord } from '../shell/shellCommand';
import { defineRule } from './rule';

const VERSION_OPERATORS = ['==', '>=', '<=', '>', '<', '!=', '~=', '==='];
const VCS = /^(?:git|hg|svn|bzr)(?:\+[a-z-]+)?:/;

export default defineRule({
  id: 'pip-require-pinned-versions',
  description: 'Pin the version of every package in `pip install` (`package==version`) or install from a requirements file.',
  defaultSeverity: 'warning',
  hadolint: ['DL3013'],
  requires: { programs: ['pip*', 'python*'] },
  check(context) {
    for (const run of context.dockerfile.runs) {
      for (const command of run.commands) {
        for (const word of unpinnedPackages(command)) {
          const value = word.value as string;
          context.report({
            at: word,
            message: VCS.test(value)
              ? `\`${value}\` installs from version control without a revision (\`@<tag or commit>\`), so a rebuild can install different code.`
              : `\`${value}\` is installed without a version (\`${value}==<version>\`), so a rebuild can install a different one.`,
          });
        }
      }
    }
  },
});

function unpinnedPackages(command: ShellCommand): ShellWord[] {
  let words: readonly ShellWord[];
  const pip = parsePipCall(command);
  if (pip?.subcommand === 'install') words = pip.options;
  else if (command.name === 'pipx' && argumentsOf(command)[0]?.value === 'install') words = argumentsOf(command).slice(1);
  else return [];
  const line = readCommandLine(words, { valueOptions: PIP_INSTALL_VALUE_OPTIONS });
  // Why: requirement and constraint files carry the pins; `.` installs the project in the context.
  if (hasOption(line, '-r', '--requirement', '-c', '--constraint')) return [];
  if (line.operands.some((word) => word.value === '.')) return [];
  return line.operands.filter((word) => word.value !== undefined && !isPinned(word.value));
}

function isPinned(spec: string): boolean {
  if (VCS.test(spec)) return spec.slice(spec.lastIndexOf('/') + 1).includes('@');
  if (VERSION_OPERATORS.some((operator) => spec.includes(operator)) || spec.includes(' @ ')) return true;
  return spec.endsWith('.whl') || spec.endsWith('.tar.gz') || spec.endsWith('.zip') || spec.includes('/');
}
