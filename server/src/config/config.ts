/**
 * Config files: Alpinist's `.alpinist.yaml` and hadolint's `.hadolint.yaml`, read by one parser, so either file
 * (or a mix of their keys) works. Invalid entries are ignored with a warning; only unreadable or broken YAML
 * is an error.
 */
import { readFileSync } from 'node:fs';
import { parseDocument } from 'yaml';
import { SEVERITY_SETTINGS, type SeveritySetting } from '../rules/rule';
import { ConfigError } from './configLocation';
import { describeIoError } from './ioError';
import { parseHadolintLevel, parseSeveritySetting, parseThreshold, setSeverity, type SeverityTable, type Threshold } from './severities';


/** hadolint options that have no Alpinist meaning; named in the warning so users know why they do nothing. */
const HADOLINT_ONLY_KEYS = new Set(['format', 'label-schema', 'strict-labels', 'trustedRegistries', 'no-color', 'verbose']);

export interface CliConfig {
  /** Severities by rule id: `override` first, then `ignored`, then `rules`, each later one winning. */
  readonly rules: Readonly<Record<string, SeveritySetting>>;
  readonly threshold: Threshold | undefined;
  /** hadolint's `disable-ignore-pragma`: suppression comments in Dockerfiles do nothing. */
  readonly disableIgnorePragma: boolean;
  readonly warnings: readonly string[];
}

export const EMPTY_CONFIG: CliConfig = { rules: {}, threshold: undefined, disableIgnorePragma: false, warnings: [] };

/** Reads and parses `file`; throws `ConfigError` with a one-line reason when it cannot be read or parsed. */
export function loadConfig(file: string): CliConfig {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new ConfigError(describeIoError(error, file));
  }
  return parseConfig(text, file);
}

/** Parses config text; `file` only names the file in messages. */
export function parseConfig(text: string, file: string): CliConfig {
  const document = parseDocument(text, { prettyErrors: true });
  const [error] = document.errors;
  if (error) {
    const [line, column] = error.linePos ? [error.linePos[0].line, error.linePos[0].col] : [1, 1];
    throw new ConfigError(`${file}:${line}:${column}: invalid YAML: ${error.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '')}`);
  }
  const raw: unknown = document.toJS();
  if (raw === null || raw === undefined) return EMPTY_CONFIG;
  if (typeof raw !== 'object' || Array.isArray(raw)) throw new ConfigError(`${file}: expected a mapping of options, got ${describe(raw)}.`);

  const warnings: string[] = [];
  const warn = (message: string): void => void warnings.push(`${file}: ${message}`);
  const record = raw as Record<string, unknown>;
  const rules: SeverityTable = {};
  const setRules = (where: string, reference: unknown, severity: SeveritySetting): void => {
    if (typeof reference !== 'string' || !setSeverity(rules, reference, severity)) warn(`ignoring ${describe(reference)} in "${where}": there is no Alpinist rule or hadolint code with that name.`);
  };

  for (const key of Object.keys(record)) {
    if (!['rules', 'ignored', 'override', 'failure-threshold', 'no-fail', 'disable-ignore-pragma'].includes(key)) {
      warn(HADOLINT_ONLY_KEYS.has(key) ? `ignoring "${key}": a hadolint option Alpinist does not use.` : `ignoring unknown key "${key}".`);
    }
  }
  const override = record.override;
  if (isMapping(override)) {
    for (const [level, references] of Object.entries(override)) {
      const severity = parseHadolintLevel(level);
      if (!severity) warn(`ignoring "override.${level}": use error, warning, info or style.`);
      else for (const reference of listOf(references, `override.${level}`, warn)) setRules(`override.${level}`, reference, severity);
    }
  } else if (override !== undefined && override !== null) warn(`ignoring "override": expected a mapping of levels to rule lists, got ${describe(override)}.`);
  for (const reference of listOf(record.ignored, 'ignored', warn)) setRules('ignored', reference, 'off');
  if (isMapping(record.rules)) {
    for (const [reference, value] of Object.entries(record.rules)) {
      // Note: YAML 1.1 readers turn a bare `off` into false; accept it so files shared with such tools keep working.
      const severity = parseSeveritySetting(value === false ? 'off' : value);
      if (severity) setRules(`rules.${reference}`, reference, severity);
      else warn(`ignoring "rules.${reference}": expected one of ${SEVERITY_SETTINGS.join(', ')}, got ${describe(value)}.`);
    }
  } else if (record.rules !== undefined && record.rules !== null) warn(`ignoring "rules": expected a mapping of rule ids to severities, got ${describe(record.rules)}.`);

  let threshold: Threshold | undefined;
  const given = record['failure-threshold'];
  if (given !== undefined && given !== null) {
    threshold = typeof given === 'string' ? parseThreshold(given) : undefined;
    if (!threshold) warn(`ignoring "failure-threshold": expected error, warning, info, style, hint or none, got ${describe(given)}.`);
  }
  if (record['no-fail'] === true) threshold = 'none';
  else if (record['no-fail'] !== undefined && record['no-fail'] !== false && record['no-fail'] !== null) warn(`ignoring "no-fail": expected true or false, got ${describe(record['no-fail'])}.`);
  const disable = record['disable-ignore-pragma'];
  if (disable !== undefined && disable !== null && typeof disable !== 'boolean') warn(`ignoring "disable-ignore-pragma": expected true or false, got ${describe(disable)}.`);
  return { rules, threshold, disableIgnorePragma: disable === true, warnings };
}

function isMapping(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function listOf(value: unknown, key: string, warn: (message: string) => void): readonly unknown[] {
  if (value === undefined || value === null) return [];
  if (Array.isArray(value)) return value;
  warn(`ignoring "${key}": expected a list, got ${describe(value)}.`);
  return [];
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  return typeof value === 'object' ? 'a mapping' : String(value);
}
