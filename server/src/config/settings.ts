/**
 * Reads and validates settings at the boundary. Invalid values fall back to defaults and are reported once
 * through `warn`, never thrown. `rules` holds only what the user set (the client forwards nothing else), and a rule
 * may be named by its id or by a hadolint code, as in config files.
 */
import { SEVERITY_SETTINGS } from '../rules/rule';
import type { AlpinistSettings } from '../protocol';
import { parseSeveritySetting, setSeverity, type SeverityTable } from './severities';
import { resolveRuleReference } from './ruleReferences';

export const DEFAULT_SETTINGS: AlpinistSettings = { enable: true, rules: {} };

/** Validates a raw `alpinist` configuration object; `warn` receives one message per problem. */
export function validateSettings(raw: unknown, warn: (message: string) => void): AlpinistSettings {
  if (raw === undefined || raw === null) return DEFAULT_SETTINGS;
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    warn(`Ignoring the "alpinist" settings: expected an object, got ${describe(raw)}.`);
    return DEFAULT_SETTINGS;
  }
  const record = raw as Record<string, unknown>;
  let enable = DEFAULT_SETTINGS.enable;
  if (record.enable !== undefined) {
    if (typeof record.enable === 'boolean') enable = record.enable;
    else warn(`Ignoring "alpinist.enable": expected true or false, got ${describe(record.enable)}.`);
  }
  const rules: SeverityTable = {};
  if (record.rules !== undefined && record.rules !== null) {
    if (typeof record.rules !== 'object' || Array.isArray(record.rules)) {
      warn(`Ignoring "alpinist.rules": expected an object mapping rule ids to severities, got ${describe(record.rules)}.`);
    } else {
      for (const [id, value] of Object.entries(record.rules as Record<string, unknown>)) {
        const severity = parseSeveritySetting(value);
        if (!resolveRuleReference(id)) {
          warn(`Ignoring "alpinist.rules.${id}": there is no Alpinist rule or hadolint code with that name.`);
        } else if (!severity) {
          warn(`Ignoring "alpinist.rules.${id}": expected one of ${SEVERITY_SETTINGS.join(', ')}, got ${describe(value)}.`);
        } else {
          setSeverity(rules, id, severity);
        }
      }
    }
  }
  return { enable, rules };
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  return typeof value === 'object' ? 'an object' : String(value);
}
