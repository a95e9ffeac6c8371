/** Rule, context and finding types, and `defineRule`. */
import type { DiagnosticTag } from 'vscode-languageserver-types';
import type { DockerfileModel } from '../dockerfile/model';
import type { Keyword } from '../dockerfile/instructions';
import type { SuppressedId, Suppression } from '../dockerfile/pragmas';
import type { Fix } from '../edits/edits';
import type { AlpineDataView } from '../knowledge/alpineData';
import type { Span } from '../util/span';

export type { Edit, Fix } from '../edits/edits';

export type Severity = 'error' | 'warning' | 'info' | 'hint';
export type SeveritySetting = Severity | 'off';
export const SEVERITY_SETTINGS: readonly SeveritySetting[] = ['off', 'hint', 'info', 'warning', 'error'];

export interface Finding {
  readonly ruleId: string;
  /** The smallest span that explains the problem (the flag, the package, the command), in document offsets. */
  readonly at: Span;
  readonly message: string;
  readonly fixes: readonly Fix[];
  /** The severity this finding has when the user has not configured one for the rule (e.g. error when proven). */
  readonly severity?: Severity;
  readonly tags?: readonly DiagnosticTag[];
  /** A page about this finding when it is not the rule's own (ShellCheck's wiki page for an `SC` code). */
  readonly docsUrl?: string;
}

/**
 * What a rule reports. `fixes` may be a function when they cost more than the finding (a stage split): it runs once,
 * when something reads the finding's fixes (code actions, `--fix`, JSON and SARIF output), not for every lint.
 * Note: read them before the same document is linted again; a later lint of it moves the shell models of its RUNs
 * in place (see `shiftRunShell`), which the function would then read at their new offsets.
 */
export type Report = Omit<Finding, 'ruleId' | 'fixes'> & { readonly fixes?: readonly Fix[] | (() => readonly Fix[]) };

/** The rules of this analysis, for rules that speak about other rules (suppressions). */
export interface RuleCatalog {
  find(id: string): Rule | undefined;
  /** The rules that stand for a hadolint code (`DL3019` → `apk-prefer-no-cache`). */
  standingFor(code: string): readonly Rule[];
  /** False when the rule is `off` in this analysis. */
  isEnabled(rule: Rule): boolean;
}

/** The suppression comments of the file, and which of their ids silenced a finding. */
export interface SuppressionUsage {
  /** Empty when suppression comments are disabled (`disable-ignore-pragma`). */
  readonly all: readonly Suppression[];
  /** Complete only for rules that set `reviewsSuppressions`: they run after every other rule. */
  isUsed(id: SuppressedId): boolean;
}

/**
 * What a team configured for the rules that need more than a severity (the CLI flags and the config files of
 * hadolint carry them: `trustedRegistries`, `label-schema`, `strict-labels`). Absent values leave those rules inactive.
 */
export interface RuleOptions {
  /** Registries images may come from (DL3026); wildcards as hadolint's (`*.example.com`). Undefined or empty: no check. */
  readonly trustedRegistries?: readonly string[];
  /** Labels every image must carry, by name, with the type of their value (DL3049–DL3058). */
  readonly labelSchema?: Readonly<Record<string, LabelType>>;
  /** Labels outside `labelSchema` are reported (DL3050). */
  readonly strictLabels?: boolean;
}

/** hadolint's label-schema value types. */
export type LabelType = 'text' | 'url' | 'semver' | 'hash' | 'rfc3339' | 'spdx' | 'email';
export const LABEL_TYPES: readonly LabelType[] = ['text', 'url', 'semver', 'hash', 'rfc3339', 'spdx', 'email'];

export interface RuleContext {
  readonly dockerfile: DockerfileModel;
  /** Team settings for the rules that take more than a severity; empty when nothing is configured. */
  readonly options: RuleOptions;
  /** The date rules compare dated facts with (end of support), `YYYY-MM-DD`; passed in so checks stay pure. */
  readonly today: string;
  readonly rules: RuleCatalog;
  readonly suppressions: SuppressionUsage;
  /** The text of the build context's `.dockerignore` for this Dockerfile, when the front end found one. */
  readonly dockerignore: string | undefined;
  /**
   * Alpine's own data (package indexes, release table) when the front end has it; undefined otherwise. Rules that use
   * it fall back to the built-in tables or stay silent without it.
   */
  readonly alpineData?: AlpineDataView;
  report(finding: Report): void;
}

export interface RuleDefinition {
  /** Kebab-case, equal to the file name; never changes once released. */
  readonly id: string;
  /** One sentence for the settings UI and rule tables. */
  readonly description: string;
  readonly defaultSeverity: SeveritySetting;
  /** When findings can have another severity than the default, when (README rules table): "error when the release is known". */
  readonly severityNote?: string;
  /** The fixes it offers, for the README rules table: "safe: `--no-cache-dir`". */
  readonly fixSummary?: string;
  /** hadolint rule codes this rule stands for: `# hadolint ignore=<code>` suppresses it. */
  readonly hadolint?: readonly string[];
  /**
   * What a file needs before the rule can find anything in it: a RUN command that runs one of `programs` (by command
   * name; `pip*` stands for every name that starts with `pip`), or an instruction with one of `keywords`. The
   * analysis does not run the rule on other files; a rule without it runs on every file. The rule tests run every
   * case with and without this shortcut.
   */
  readonly requires?: { readonly programs?: readonly string[]; readonly keywords?: readonly Keyword[] };
  /** BuildKit build-check names this rule stands for (`JSONArgsRecommended`): `# check=skip=<name>` skips it. */
  readonly buildkit?: readonly string[];
  /**
   * The program whose findings this rule stands for (`ShellCheck`): they are computed outside the analysis, after it,
   * and `check` reports nothing. Suppressions of such a rule are never judged unused by the analysis.
   */
  readonly externalTool?: string;
  /** Runs after every other rule, so that `context.suppressions.isUsed` is complete; its own findings cannot be suppressed. */
  readonly reviewsSuppressions?: boolean;
  check(context: RuleContext): void;
}

export interface Rule extends RuleDefinition {
  readonly docsPath: string;
}

/** Declares a rule; the docs page path is derived from the id. */
export function defineRule(definition: RuleDefinition): Rule {
  return { ...definition, docsPath: `docs/rules/${definition.id}.md` };
}
