/** Appending one more step at the end of a RUN body (shell form and heredoc scripts). */
import type { RunInstruction } from '../dockerfile/model';
import type { Edit } from './edits';
import { insertAt } from './edits';

/**
 * ` && <step>` after the last command of the RUN, so the step runs last and only when the rest succeeded.
 * Note: `a || b && step` groups as `(a || b) && step` and `a; b && step` runs the step after `b`: either way the
 * step comes after everything else. Undefined for exec form, an empty body, a last command inside a compound
 * statement (its end is not the end of the script) or one sent to the background.
 */
export function appendStep(run: RunInstruction, step: string): Edit | undefined {
  if (run.form === 'exec') return undefined;
  let last = run.commands[0];
  for (const command of run.commands) if (command.end >= (last?.end ?? 0)) last = command;
  if (!last?.isTopLevel || last.separatorAfter === '&') return undefined;
  return insertAt(last.end, ` && ${step}`);
}
