/**
 * Why: BuildKit reads the comment line right above `FROM … AS name` or `ARG name` as that stage's or argument's
 * description (shown by `docker buildx build --call=outline` and `--call=targets`) when it starts with the name; a
 * comment there that does not is either a description written wrongly or a note BuildKit takes for one
 * (InvalidDefinitionDescription, experimental in BuildKit).
 */
import { lineStart } from '../edits/lines';
import { insertAt } from '../edits/edits';
import type { Span } from '../util/span';
import { defineRule } from './rule';

/** Comments that are tool pragmas, not prose: never read as descriptions here. */
const PRAGMAS = ['alpinist ', 'hadolint ', 'dockerfile-utils:', 'syntax=', 'escape=', 'check='];

export default defineRule({
  id: 'description-comment-match-name',
  description: 'Start the comment right above `FROM … AS name` or `ARG name` with the name it describes.',
  defaultSeverity: 'off',
  fixSummary: 'suggestion: separate the comment with a blank line, or start it with the name',
  buildkit: ['InvalidDefinitionDescription'],
  check(context) {
    const model = context.dockerfile;
    const { text } = model;
    const commentsByEnd = new Map(model.comments.map((comment) => [comment.end, comment]));
    for (const instruction of model.instructions) {
      if (instruction.isOnbuild) continue;
      let names: string[];
      let at: Span | undefined;
      if (instruction.keyword === 'FROM') {
        const name = instruction.stageName;
        if (!name) continue;
        names = [name.value, name.value.toLowerCase()];
        at = name;
      } else if (instruction.keyword === 'ARG') {
        names = instruction.properties.map((property) => property.name);
        at = instruction.properties[0]?.nameSpan;
      } else continue;
      if (!at || names.length === 0) continue;
      const start = lineStart(text, instruction.start);
      // The comment must end on the line right before the instruction: only its line break between them.
      const lineBreak = text[start - 2] === '\r' && text[start - 1] === '\n' ? 2 : 1;
      const comment = start > 0 ? commentsByEnd.get(start - lineBreak) : undefined;
      if (!comment?.contentSpan) continue;
      const content = comment.content;
      if (PRAGMAS.some((pragma) => content.startsWith(pragma))) continue;
      const firstWord = content.split(' ')[0];
      if (names.includes(firstWord)) continue;
      const example = names.length > 2 || (instruction.keyword === 'ARG' && names.length > 1) ? '<name>' : names[0];
      context.report({
        at,
        message: `The comment right above is where BuildKit looks for the description of \`${names[0]}\`, but it does not start with \`${example}\`; start it with the name, or put a blank line between.`,
        fixes: [
          { title: 'Put a blank line between the comment and the instruction', kind: 'suggestion', edits: [insertAt(start, text.slice(start - lineBreak, start))] },
          ...(example === '<name>' ? [] : [{ title: `Start the comment with \`${example}\``, kind: 'suggestion' as const, edits: [insertAt(comment.contentSpan.start, `${example} `)] }]),
        ],
      });
    }
  },
});
