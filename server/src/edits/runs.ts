/** Merging RUN instructions: two shell-form RUNs become one `&&` chain continued on the next line. */
import type { DockerfileModel, RunInstruction } from '../dockerfile/model';
import type { Edit } from './edits';
import { lineBreakAt } from './lines';

/**
 * Appends the body of `second` to `first` as `first && <escape>⏎    second`, dropping `second`'s keyword and flags.
 * Undefined unless both are shell form, `second` directly follows `first` with only blank lines between, and `first`
 * ends in a plain command (no trailing comment or open heredoc).
 */
export function mergeRuns(model: DockerfileModel, first: RunInstruction, second: RunInstruction): Edit | undefined {
  if (first.form !== 'shell' || second.form !== 'shell' || first.heredocs.length > 0 || second.heredocs.length > 0) return undefined;
  const text = model.text;
  if (text.slice(first.end, second.start).trim() !== '') return undefined;
  const last = first.commands[first.commands.length - 1];
  if (!last || text.slice(last.end, first.end).trim() !== '') return undefined;
  if (second.bodyStart >= second.end) return undefined;
  const lineBreak = lineBreakAt(text, first.end) || '\n';
  return { start: last.end, end: second.bodyStart, newText: ` && ${model.escapeChar}${lineBreak}    ` };
}
