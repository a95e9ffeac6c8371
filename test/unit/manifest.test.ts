/** The registry, the docs folder and the manifest must list the same rules. */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { allRules } from '../../server/src/rules';
import { ruleSettingsSchema, withRulesTable } from '../../scripts/syncManifest';

const root = path.resolve(__dirname, '..', '..');
const manifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {
  contributes: { configuration: { properties: Record<string, { properties?: Record<string, unknown> }> }; grammars: { path: string }[] };
  activationEvents: string[];
};

describe('rule registry, docs and manifest', () => {
  const ids = allRules.map((rule) => rule.id).sort();

  it('rule ids are unique kebab-case and match their file names', () => {
    assert.equal(new Set(ids).size, ids.length);
    for (const rule of allRules) {
      assert.match(rule.id, /^[a-z0-9]+(?:-[a-z0-9]+)*$/);
      assert.ok(existsSync(path.join(root, 'server', 'src', 'rules', `${rule.id}.ts`)), `server/src/rules/${rule.id}.ts`);
      assert.ok(existsSync(path.join(root, 'test', 'unit', 'rules', `${rule.id}.test.ts`)) || rule.id === 'no-unused-suppression', `test/unit/rules/${rule.id}.test.ts`);
    }
  });

  it('every rule has a docs page with the expected sections, and every page a rule', () => {
    const pages = readdirSync(path.join(root, 'docs', 'rules')).filter((file) => file.endsWith('.md')).map((file) => file.slice(0, -3)).sort();
    assert.deepEqual(pages, ids);
    for (const id of ids) {
      const page = readFileSync(path.join(root, 'docs', 'rules', `${id}.md`), 'utf8');
      assert.match(page, new RegExp(`^# \`?${id}\`?`, 'm'), `${id}.md starts with its id`);
      assert.match(page, /ignore=/, `${id}.md says how to suppress`);
    }
  });

  it('package.json lists every rule with its default severity (run `npm run sync-manifest`)', () => {
    const rules = manifest.contributes.configuration.properties['alpinist.rules'];
    assert.deepEqual(rules, ruleSettingsSchema());
    assert.deepEqual(Object.keys(rules.properties ?? {}).sort(), ids);
  });

  it('the README rules table is the registry\'s (run `npm run sync-manifest`)', () => {
    const readme = readFileSync(path.join(root, 'README.md'), 'utf8');
    assert.equal(withRulesTable(readme), readme);
  });

  it('activates on the dockerfile language, for its task type and in a workspace with a Dockerfile, and ships its grammar files', () => {
    // Why the workspace: the server is then running when the first Dockerfile is opened (see "Time to the first
    // squiggle" in the README).
    assert.deepEqual(manifest.activationEvents, ['onLanguage:dockerfile', 'onTaskType:alpinist', 'workspaceContains:**/{Dockerfile,Containerfile,*.Dockerfile,*.Containerfile,Dockerfile.*,Containerfile.*}']);
    for (const grammar of manifest.contributes.grammars) assert.ok(existsSync(path.join(root, grammar.path)), grammar.path);
  });
});
