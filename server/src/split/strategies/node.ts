/**
 * Node: `npm ci`/`npm install`, `yarn install` or `pnpm install` (with native modules built by the toolchain) run in
 * the compile stage; the runtime stage copies `node_modules` to the same place.
 */
import type { Step } from '../../dockerfile/steps';
import { artifactCopy, type Strategy, type StrategyInput, type StrategyPlan } from './strategy';

/** Signs of Yarn 2+ (Plug'n'Play keeps no `node_modules`) or a package manager swapped in at build time. */
const UNSUPPORTED = /\bcorepack\b|yarn\s+set\s+version|\.yarnrc\.yml|nodeLinker/;

export const nodeStrategy: Strategy = {
  name: 'node',
  plan(input: StrategyInput): StrategyPlan | undefined {
    const { model, stage, steps } = input;
    const installs = steps.filter((step) => step.kind === 'install' && step.install !== undefined && ['npm', 'yarn', 'pnpm'].includes(step.install.tool));
    if (installs.length === 0) return undefined;
    if (UNSUPPORTED.test(model.text.slice(stage.from?.start ?? 0, stage.instructions[stage.instructions.length - 1]?.end ?? 0))) return undefined;
    const artifactLines: string[] = [];
    const directories = new Set<string>();
    for (const step of installs) {
      if (step.install?.manifests === undefined) return undefined;
      const directory = input.directoryOf(step);
      if (directory === undefined || !directory.startsWith('/')) return undefined;
      const user = input.userAt(step.start);
      if (user?.includes('$')) return undefined;
      const modules = `${directory === '/' ? '' : directory}/node_modules`;
      if (directories.has(modules)) continue;
      directories.add(modules);
      artifactLines.push(artifactCopy(modules, user));
    }
    return {
      strategy: 'node',
      buildSteps: new Set<Step>(installs),
      extraBuildPackages: new Set(),
      compileEdits: [],
      compilePrelude: [],
      artifactLines,
    };
  },
};
