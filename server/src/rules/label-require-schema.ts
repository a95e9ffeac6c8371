/** Why: a team's label schema (`label-schema`) names the labels every image it publishes must carry. */
import { stageChain, type Stage } from '../dockerfile/model';
import { labelInstructions } from './shared/labels';
import { copiedStages } from './shared/stages';
import { defineRule } from './rule';

export default defineRule({
  id: 'label-require-schema',
  description: 'Set every label of the team\'s label schema (`label-schema`) in each image.',
  defaultSeverity: 'info',
  hadolint: ['DL3049'],
  check(context) {
    const schema = context.options.labelSchema;
    if (!schema) return;
    const required = Object.keys(schema);
    if (required.length === 0) return;
    const model = context.dockerfile;
    const labelsOf = new Map<Stage | undefined, Set<string>>();
    for (const instruction of labelInstructions(model)) {
      let set = labelsOf.get(instruction.stage);
      if (!set) labelsOf.set(instruction.stage, (set = new Set()));
      for (const property of instruction.properties) set.add(property.name);
    }
    const copied = copiedStages(model);
    for (const stage of model.stages) {
      if (!stage.from || copied.has(stage)) continue;
      const present = new Set<string>();
      for (const current of stageChain(stage)) for (const name of labelsOf.get(current) ?? []) present.add(name);
      for (const name of required) {
        // Why: a stage whose child sets the label is that child's base, as hadolint sees it.
        if (present.has(name) || stage.children.some((child) => labelsOf.get(child)?.has(name))) continue;
        context.report({ at: stage.from.keywordSpan, message: `The image of this stage has no \`${name}\` label, which the label schema requires.` });
      }
    }
  },
});
