/**
 * Config files: Alpinist's `.alpinist.yaml` and hadolint's `.hadolint.yaml`, read by one parser, so either file
 * (or a mix of their keys) works. Invalid entries are ignored with a warning; only unreadable or broken YAML
 * is an error. `schemas/alpinist.schema.json` describes the same keys for editors (a test keeps the two in step).
 */
import { isMap, isScalar, LineCounter, parseDocument, visit, type Node } from 'yaml';
import { LABEL_TYPES, SEVERITY_SETTINGS, type LabelType, type RuleOptions, type SeveritySetting } from '../rules/rule';
import { ConfigError, readConfigText } from './configLocation';
import { parseHadolintLevel, parseSeveritySetting, parseThreshold, setSeverity, type SeverityTable, type Threshold } from './severities';

/** Every key a config file may have; anything else is ignored with a warning. */
export const CONFIG_KEYS = [
  'rules', 'ignored', 'override', 'failure-threshold', 'no-fail', 'disable-ignore-pragma',
  'trustedRegistries', 'label-schema', 'strict-labels', 'format', 'no-color', 'verbose',
] as const;

/**
 * Aliases a config file may use before the YAML library refuses it. Why: a few lines of nested aliases expand to
 * billions of nodes ("billion laughs"); real config files use none.
 */
export const MAX_CONFIG_ALIASES = 100;

/** Warnings listed one by one; the rest are counted in one more line. */
export const MAX_CONFIG_WARNINGS = 20;

export interface CliConfig {
  /** Severities by rule id: `override` first, then `ignored`, then `rules`, each later one winning. */
  readonly rules: Readonly<Record<string, SeveritySetting>>;
  readonly threshold: Threshold | undefined;
  /** hadolint's `disable-ignore-pragma`: suppression comments in Dockerfiles do nothing. */
  readonly disableIgnorePragma: boolean;
  /** `trustedRegistries`, `label-schema`, `strict-labels`: what the rules that need more than a severity read. */
  readonly ruleOptions: RuleOptions;
  /** `format`, as written; the CLI checks it against its formats. */
  readonly format: string | undefined;
  /** `no-color: true` → false; undefined when not set. */
  readonly color: boolean | undefined;
  /** hadolint's `verbose`. */
  readonly verbose: boolean;
  readonly warnings: readonly string[];
}

export const EMPTY_CONFIG: CliConfig = { rules: {}, threshold: undefined, disableIgnorePragma: false, ruleOptions: {}, format: undefined, color: undefined, verbose: false, warnings: [] };

/** Reads and parses `file`; throws `ConfigError` with a one-line reason when it cannot be read or parsed. */
export function loadConfig(file: string): CliConfig {
  return parseConfig(readConfigText(file), file);
}

