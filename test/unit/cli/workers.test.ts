/**
 * Worker threads against the in-process path: the same bytes on stdout and the same files after `--fix`,
 * whichever worker finishes first. Also when to use workers, and the progress line.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { createProgress } from '../../../server/src/cli/progress';
import { countWorkers } from '../../../server/src/cli/workers';
import { corpusPath } from '../../support/corpus';
import { runAlpinist, useTempDirectory } from '../../support/cliHarness';

const SNIPPETS = [
  'FROM alpine\nRUN apk add --update curl && rm -rf /var/cache/apk/*\n',
  'FROM python:3.12-alpine3.20\nRUN pip install flask\n',
  'FROM alpine:3.20\nRUN apk add --virtual .build gcc && make\n',
  'FROM alpine:3.20\nRUN apk update\nRUN apk add python python-dev\n',
  'FROM debian:12\nRUN apk add curl\n',
  '# alpinist ignore=apk-prefer-no-cache\nFROM alpine:3.20\nRUN apk add --no-cache git\n',
  'FROM alpine:3.20\r\nRUN apk add curl \\\r\n    git\r\n',
  'FROM alpine:3.20\nRUN curl -fsSLO https://nodejs.org/dist/v20.11.0/node-v20.11.0-linux-x64.tar.xz\n',
];

describe('alpinist lint: worker threads', () => {
  const directory = useTempDirectory();
  beforeEach(() => {
    for (let index = 0; index < 24; index++) directory.write(`svc${index % 5}/${index}.Dockerfile`, SNIPPETS[index % SNIPPETS.length]);
    const corpus = corpusPath('real');
    if (!corpus) return;
    fs.mkdirSync(path.join(directory.root, 'corpus'));
    for (const name of fs.readdirSync(corpus).slice(0, 24)) fs.copyFileSync(path.join(corpus, name), path.join(directory.root, 'corpus', `${name}.Dockerfile`));
  });

  // Note: from sources each worker loads the TypeScript through tsx, which takes seconds on a busy machine.
  const WORKER_TIMEOUT_MS = 90_000;

  for (const format of ['json', 'text']) {
    it(`--format ${format}: --jobs 2 prints exactly what --jobs 1 prints, stdin and missing files in place`, async function () {
      this.timeout(WORKER_TIMEOUT_MS);
      const argv = ['lint', '--no-config', '-f', format, 'svc1', 'missing', '-', '.', '--stdin-filename', 'in/Dockerfile'];
      const inProcess = await runAlpinist([...argv, '--jobs', '1'], { stdin: SNIPPETS[0] });
      const onWorkers = await runAlpinist([...argv, '--jobs', '2'], { stdin: SNIPPETS[0] });
      assert.equal(inProcess.code, 2);
      assert.ok(inProcess.stdout.length > 1000);
      assert.deepEqual(onWorkers, inProcess);
      if (format !== 'json') return;
      const files = (JSON.parse(onWorkers.stdout) as { file: string }[]).map((entry) => entry.file);
      assert.deepEqual(files.slice(4, 7), [path.join('svc1', '6.Dockerfile'), 'missing', 'in/Dockerfile']);
      assert.equal(new Set(files).size, files.length, 'svc1 is not linted twice');
    });
  }

  it('--fix-dry-run diffs are the same on workers', async function () {
    this.timeout(WORKER_TIMEOUT_MS);
    const inProcess = await runAlpinist(['lint', '--no-config', '--fix-dry-run', '--jobs', '1', '.']);
    const onWorkers = await runAlpinist(['lint', '--no-config', '--fix-dry-run', '--jobs', '2', '.']);
    assert.match(inProcess.stdout, /^--- /);
    assert.deepEqual(onWorkers, inProcess);
  });

  it('--fix on workers writes what --fix in process writes', async function () {
    this.timeout(WORKER_TIMEOUT_MS);
    const snapshot = () => fs.readdirSync(directory.root, { recursive: true, encoding: 'utf8' }).sort().filter((name) => name.endsWith('.Dockerfile')).map((name) => [name, directory.read(name)]);
    const original = snapshot();
    await runAlpinist(['lint', '--no-config', '--fix', '--jobs', '1', '.']);
    const fixedInProcess = snapshot();
    for (const [name, text] of original) directory.write(name, text);
    await runAlpinist(['lint', '--no-config', '--fix', '--jobs', '2', '.']);
    assert.notDeepEqual(fixedInProcess, original);
    assert.deepEqual(snapshot(), fixedInProcess);
  });

  it('countWorkers: in process for few files or --jobs 1; --jobs caps by file count', () => {
    assert.equal(countWorkers(10, 'auto'), 0);
    assert.equal(countWorkers(1000, 1), 0);
    assert.equal(countWorkers(1, 8), 0);
    assert.equal(countWorkers(3, 8), 3);
    assert.equal(countWorkers(100, 2), 2);
    assert.ok(countWorkers(1000, 'auto') <= 8);
  });

  describe('progress line', () => {
    it('drawn on a terminal for long runs, at most every 100 ms, then erased', () => {
      let written = '';
      let clock = 0;
      const progress = createProgress(60, true, (text) => (written += text), () => clock);
      for (let done = 1; done <= 60; done++) {
        clock += 30;
        progress.update(done);
      }
      progress.finish();
      const frames = written.split('\r\x1b[2K').filter(Boolean);
      assert.equal(frames[0], 'alpinist: linted 1/60 files');
      assert.equal(frames.at(-1), 'alpinist: linted 60/60 files');
      assert.ok(frames.length < 20, `${frames.length} frames`);
      assert.ok(written.endsWith('\r\x1b[2K'));
    });

    it('silent when stderr is not a terminal or the run is short', () => {
      let written = '';
      for (const progress of [createProgress(500, false, (text) => (written += text)), createProgress(10, true, (text) => (written += text))]) {
        progress.update(1);
        progress.finish();
      }
      assert.equal(written, '');
    });

    it('the CLI draws it on stderr and keeps stdout clean', async () => {
      for (let index = 0; index < 60; index++) directory.write(`many/${index}.Dockerfile`, 'FROM alpine:3.20\n');
      const result = await runAlpinist(['lint', '--no-config', '--rule', 'from-alpine-end-of-life=off', '--jobs', '1', 'many'], { isStderrTTY: true });
      assert.equal(result.stdout, '0 findings in 60 files.\n');
      const erase = '\r\x1b[2K';
      assert.ok(result.stderr.startsWith(`${erase}alpinist: linted `) && result.stderr.endsWith(erase), JSON.stringify(result.stderr));
      assert.ok(result.stderr.includes('linted 60/60 files'));
    });
  });
});
