/** The CLI reads the .dockerignore Docker would use for each Dockerfile, and copy-no-ignored-file reads it. */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { readDockerignore } from '../../../server/src/config/dockerignoreFile';
import { lintJob } from '../../../server/src/cli/job';

describe('CLI: .dockerignore beside the Dockerfile', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'alpinist-dockerignore-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('prefers <name>.dockerignore, then .dockerignore, else none', () => {
    const dockerfile = path.join(dir, 'app.Dockerfile');
    assert.equal(readDockerignore(dockerfile), undefined);
    writeFileSync(path.join(dir, '.dockerignore'), 'dist\n');
    assert.equal(readDockerignore(dockerfile), 'dist\n');
    writeFileSync(`${dockerfile}.dockerignore`, 'build\n');
    assert.equal(readDockerignore(dockerfile), 'build\n');
  });

  it('reports a COPY of an ignored file; standard input gets no .dockerignore', async () => {
    const dockerfile = path.join(dir, 'Dockerfile');
    const text = 'FROM alpine:3.20\nCOPY dist /app\n';
    writeFileSync(dockerfile, text);
    writeFileSync(path.join(dir, '.dockerignore'), 'dist\n');
    const settings = { rules: {}, fix: 'off' as const, fixSuggestions: false, suppressionComments: true, ruleOptions: {}, keepSource: false };
    const found = (await lintJob({ path: dockerfile, display: 'Dockerfile' }, settings)).findings.map((finding) => finding.ruleId);
    assert.ok(found.includes('copy-no-ignored-file'), found.join(' '));
    const stdin = (await lintJob({ path: dockerfile, display: '-', text }, settings)).findings.map((finding) => finding.ruleId);
    assert.ok(!stdin.includes('copy-no-ignored-file'));
  });
});
