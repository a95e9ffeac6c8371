/**
 * Go: `CGO_ENABLED=0 go build -o <path>` in the compile stage; the runtime stage copies each binary to the same path.
 * On a `golang` image the runtime stage starts from plain Alpine of the same release.
 */
import { parseImageReference } from '../../dockerfile/image';
import { latestAlpineRelease } from '../../knowledge/releases';
import { argumentsOf, firstOperand, type ShellCommand } from '../../shell/shellCommand';
import { resolvePath } from '../../dockerfile/paths';
import type { Step } from '../../dockerfile/steps';
import type { Edit } from '../../edits/edits';
import { artifactCopy, type Strategy, type StrategyInput, type StrategyPlan } from './strategy';

/** Packages that turn cgo on: with them the build may rely on C code, so the binary is not ours to make static. */
const C_TOOLCHAIN = new Set(['gcc', 'g++', 'clang', 'build-base', 'alpine-sdk', 'musl-dev']);
/** `go` subcommands that only prepare, check or build; anything else (`go run`, `go install`) is left alone. */
const BUILD_SUBCOMMANDS = new Set(['build', 'mod', 'get', 'generate', 'vet', 'test', 'env', 'version']);
const RUNS_GO = /(?:^|[\s"'[,])go[\s"',\]]/;

/** The literal value of `-o X`, `-o=X` or `--o X`. */
function outputOf(command: ShellCommand): string | undefined {
  const words = argumentsOf(command);
  for (let i = 0; i < words.length; i++) {
    const value = words[i].value;
    if (value === '-o' || value === '--o') return words[i + 1]?.value;
    const attached = value === undefined ? null : /^--?o=(.+)$/.exec(value);
    if (attached) return attached[1];
  }
  return undefined;
}

export const goStrategy: Strategy = {
  name: 'go',
  plan(input: StrategyInput): StrategyPlan | undefined {
    const { model, stage, steps } = input;
    const goSteps = steps.filter((step) => !step.isOpaque && step.commands.some((command) => command.name === 'go'));
    const builds = goSteps.flatMap((step) => step.commands.filter((command) => command.name === 'go' && firstOperand(command)?.value === 'build').map((command) => ({ step, command })));
    if (builds.length === 0) return undefined;
    if (goSteps.some((step) => step.commands.some((command) => command.name === 'go' && !BUILD_SUBCOMMANDS.has(firstOperand(command)?.value ?? '')))) return undefined;
    if ([...input.installedPackages].some((name) => C_TOOLCHAIN.has(name))) return undefined;
    const cgoSetting = stage.env.filter((entry) => entry.name === 'CGO_ENABLED').map((entry) => entry.value).pop();
    if (cgoSetting !== undefined && cgoSetting !== '0') return undefined;

    const compileEdits: Edit[] = [];
    const artifactLines: string[] = [];
    for (const { step, command } of builds) {
      const assignment = command.assignments.find((word) => word.raw.startsWith('CGO_ENABLED='));
      if (assignment && assignment.raw !== 'CGO_ENABLED=0') return undefined;
      if (!assignment && cgoSetting === undefined) {
        if (step.run.form === 'exec') return undefined;
        compileEdits.push({ start: command.start, end: command.start, newText: 'CGO_ENABLED=0 ' });
      }
      const output = outputOf(command);
      const directory = input.directoryOf(step);
      if (output === undefined || directory === undefined || output.includes('$')) return undefined;
      const resolved = resolvePath({ isAbsolute: true, path: directory.slice(1) }, output);
      if (!resolved?.isAbsolute || resolved.path === '') return undefined;
      const path = `/${resolved.path}`;
      artifactLines.push(artifactCopy(output.endsWith('/') ? `${path}/` : path, input.userAt(step.start)));
    }

    const repository = stage.resolvedImage === undefined ? undefined : parseImageReference(stage.resolvedImage)?.repository;
    const isGolangImage = repository === 'golang';
    let runtimeWorkdir: string | undefined;
    if (isGolangImage) {
      const runtimeTexts = stage.instructions.filter((instruction) => ['CMD', 'ENTRYPOINT', 'HEALTHCHECK'].includes(instruction.keyword)).map((instruction) => model.text.slice(instruction.start, instruction.end));
      if (runtimeTexts.some((text) => RUNS_GO.test(text))) return undefined;
      const isApkOnly = (offset: number): boolean => input.runs.some((run) => run.run.start === offset && run.steps.every((step) => step.kind === 'package' || step.kind === 'cleanup'));
      const first = stage.instructions.find((instruction) => ['COPY', 'ADD', 'RUN', 'CMD', 'ENTRYPOINT', 'WORKDIR', 'VOLUME'].includes(instruction.keyword) && !isApkOnly(instruction.start));
      const firstWorkdir = first?.keyword === 'WORKDIR' ? first.argumentsText.trim() : undefined;
      // Why: the golang image works in /go, plain Alpine in /; relative paths must keep meaning the same place.
      if (first && !(firstWorkdir?.startsWith('/') && !firstWorkdir.includes('$'))) runtimeWorkdir = '/go';
    }
    return {
      strategy: 'go',
      buildSteps: new Set<Step>(goSteps),
      extraBuildPackages: new Set(['go']),
      compileEdits,
      compilePrelude: [],
      artifactLines,
      runtimeImage: isGolangImage ? `alpine:${stage.alpineRelease ?? latestAlpineRelease}` : undefined,
      runtimeWorkdir,
    };
  },
};
