/**
 * Generic: an autotools or CMake build (`./configure`/`cmake`, `make`, `make install`) installs into a `DESTDIR` in
 * the compile stage; the runtime stage copies that tree onto `/`.
 */
import { argumentsOf, type ShellCommand } from '../../shell/shellCommand';
import type { Step } from '../../dockerfile/steps';
import type { Edit } from '../../edits/edits';
import { artifactCopy, type Strategy, type StrategyInput, type StrategyPlan } from './strategy';

export const DESTDIR = '/opt/destdir';
/** Build-system programs whose `make install` honours `DESTDIR` (GNU coding standards; CMake's generated Makefiles). */
const CONFIGURE = new Set(['configure', 'cmake', 'autogen.sh', 'autoreconf', 'bootstrap']);
const BUILD_TOOLS = new Set([...CONFIGURE, 'make', 'ninja', 'samu']);
/** Commands that download or unpack the sources right before the build, in the same RUN. */
const SOURCE_FETCH = new Set(['wget', 'curl', 'tar', 'unzip', 'git']);

const isMakeInstall = (command: ShellCommand): boolean =>
  command.name === 'make' && argumentsOf(command).some((word) => word.value === 'install');

export const genericStrategy: Strategy = {
  name: 'generic',
  plan(input: StrategyInput): StrategyPlan | undefined {
    const { steps } = input;
    const buildSteps = steps.filter((step) => step.kind === 'build' && !step.isOpaque && step.commands.every((command) => BUILD_TOOLS.has(command.name ?? '')));
    const configured = buildSteps.some((step) => step.commands.some((command) => CONFIGURE.has(command.name ?? '')));
    const installs = buildSteps.flatMap((step) => step.commands.filter(isMakeInstall));
    if (!configured || installs.length === 0) return undefined;
    if (installs.some((command) => argumentsOf(command).some((word) => (word.value ?? word.raw).startsWith('DESTDIR=')))) return undefined;
    if (input.stage.env.some((entry) => entry.name === 'DESTDIR')) return undefined;
    const claimed = new Set<Step>(buildSteps);
    // The downloads and unpacking that feed the build, directly before it in the same RUN.
    const first = steps.indexOf(buildSteps[0]);
    for (let i = first - 1; i >= 0 && steps[i].run === buildSteps[0].run; i--) {
      const step = steps[i];
      if (step.kind === 'state') continue;
      if (!step.commands.every((command) => SOURCE_FETCH.has(command.name ?? ''))) break;
      claimed.add(step);
    }
    const compileEdits: Edit[] = installs.map((command) => {
      const word = argumentsOf(command).find((candidate) => candidate.value === 'install') ?? command.words[0];
      return { start: word.end, end: word.end, newText: ` DESTDIR=${DESTDIR}` };
    });
    return {
      strategy: 'generic',
      buildSteps: claimed,
      extraBuildPackages: new Set(),
      compileEdits,
      compilePrelude: [],
      artifactLines: [artifactCopy(`${DESTDIR}/`, undefined, '/')],
    };
  },
};
