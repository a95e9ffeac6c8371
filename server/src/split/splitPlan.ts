/** The plan a split is written from, shared by the compile-stage and runtime-stage writers. */
import type { DockerfileModel, RunInstruction, Stage } from '../dockerfile/model';
import type { RunSteps, Step } from '../dockerfile/steps';
import type { StrategyPlan } from './strategies/strategy';

export interface SplitPlan {
  readonly model: DockerfileModel;
  readonly stage: Stage;
  readonly runs: readonly RunSteps[];
  readonly steps: readonly Step[];
  readonly plan: StrategyPlan;
  /** Indices in `steps` of the first and last build step. */
  readonly windowStart: number;
  readonly windowEnd: number;
  readonly buildPackages: ReadonlySet<string>;
  /** Runtime packages that take the place of a dropped build package (`libffi-dev` → `libffi`). */
  readonly replacements: ReadonlyMap<string, readonly string[]>;
  /** `--virtual` groups whose members are all build packages. */
  readonly buildGroups: ReadonlySet<string>;
  readonly compileName: string;
  readonly eol: string;
  directoryOf(step: Step): string | undefined;
  /** Fetch steps before the build that the runtime stage replaces by a COPY from the compile stage (`{compile}` form). */
  readonly fetchCopies: ReadonlyMap<Step, string>;
}

/** The RUN flags as written (`--mount=… `), for RUN instructions made from part of a RUN. */
export function runFlags(model: DockerfileModel, run: RunInstruction): string {
  return model.text.slice(run.flagsStart, run.bodyStart);
}

/** `cd …` and `set …` steps before `first` in its RUN (and outside `group`), as a prefix that restores their effect. */
export function statePrefix(runSteps: RunSteps, first: Step, group: readonly Step[]): string {
  const states = runSteps.steps.filter((step) => step.kind === 'state' && step.start < first.start && !group.includes(step));
  return states.map((step) => `${step.commands.map((command) => command.words.map((word) => word.raw).join(' ')).join(' | ')} && `).join('');
}
