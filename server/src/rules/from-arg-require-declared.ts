/**
 * Why: FROM lines see only the ARGs declared before the first FROM (and BuildKit's platform ARGs); any other variable
 * is empty there, which usually breaks the image name (BuildKit UndefinedArgInFrom).
 */
import { variableReferences } from '../dockerfile/variableReferences';
import { PLATFORM_ARGS, PROXY_ARGS } from '../knowledge/buildkit';
import { replace, type Fix } from '../edits/edits';
import { closestName } from '../util/editDistance';
import { defineRule } from './rule';

export default defineRule({
  id: 'from-arg-require-declared',
  description: 'Declare every ARG a `FROM` line uses before the first `FROM`.',
  defaultSeverity: 'warning',
  fixSummary: 'suggestion: the declared ARG with the nearest name',
  buildkit: ['UndefinedArgInFrom'],
  check(context) {
    const model = context.dockerfile;
    let known: Set<string> | undefined;
    for (const stage of model.stages) {
      const from = stage.from;
      if (!from) continue;
      const words = [from.image, from.platform?.valueSpan].filter((span) => span !== undefined);
      for (const word of words) {
        // Why: most FROM lines name no variable, and the set of known names is then not needed.
        if (!model.text.slice(word.start, word.end).includes('$')) continue;
        known ??= new Set([...model.globalArgs.keys(), ...PLATFORM_ARGS]);
        for (const reference of variableReferences(model.text, word.start, word.end, model.escapeChar)) {
          // Why: `${NAME:-default}` says what happens when NAME is unset.
          if (reference.modifier !== undefined || known.has(reference.name) || PROXY_ARGS.has(reference.name)) continue;
          const suggestion = closestName(reference.name, known);
          const fixes: Fix[] = suggestion ? [{ title: `Use \`${suggestion}\``, kind: 'suggestion', edits: [replace(reference.nameSpan, suggestion)] }] : [];
          context.report({
            at: reference,
            message: `\`${reference.name}\` is not declared by an ARG before the first FROM, so it is empty here${suggestion ? ` (did you mean \`${suggestion}\`?)` : ''}.`,
            fixes,
          });
        }
      }
    }
  },
});
