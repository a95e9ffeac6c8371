/** Where a stage is named by later instructions: `FROM stage`, `COPY --from=stage`, `RUN --mount=from=stage`. */
import { stageNamed, type DockerfileModel, type Stage } from '../../dockerfile/model';
import type { Span } from '../../util/span';

/**
 * The spans of the literal references to `stage` by name (not by index), as BuildKit resolves them: a later `FROM`
 * whose image is the name, `--from=` of COPY and ADD, and `from=` of a RUN mount. References written with quotes,
 * variables or line continuations are left out.
 */
export function stageReferences(model: DockerfileModel, stage: Stage): Span[] {
  const name = stage.name;
  if (name === undefined) return [];
  const spans: Span[] = [];
  const refersToStage = (value: string, offset: number): boolean => value.toLowerCase() === name && stageNamed(model, value, offset) === stage;
  for (const later of model.stages) {
    const image = later.from?.image;
    if (later.index > stage.index && image && image.raw === image.value && refersToStage(image.value, later.from?.start ?? 0)) spans.push(image);
  }
  for (const instruction of model.instructions) {
    if (instruction.start <= (stage.from?.start ?? 0)) continue;
    if (instruction.keyword === 'COPY' || instruction.keyword === 'ADD') {
      const from = instruction.from;
      if (from?.value !== undefined && from.valueSpan && model.text.slice(from.valueSpan.start, from.valueSpan.end) === from.value && refersToStage(from.value, instruction.start)) {
        spans.push(from.valueSpan);
      }
    }
    if (instruction.keyword === 'RUN') {
      for (const flag of instruction.flags) {
        if (flag.name.toLowerCase() !== 'mount') continue;
        for (const option of flag.options) {
          if (option.name !== 'from' || option.value === undefined) continue;
          const valueStart = option.start + option.name.length + 1;
          const valueSpan = { start: valueStart, end: valueStart + option.value.length };
          if (model.text.slice(option.start, valueSpan.end) === `from=${option.value}` && valueSpan.end === option.end && refersToStage(option.value, instruction.start)) spans.push(valueSpan);
        }
      }
    }
  }
  return spans;
}
