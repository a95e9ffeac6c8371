/**
 * Why: a suppression that silences nothing hides the next real finding of that rule. Findings for this rule are
 * produced by the analysis itself (it knows which suppressions were used), so `check` is empty.
 */
import { defineRule } from './rule';

export default defineRule({
  id: 'no-unused-suppression',
  description: 'Report `# alpinist ignore=` and `# hadolint ignore=` entries that suppress nothing.',
  defaultSeverity: 'hint',
  check() {
    // Reported by analysis.ts after every other rule has run.
  },
});
