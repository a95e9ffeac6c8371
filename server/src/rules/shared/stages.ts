/** Questions about stages that several rules ask: which stages are images of their own, what a `--from` names. */
import { stageNamed, type DockerfileModel, type Stage } from '../../dockerfile/model';
import { memoOn } from '../../util/memo';

/**
 * The stages no later stage builds on (`FROM name`) or copies from (`COPY --from`, `RUN --mount=from=`): the images a
 * build can end with. A stage that another one uses is an intermediate step, and what it lacks is the user's stage's
 * business.
 */
export function outputStages(model: DockerfileModel): readonly Stage[] {
  return memoOn(model, OUTPUT_STAGES, () => {
    const used = new Set<Stage>(copiedStages(model));
    for (const stage of model.stages) if (stage.parent) used.add(stage.parent);
    return model.stages.filter((stage) => !used.has(stage));
  });
}

const OUTPUT_STAGES = Symbol('output stages');

/** The stages a later stage copies from (`COPY --from`, `RUN --mount=from=`). */
export function copiedStages(model: DockerfileModel): ReadonlySet<Stage> {
  return memoOn(model, COPIED_STAGES, () => {
    const used = new Set<Stage>();
    for (const stage of model.stages) {
      for (const instruction of stage.instructions) {
        const names: string[] = [];
        if (instruction.keyword === 'COPY' || instruction.keyword === 'ADD') {
          const from = instruction.from?.value;
          if (from) names.push(from);
        } else if (instruction.keyword === 'RUN') {
          for (const mount of instruction.mounts) if (mount.from) names.push(mount.from);
        }
        for (const name of names) {
          const source = stageNamed(model, name, instruction.start);
          if (source && source !== stage) used.add(source);
        }
      }
    }
    return used;
  });
}

const COPIED_STAGES = Symbol('copied stages');

/** The text without one pair of surrounding quotes (`"a b"` → `a b`). */
export function unquote(text: string): string {
  if (text.length >= 2 && (text[0] === '"' || text[0] === "'") && text[text.length - 1] === text[0]) return text.slice(1, -1);
  return text;
}

/** True when a `--from` value is an image rather than a stage: it has a tag, a digest or a path (`alpine:3.20`, `org/tool`). */
export function looksLikeImage(value: string): boolean {
  return value.includes(':') || value.includes('/') || value.includes('@');
}

/** True for a non-empty string of ASCII digits (a stage index, a numeric user id). */
export function isDigits(text: string): boolean {
  if (text === '') return false;
  for (const character of text) if (character < '0' || character > '9') return false;
  return true;
}
