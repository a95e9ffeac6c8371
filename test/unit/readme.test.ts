/** The README's promises stay true: its sample output is what the CLI prints, and its rule table is complete. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { runCli } from '../../server/src/cli';
import { allRules } from '../../server/src/rules';

const root = path.resolve(__dirname, '..', '..');
const readme = readFileSync(path.join(root, 'README.md'), 'utf8');

describe('README', () => {
  it('shows exactly what `alpinist lint examples/Dockerfile` prints', async () => {
    const block = /```\n(examples\/Dockerfile:[\s\S]*?)\n```/.exec(readme)?.[1];
    assert.ok(block, 'sample output block');
    let stdout = '';
    const previous = process.cwd();
    process.chdir(root);
    try {
      const code = await runCli(['lint', 'examples/Dockerfile'], { stdout: (text) => (stdout += text), stderr: () => undefined, readStdin: () => '' });
      assert.equal(code, 1);
    } finally {
      process.chdir(previous);
    }
    assert.equal(stdout.trim(), block.trim());
  });

  it('lists every rule in its rules table', () => {
    for (const rule of allRules) assert.ok(readme.includes(`[\`${rule.id}\`](docs/rules/${rule.id}.md)`), rule.id);
  });
});
