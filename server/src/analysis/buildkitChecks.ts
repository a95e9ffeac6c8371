/**
 * BuildKit's `# check=` parser directive, as BuildKit reads it (moby/buildkit `linter.ParseLintOptions`, 2025):
 * `;`-separated `key=value` settings; `skip=` names checks (comma-separated, or `all`) that report nothing, `error=true`
 * makes every reported check fail the build. Alpinist applies it to the rules that stand for a BuildKit check.
 */
import { directiveValue, type Directive } from '../dockerfile/directives';
import type { Rule } from '../rules/rule';

export interface BuildkitCheckSettings {
  /** Check names as written (BuildKit compares them exactly); `all` skips every check. */
  readonly skip: ReadonlySet<string>;
  /** `error=true`: the findings of BuildKit checks are errors. */
  readonly error: boolean;
}

const NONE: BuildkitCheckSettings = { skip: new Set(), error: false };

/** The settings of the file's `# check=` directive; none without one. Unknown keys and bad values are ignored. */
export function buildkitCheckSettings(directives: readonly Directive[]): BuildkitCheckSettings {
  const value = directiveValue(directives, 'check');
  if (value === undefined) return NONE;
  const skip = new Set<string>();
  let error = false;
  for (const part of value.split(';')) {
    const equals = part.indexOf('=');
    if (equals === -1) continue;
    const key = part.slice(0, equals).trim().toLowerCase();
    const setting = part.slice(equals + 1).trim();
    if (key === 'skip') {
      for (const name of setting.split(',')) if (name.trim() !== '') skip.add(name.trim());
    } else if (key === 'error') {
      // Why: BuildKit reads the value with Go's strconv.ParseBool.
      error = ['1', 't', 'true', 'TRUE', 'True'].includes(setting);
    }
  }
  return { skip, error };
}

/** True when the directive skips a BuildKit check the rule stands for (or all of them). */
export function isSkippedByCheckDirective(rule: Rule, settings: BuildkitCheckSettings): boolean {
  const names = rule.buildkit;
  if (names === undefined || names.length === 0 || settings.skip.size === 0) return false;
  return settings.skip.has('all') || names.some((name) => settings.skip.has(name));
}

/** True when `error=true` raises the rule's findings to errors. */
export function isRaisedByCheckDirective(rule: Rule, settings: BuildkitCheckSettings): boolean {
  return settings.error && rule.buildkit !== undefined && rule.buildkit.length > 0;
}
