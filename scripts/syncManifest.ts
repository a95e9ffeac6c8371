/**
 * Regenerates the rule settings in package.json from the rule registry, so the manifest lists every rule with
 * its default severity. `--check` exits 1 instead of writing when the manifest is out of date.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { allRules } from '../server/src/rules';

const manifestPath = path.resolve(__dirname, '..', 'package.json');

export function ruleSettingsSchema(): Record<string, unknown> {
  const properties: Record<string, unknown> = {};
  const defaults: Record<string, string> = {};
  for (const rule of allRules) {
    const aliases = rule.hadolint && rule.hadolint.length > 0 ? ` Same as hadolint ${rule.hadolint.join(', ')}.` : '';
    properties[rule.id] = {
      type: 'string',
      enum: ['off', 'hint', 'info', 'warning', 'error'],
      default: rule.defaultSeverity,
      markdownDescription: `${rule.description}${aliases} Documentation: \`docs/rules/${rule.id}.md\` in the extension.`,
    };
    defaults[rule.id] = rule.defaultSeverity;
  }
  return {
    type: 'object',
    scope: 'resource',
    default: defaults,
    additionalProperties: false,
    properties,
    markdownDescription: 'Severity of each Alpinist rule: `off`, `hint`, `info`, `warning` or `error`. Unknown ids and values are ignored (and reported once in the Alpinist output).',
  };
}

function main(): void {
  const text = readFileSync(manifestPath, 'utf8');
  const manifest = JSON.parse(text) as { contributes: { configuration: { properties: Record<string, unknown> } } };
  manifest.contributes.configuration.properties['alpinist.rules'] = ruleSettingsSchema();
  const next = `${JSON.stringify(manifest, null, 2)}\n`;
  if (process.argv.includes('--check')) {
    if (next !== text) {
      process.stderr.write('package.json is out of date with the rule registry: run `npm run sync-manifest`.\n');
      process.exitCode = 1;
    }
    return;
  }
  writeFileSync(manifestPath, next);
}

if (require.main === module) main();
