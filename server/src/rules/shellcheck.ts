/**
 * Why: ShellCheck knows shell far better than any Dockerfile rule (quoting, word splitting, POSIX portability). Its
 * findings on RUN bodies and heredoc scripts are mapped back to exact Dockerfile ranges by `server/src/shellcheck/`
 * and computed outside the analysis by a runner (`server/src/tools/`), so this rule's `check` reports nothing: the
 * rule is the name its findings carry, the severity setting that overrides ShellCheck's levels, and `ignore=shellcheck`.
 */
import { defineRule } from './rule';

export default defineRule({
  id: 'shellcheck',
  description: 'ShellCheck findings in `RUN` commands and heredoc scripts (needs a `shellcheck` executable; off in untrusted workspaces).',
  defaultSeverity: 'warning',
  severityNote: "ShellCheck's level: error, warning, info, or hint for style",
  fixSummary: "suggestion: ShellCheck's own fix, where it maps back",
  externalTool: 'ShellCheck',
  check() {
    // Findings come from ShellCheck (see the file comment); nothing to check in the model alone.
  },
});
