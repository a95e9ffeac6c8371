/** Rule, context, finding and fix types, and `defineRule`. */
import type { DiagnosticTag, Range, TextEdit } from 'vscode-languageserver-types';
import type { DockerfileModel } from '../dockerfile/model';

export type Severity = 'error' | 'warning' | 'info' | 'hint';
export type SeveritySetting = Severity | 'off';
export const SEVERITY_SETTINGS: readonly SeveritySetting[] = ['off', 'hint', 'info', 'warning', 'error'];

export interface Fix {
  /** Imperative and specific: "Add `--no-cache` to `apk add`". */
  readonly title: string;
  readonly edits: readonly TextEdit[];
  /** `safe` fixes cannot change what the image does and may be applied on save; `suggestion`s are offered only. */
  readonly kind: 'safe' | 'suggestion';
}

export interface Finding {
  readonly ruleId: string;
  readonly range: Range;
  readonly message: string;
  readonly fixes: readonly Fix[];
  /** Overrides the rule's default severity when the user has not configured one (e.g. error when proven). */
  readonly severity?: Severity;
  readonly tags?: readonly DiagnosticTag[];
}

export type Report = Omit<Finding, 'ruleId' | 'fixes'> & { readonly fixes?: readonly Fix[] };

export interface RuleContext {
  readonly dockerfile: DockerfileModel;
  /** The date rules compare dated facts with (end of support), `YYYY-MM-DD`; passed in so checks stay pure. */
  readonly today: string;
  report(finding: Report): void;
}

export interface RuleDefinition {
  /** Kebab-case, equal to the file name; never changes once released. */
  readonly id: string;
  /** One sentence for the settings UI and rule tables. */
  readonly description: string;
  readonly defaultSeverity: SeveritySetting;
  /** hadolint rule codes this rule stands for: `# hadolint ignore=<code>` suppresses it. */
  readonly hadolint?: readonly string[];
  check(context: RuleContext): void;
}

export interface Rule extends RuleDefinition {
  readonly docsPath: string;
}

/** Declares a rule; the docs page path is derived from the id. */
export function defineRule(definition: RuleDefinition): Rule {
  return { ...definition, docsPath: `docs/rules/${definition.id}.md` };
}
