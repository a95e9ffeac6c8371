/**
 * Why: BuildKit compares stage names without case, so `AS Builder` and `--from=builder` name the same stage; a
 * lower-case name keeps stage names apart from instruction keywords and spelled one way everywhere (BuildKit check
 * StageNameCasing).
 */
import { stageReferences } from './shared/stageReferences';
import { replace } from '../edits/edits';
import { defineRule } from './rule';

export default defineRule({
  id: 'stage-name-require-lowercase',
  description: 'Write stage names in lower case.',
  defaultSeverity: 'warning',
  fixSummary: 'safe: lower-case the name and every reference to the stage',
  buildkit: ['StageNameCasing'],
  check(context) {
    const model = context.dockerfile;
    for (const stage of model.stages) {
      const name = stage.from?.stageName;
      if (!name || name.raw !== name.value || name.value.includes('$') || name.value === name.value.toLowerCase()) continue;
      const lower = name.value.toLowerCase();
      const edits = [replace(name, lower), ...stageReferences(model, stage).map((reference) => replace(reference, lower))];
      context.report({
        at: name,
        message: `Stage name \`${name.value}\` is not lower case; BuildKit compares stage names without case, so write it \`${lower}\`.`,
        fixes: [{ title: `Rename the stage to \`${lower}\``, kind: 'safe', edits }],
      });
    }
  },
});
