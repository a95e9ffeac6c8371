/**
 * Why: a Dockerfile the builder cannot parse (a continuation that ends a RUN early, an unknown instruction, a flag
 * with no value) fails before any other check matters. The parser's own validator finds these; the editor shows its
 * diagnostics as they come, and the CLI reports them under this rule, so CI fails where the editor shows red. This
 * rule's `check` reports nothing: the rule is the name those findings carry in the CLI, their severity setting and
 * hadolint's DL1000 ("invalid Dockerfile") alias.
 */
import { defineRule } from './rule';

export default defineRule({
  id: 'dockerfile-syntax',
  description: 'Syntax problems the Dockerfile parser reports (the same ones the editor shows), reported by the CLI too.',
  defaultSeverity: 'error',
  severityNote: "the parser's level: error for what cannot build, warning or info for the rest",
  hadolint: ['DL1000'],
  externalTool: 'the Dockerfile parser',
  check() {
    // Findings come from the parser's validator (see the file comment); nothing to check in the model alone.
  },
});