/** Parses config text; `file` only names the file in messages. */
export function parseConfig(text: string, file: string): CliConfig {
  const lineCounter = new LineCounter();
  // Why `uniqueKeys: false`: the library compares every key with every other key of a mapping (quadratic: seconds for
  // 20,000 keys); duplicates are found below with a Set instead.
  const document = parseDocument(text, { prettyErrors: true, uniqueKeys: false, lineCounter });
  const [error] = document.errors;
  if (error) {
    const [line, column] = error.linePos ? [error.linePos[0].line, error.linePos[0].col] : [1, 1];
    throw new ConfigError(`${file}:${line}:${column}: invalid YAML: ${error.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '')}`);
  }
  const duplicate = firstDuplicateKey(document.contents);
  if (duplicate !== undefined) {
    const { line, col } = lineCounter.linePos(duplicate);
    throw new ConfigError(`${file}:${line}:${col}: invalid YAML: Map keys must be unique`);
  }
  let raw: unknown;
  try {
    raw = document.toJS({ maxAliasCount: MAX_CONFIG_ALIASES });
  } catch (failure) {
    // Note: the library throws a ReferenceError for too many aliases (and for an alias to nothing).
    const reason = failure instanceof Error ? failure.message.split('\n')[0] : String(failure);
    throw new ConfigError(`${file}: invalid YAML: ${reason.toLowerCase().includes('alias count') ? `more than ${MAX_CONFIG_ALIASES} alias expansions (a config file needs none)` : reason}`);
  }
  if (raw === null || raw === undefined) return EMPTY_CONFIG;
  if (typeof raw !== 'object' || Array.isArray(raw)) throw new ConfigError(`${file}: expected a mapping of options, got ${describe(raw)}.`);

  const warnings: string[] = [];
  // Why a cap: a file of thousands of bad entries would otherwise print (or log, in the editor) thousands of lines.
  let dropped = 0;
  const warn = (message: string): void => {
    if (warnings.length < MAX_CONFIG_WARNINGS) warnings.push(`${file}: ${message}`);
    else dropped++;
  };
  const record = raw as Record<string, unknown>;
  const rules: SeverityTable = {};
  const setRules = (where: string, reference: unknown, severity: SeveritySetting): void => {
    if (typeof reference !== 'string' || !setSeverity(rules, reference, severity)) warn(`ignoring ${describe(reference)} in "${where}": there is no Alpinist rule or hadolint code with that name.`);
  };

  for (const key of Object.keys(record)) {
    if (!(CONFIG_KEYS as readonly string[]).includes(key)) warn(`ignoring unknown key "${key}".`);
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
  const flag = (key: string): boolean | undefined => {
    const value = record[key];
    if (value === undefined || value === null) return undefined;
    if (typeof value === 'boolean') return value;
    warn(`ignoring "${key}": expected true or false, got ${describe(value)}.`);
    return undefined;
  };
  const disable = flag('disable-ignore-pragma');
  const ruleOptions = readRuleOptions(record, warn, flag('strict-labels'));
  let format: string | undefined;
  if (typeof record.format === 'string') format = record.format;
  else if (record.format !== undefined && record.format !== null) warn(`ignoring "format": expected a format name, got ${describe(record.format)}.`);
  const noColor = flag('no-color');
  if (dropped > 0) warnings.push(`${file}: ${dropped} more entr${dropped === 1 ? 'y' : 'ies'} ignored.`);
  return { rules, threshold, disableIgnorePragma: disable === true, ruleOptions, format, color: noColor === true ? false : undefined, verbose: flag('verbose') === true, warnings };
}

/** `trustedRegistries`, `label-schema` and `strict-labels` as the rules read them; absent keys stay absent. */
function readRuleOptions(record: Record<string, unknown>, warn: (message: string) => void, strictLabels: boolean | undefined): RuleOptions {
  const options: { trustedRegistries?: string[]; labelSchema?: Record<string, LabelType>; strictLabels?: boolean } = {};
  if (record.trustedRegistries !== undefined && record.trustedRegistries !== null) {
    const registries: string[] = [];
    for (const registry of listOf(record.trustedRegistries, 'trustedRegistries', warn)) {
      if (typeof registry === 'string' && registry.trim() !== '') registries.push(registry.trim());
      else warn(`ignoring ${describe(registry)} in "trustedRegistries": expected a registry name such as docker.io or *.example.com.`);
    }
    options.trustedRegistries = registries;
  }
  const schema = record['label-schema'];
  if (isMapping(schema)) {
    const labels: Record<string, LabelType> = {};
    for (const [label, type] of Object.entries(schema)) {
      if (typeof type === 'string' && (LABEL_TYPES as readonly string[]).includes(type)) labels[label] = type as LabelType;
      else warn(`ignoring "label-schema.${label}": expected one of ${LABEL_TYPES.join(', ')}, got ${describe(type)}.`);
    }
    options.labelSchema = labels;
  } else if (schema !== undefined && schema !== null) warn(`ignoring "label-schema": expected a mapping of label names to types, got ${describe(schema)}.`);
  if (strictLabels !== undefined) options.strictLabels = strictLabels;
  return options;
}

/** The position of the first key that repeats an earlier key of the same mapping, anywhere in the document. */
function firstDuplicateKey(root: Node | null): number | undefined {
  let found: number | undefined;
  visit(root, {
    Map(_, map) {
      const seen = new Set<string>();
      for (const pair of map.items) {
        const key: unknown = pair.key;
        // Note: complex keys (mappings as keys) are compared by their text, which no config file has anyway.
        const name = isScalar(key) ? `s:${String(key.value)}` : `n:${String(key)}`;
        if (seen.has(name)) {
          found = isScalar(key) || isMap(key) ? (key.range?.[0] ?? 0) : 0;
          return visit.BREAK;
        }
        seen.add(name);
      }
      return undefined;
    },
  });
  return found;
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
