/** Why: `MAINTAINER` is deprecated since Docker 1.13; a `maintainer` label carries the same fact and can be queried. */
import { replace } from '../edits/edits';
import { unquote } from './shared/stages';
import { defineRule } from './rule';

export default defineRule({
  id: 'maintainer-no-deprecated',
  description: 'Use `LABEL maintainer=…` instead of the deprecated `MAINTAINER`.',
  defaultSeverity: 'error',
  fixSummary: 'safe: `LABEL maintainer="…"`',
  hadolint: ['DL4000'],
  buildkit: ['MaintainerDeprecated'],
  requires: { keywords: ['MAINTAINER'] },
  check(context) {
    const model = context.dockerfile;
    for (const instruction of model.instructions) {
      if (instruction.keyword !== 'MAINTAINER') continue;
      const span = instruction.argumentsSpan;
      const value = unquote(instruction.argumentsText.trim());
      // Why only on one line with the default escape: the label needs `"`, `\` and `$` escaped with that character.
      const canFix = span !== undefined && !instruction.isOnbuild && model.escapeChar === '\\' && !model.text.slice(span.start, span.end).includes('\n') && !model.text.slice(span.start, span.end).includes('\r');
      context.report({
        at: instruction.keywordSpan,
        message: '`MAINTAINER` is deprecated: record the maintainer with `LABEL maintainer=…`.',
        fixes: canFix
          ? [
              {
                title: 'Replace `MAINTAINER` with `LABEL maintainer`',
                kind: 'safe',
                edits: [replace({ start: instruction.keywordSpan.start, end: span.end }, `LABEL maintainer="${escapeForDoubleQuotes(value)}"`)],
              },
            ]
          : [],
      });
    }
  },
});

/** The text inside `"…"` of a LABEL: `"`, `\` and `$` escaped with a backslash. */
function escapeForDoubleQuotes(text: string): string {
  let result = '';
  for (const character of text) result += character === '"' || character === '\\' || character === '$' ? `\\${character}` : character;
  return result;
}
