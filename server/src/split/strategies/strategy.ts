/**
 * What a split strategy decides for a stage: which steps build (and run only in the compile stage), what they leave
 * behind for the runtime stage to copy, and the few lines each stage needs on top of the original instructions.
 */
import type { DockerfileModel, Stage } from '../../dockerfile/model';
import type { Step, RunSteps } from '../../dockerfile/steps';
import type { Edit } from '../../edits/edits';

export type StrategyName = 'python' | 'node' | 'go' | 'generic';

export interface StrategyInput {
  readonly model: DockerfileModel;
  readonly stage: Stage;
  readonly runs: readonly RunSteps[];
  /** Every step of the stage in order. */
  readonly steps: readonly Step[];
  /** Package names `apk add` installs in the stage (build and runtime alike). */
  readonly installedPackages: ReadonlySet<string>;
  /** Packages the split already treats as build-only (toolchain, `-dev`, deleted groups). */
  readonly buildPackages: ReadonlySet<string>;
  /** Non-root `USER` in effect at an offset, as written; undefined for root or no USER. */
  userAt(offset: number): string | undefined;
  /** The working directory at a step, `cd` in its RUN included; undefined when not known. */
  directoryOf(step: Step): string | undefined;
}

export interface StrategyPlan {
  readonly strategy: StrategyName;
  /** Steps that run only in the compile stage. The window from the first to the last is the build. */
  readonly buildSteps: ReadonlySet<Step>;
  /** More packages that only the build needs (e.g. `py3-pip` once a virtual environment holds pip). */
  readonly extraBuildPackages: ReadonlySet<string>;
  /** Runtime packages to add in place of a build package that is dropped (`py3-pip` → `python3`). */
  readonly runtimeReplacements?: ReadonlyMap<string, readonly string[]>;
  /** Edits inside build steps, applied only in the compile stage (`CGO_ENABLED=0 go build`). */
  readonly compileEdits: readonly Edit[];
  /** Lines for the compile stage right before the first build step (a virtual environment). */
  readonly compilePrelude: readonly string[];
  /** Lines for the runtime stage in place of the build; `{compile}` stands for the compile stage's name. */
  readonly artifactLines: readonly string[];
  /** Base image of the runtime stage when it differs from the compile stage's (Go: `alpine:3.20`). */
  readonly runtimeImage?: string;
  /** WORKDIR for the runtime stage when its image starts elsewhere than the compile image. */
  readonly runtimeWorkdir?: string;
}

/** A strategy returns a plan only when it understands everything the stage builds. */
export interface Strategy {
  readonly name: StrategyName;
  plan(input: StrategyInput): StrategyPlan | undefined;
}

/** `COPY --from={compile} [--chown=user] path path`. */
export function artifactCopy(path: string, user: string | undefined, destination = path): string {
  return `COPY --from={compile}${user ? ` --chown=${user}` : ''} ${path} ${destination}`;
}
