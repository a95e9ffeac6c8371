import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { apkIndexArchive, BASE_PACKAGES, releasesJson } from '../../support/alpineFixtures';
import { onlyRules, runAlpinist, useTempDirectory } from '../../support/cliHarness';

describe('CLI: Alpine data from a local mirror directory and the cache', function () {
  this.timeout(20_000);
  const dir = useTempDirectory();
  const rules = onlyRules('apk-unknown-package', 'apk-pinned-version-missing', 'from-alpine-end-of-life');

  function writeMirror(): string {
    const mirror = path.join(dir.root, 'mirror');
    const files: [string, Buffer][] = [
      ['v3.22/main/x86_64/APKINDEX.tar.gz', apkIndexArchive(BASE_PACKAGES)],
      ['v3.22/community/x86_64/APKINDEX.tar.gz', apkIndexArchive([{ name: 'php84-curl', version: '8.4.10-r0' }])],
      ['releases.json', Buffer.from(releasesJson([{ branch: '3.22', released: '2025-05-30', eol: '2027-05-01' }, { branch: '3.18', released: '2023-05-09', eol: '2025-05-09' }]))],
    ];
    for (const [relative, body] of files) {
      fs.mkdirSync(path.dirname(path.join(mirror, relative)), { recursive: true });
      fs.writeFileSync(path.join(mirror, relative), body);
    }
    return mirror;
  }

  it('an air-gapped run: --alpine-mirror DIR --offline reports unknown packages and missing pins', async () => {
    const mirror = writeMirror();
    dir.write('Dockerfile', 'FROM alpine:3.22\nRUN apk add --no-cache php7-curl curl=8.0.0-r0 git\n');
    const run = await runAlpinist(['lint', '--format', 'json', '--offline', '--alpine-mirror', mirror, ...rules, 'Dockerfile'], { env: { XDG_CACHE_HOME: path.join(dir.root, 'cache') } });
    assert.equal(run.code, 1, run.stderr);
    const report = JSON.parse(run.stdout) as { findings?: unknown[] } | unknown[];
    const text = JSON.stringify(report);
    assert.match(text, /apk-unknown-package/);
    assert.match(text, /`php7-curl` is neither a package/);
    assert.match(text, /apk-pinned-version-missing/);
    assert.doesNotMatch(text, /from-alpine-end-of-life/);
  });

  it('without the flags no Alpine data is used', async () => {
    dir.write('Dockerfile', 'FROM alpine:3.22\nRUN apk add --no-cache php7-curl\n');
    const run = await runAlpinist(['lint', ...rules, 'Dockerfile'], { env: { XDG_CACHE_HOME: path.join(dir.root, 'cache') } });
    assert.equal(run.code, 0, run.stdout + run.stderr);
  });

  it('--offline with an empty cache: no data, no error, no request', async () => {
    dir.write('Dockerfile', 'FROM alpine:3.22\nRUN apk add --no-cache php7-curl\n');
    const run = await runAlpinist(['lint', '--offline', ...rules, 'Dockerfile'], { env: { XDG_CACHE_HOME: path.join(dir.root, 'cache') } });
    assert.equal(run.code, 0, run.stdout + run.stderr);
    assert.ok(!fs.existsSync(path.join(dir.root, 'cache')));
  });
});
