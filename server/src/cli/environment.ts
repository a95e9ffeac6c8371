/**
 * hadolint's environment variables, read as hadolint reads them (its `Hadolint/Config/Environment.hs`, v2.15.1), so a
 * CI job that configures hadolint through its environment keeps working after the program name changes. They come
 * after the flags and before the config file. A value hadolint would not understand is ignored with a warning
 * (hadolint ignores it silently) rather than failing the run.
 */
import { parseThreshold, setSeverity } from '../config/severities';
import type { LabelType, Severity, SeveritySetting } from '../rules/rule';
import { isFormat, parseLabelRequirement, UsageError, type Format } from './args';
import type { Threshold } from './types';

export interface EnvironmentOptions {
  readonly rules: Readonly<Record<string, SeveritySetting>>;
  readonly threshold: Threshold | undefined;
  readonly format: Format | undefined;
  readonly disableIgnorePragma: boolean | undefined;
  readonly trustedRegistries: readonly string[] | undefined;
  readonly labelSchema: Readonly<Record<string, LabelType>> | undefined;
  readonly strictLabels: boolean | undefined;
  readonly verbose: boolean;
  readonly warnings: readonly string[];
}

/** The override lists, in hadolint's order (a later list wins for a rule in two), then the ignore list. */
const LEVEL_VARIABLES: readonly [string, SeveritySetting][] = [
  ['HADOLINT_OVERRIDE_ERROR', 'error'],
  ['HADOLINT_OVERRIDE_WARNING', 'warning'],
  ['HADOLINT_OVERRIDE_INFO', 'info'],
  ['HADOLINT_OVERRIDE_STYLE', 'hint' satisfies Severity],
  ['HADOLINT_IGNORE', 'off'],
];

/** hadolint's truthy values, compared without case; any other value set means false. */
const TRUTHY = new Set(['1', 'y', 'on', 'true', 'yes']);

export function readEnvironment(env: Readonly<Record<string, string | undefined>>): EnvironmentOptions {
  const warnings: string[] = [];
  const flag = (name: string): boolean | undefined => (env[name] === undefined ? undefined : TRUTHY.has(env[name].toLowerCase()));
  const list = (name: string): string[] | undefined =>
    env[name] === undefined ? undefined : env[name].split(',').map((item) => item.trim()).filter((item) => item !== '');

  const rules: Record<string, SeveritySetting> = {};
  for (const [name, severity] of LEVEL_VARIABLES) {
    for (const reference of list(name) ?? []) {
      if (!setSeverity(rules, reference, severity)) warnings.push(`ignoring "${reference}" in ${name}: there is no Alpinist rule or hadolint code with that name.`);
    }
  }

  let threshold: Threshold | undefined;
  const givenThreshold = env.HADOLINT_FAILURE_THRESHOLD;
  if (givenThreshold !== undefined) {
    threshold = parseThreshold(givenThreshold);
    if (!threshold) warnings.push(`ignoring HADOLINT_FAILURE_THRESHOLD="${givenThreshold}": use error, warning, info, style, hint or none.`);
  }
  if (flag('HADOLINT_NOFAIL') === true) threshold = 'none';

  let format: Format | undefined;
  const givenFormat = env.HADOLINT_FORMAT;
  if (givenFormat !== undefined) {
    if (isFormat(givenFormat)) format = givenFormat;
    else warnings.push(`ignoring HADOLINT_FORMAT="${givenFormat}": not a format Alpinist writes.`);
  }

  // Note: hadolint's name is HADOLINT_ALLOWED_REGISTRIES; HADOLINT_TRUSTED_REGISTRIES, named like the flag and the
  // config key, is read too, after it.
  const allowed = list('HADOLINT_ALLOWED_REGISTRIES');
  const trusted = list('HADOLINT_TRUSTED_REGISTRIES');
  const trustedRegistries = allowed || trusted ? [...(allowed ?? []), ...(trusted ?? [])] : undefined;

  let labelSchema: Record<string, LabelType> | undefined;
  for (const requirement of list('HADOLINT_REQUIRE_LABELS') ?? []) {
    try {
      const [label, type] = parseLabelRequirement(requirement);
      (labelSchema ??= {})[label] = type;
    } catch (error) {
      if (!(error instanceof UsageError)) throw error;
      warnings.push(`ignoring "${requirement}" in HADOLINT_REQUIRE_LABELS: expected LABEL:TYPE.`);
    }
  }

  return {
    rules,
    threshold,
    format,
    disableIgnorePragma: flag('HADOLINT_DISABLE_IGNORE_PRAGMA'),
    trustedRegistries,
    labelSchema,
    strictLabels: flag('HADOLINT_STRICT_LABELS'),
    verbose: flag('HADOLINT_VERBOSE') === true,
    warnings,
  };
}
