/**
 * The CLI never loses a byte and never reads without bound: the inputs that once deleted instructions, rewrote
 * bytes, wrote through links or exhausted memory, each with what must happen now.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { readDockerfile, writeFixed } from '../../../server/src/cli/files';
import { parseDockerfile } from '../../../server/src/dockerfile/model';
import { runAlpinist, useTempDirectory } from '../../support/cliHarness';

const keywords = (text: string): string[] => parseDockerfile(text).instructions.map((instruction) => instruction.keywordText.toUpperCase());

describe('CLI: fixes never lose a byte', () => {
  const directory = useTempDirectory();

  it('--fix --fix-suggestions on lone-CR line endings keeps every instruction, in order, with CR line breaks', async () => {
    const before = 'FROM python:3.7-alpine\rWORKDIR /code\rCOPY . /code/\rRUN apk add --no-cache --update gcc g++\\\r    gfortran musl-dev\rRUN pip install -r requirements.txt';
    directory.write('Dockerfile', before);
    // Note: merging the two RUNs (run-no-consecutive) would be applied before the split and leave nothing to split.
    const run = await runAlpinist(['lint', '--fix', '--fix-suggestions', '--no-config', '--ignore', 'run-no-consecutive', 'Dockerfile']);
    assert.equal(run.code, 0, run.stderr);
    const after = directory.read('Dockerfile');
    assert.doesNotMatch(after, /\n/, 'no LF in a CR file');
    const order = keywords(after);
    assert.equal(order[0], 'FROM');
    // The compile stage comes first; the runtime stage still holds the original instructions in their order.
    const runtime = order.slice(order.lastIndexOf('FROM'));
    assert.deepEqual(runtime.filter((keyword) => keyword === 'WORKDIR' || keyword === 'FROM'), ['FROM', 'WORKDIR']);
    assert.ok(after.includes('COPY . /code/'), after);
    assert.ok(after.includes('pip install --no-cache-dir -r requirements.txt'), after);
  });

  it('--fix --fix-suggestions on `COPY . .` + `npm install` with lone CRs: no internal error, manifests first', async () => {
    directory.write('Dockerfile', 'FROM node:alpine\rWORKDIR /app\rCOPY . .\rRUN npm install\r');
    const run = await runAlpinist(['lint', '--fix', '--fix-suggestions', '--no-config', 'Dockerfile']);
    assert.doesNotMatch(run.stderr, /internal error/);
    assert.equal(directory.read('Dockerfile'), 'FROM node:alpine\rWORKDIR /app\rCOPY package*.json ./\rRUN npm install\rCOPY . .\r');
  });

  it('a file that is not valid UTF-8 is linted but never rewritten', async () => {
    const bytes = Buffer.from('FROM alpine:3.20\n# caf\xe9\nRUN apk add curl\n', 'latin1');
    fs.writeFileSync(path.join(directory.root, 'Dockerfile'), bytes);
    const run = await runAlpinist(['lint', '--fix', '--no-config', 'Dockerfile']);
    assert.equal(run.code, 1);
    assert.match(run.stderr, /Dockerfile: not valid UTF-8, so not fixed/);
    assert.ok(fs.readFileSync(path.join(directory.root, 'Dockerfile')).equals(bytes));
  });

  it('a UTF-8 byte order mark does not shift line 1 and is written back', async () => {
    directory.write('Dockerfile', '\uFEFFFROM alpine\nRUN apk add curl\n');
    const lint = await runAlpinist(['lint', '--no-config', '-f', 'json', 'Dockerfile']);
    const findings = (JSON.parse(lint.stdout) as { findings: { ruleId: string; range: { start: { line: number; character: number } } }[] }[])[0].findings;
    assert.deepEqual(findings.find((finding) => finding.ruleId === 'from-require-pinned-tag')?.range.start, { line: 0, character: 5 });
    await runAlpinist(['lint', '--fix', '--no-config', 'Dockerfile']);
    assert.equal(directory.read('Dockerfile'), '\uFEFFFROM alpine\nRUN apk add --no-cache curl\n');
  });

  it('a fix keeps the file\'s permissions', async function () {
    if (process.platform === 'win32') this.skip();
    directory.write('Dockerfile', 'FROM alpine:3.20\nRUN apk add curl\n');
    fs.chmodSync(path.join(directory.root, 'Dockerfile'), 0o640);
    await runAlpinist(['lint', '--fix', '--no-config', 'Dockerfile']);
    assert.equal(fs.statSync(path.join(directory.root, 'Dockerfile')).mode & 0o777, 0o640);
  });

  it('a file changed after it was read is not overwritten', () => {
    const file = path.join(directory.root, 'Dockerfile');
    fs.writeFileSync(file, 'FROM alpine:3.20\nRUN apk add curl\n');
    const read = readDockerfile(file, 'Dockerfile');
    fs.appendFileSync(file, 'RUN echo appended\n');
    assert.match(writeFixed(file, 'Dockerfile', read, 'FROM alpine:3.20\nRUN apk add --no-cache curl\n') ?? '', /changed while it was being fixed/);
    assert.equal(fs.readFileSync(file, 'utf8'), 'FROM alpine:3.20\nRUN apk add curl\nRUN echo appended\n');
    assert.deepEqual(fs.readdirSync(directory.root), ['Dockerfile'], 'no temporary file is left');
  });

  it('--fix DIR does not write through a link to a file outside DIR, and lints a file reached twice once', async function () {
    if (process.platform === 'win32') this.skip();
    const outside = fs.mkdtempSync(path.join(os.tmpdir(), 'alpinist-outside-'));
    try {
      const target = path.join(outside, 'Dockerfile');
      fs.writeFileSync(target, 'FROM alpine:3.20\nRUN apk add curl\n');
      fs.mkdirSync(path.join(directory.root, 'project'));
      fs.symlinkSync(target, path.join(directory.root, 'project', 'Dockerfile'));
      directory.write('project/app/Dockerfile', 'FROM alpine:3.20\nRUN apk add git\n');
      fs.symlinkSync(path.join(directory.root, 'project', 'app', 'Dockerfile'), path.join(directory.root, 'project', 'app', 'Dockerfile.link'));
      const run = await runAlpinist(['lint', '--fix', '--no-config', 'project']);
      assert.match(run.stderr, /project\/Dockerfile: a link to a file outside project, so not fixed/);
      assert.equal(fs.readFileSync(target, 'utf8'), 'FROM alpine:3.20\nRUN apk add curl\n');
      assert.equal(directory.read('project/app/Dockerfile'), 'FROM alpine:3.20\nRUN apk add --no-cache git\n');
      assert.match(run.stdout, /in 2 files/);
    } finally {
      fs.rmSync(outside, { recursive: true, force: true });
    }
  });
});

describe('CLI: bounded reads', () => {
  const directory = useTempDirectory();

  it('refuses a link to /dev/zero with one line and exit 2', async function () {
    if (!fs.existsSync('/dev/zero')) this.skip();
    fs.symlinkSync('/dev/zero', path.join(directory.root, 'Dockerfile'));
    const run = await runAlpinist(['lint', '--no-config', 'Dockerfile']);
    assert.equal(run.code, 2);
    assert.equal(run.stderr, 'alpinist: Dockerfile: not a regular file\n');
  });

  it('refuses a file over the size limit with one line and exit 2', async () => {
    fs.writeFileSync(path.join(directory.root, 'Dockerfile'), Buffer.alloc(8 * 1024 * 1024 + 1, 0x23));
    const run = await runAlpinist(['lint', '--no-config', 'Dockerfile']);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /^alpinist: Dockerfile: 8388609 bytes, more than the 8388608 bytes Alpinist reads\n$/);
  });

  it('says that a UTF-16 file is not UTF-8', async () => {
    fs.writeFileSync(path.join(directory.root, 'Dockerfile'), Buffer.from('\uFEFFFROM alpine\n', 'utf16le'));
    const run = await runAlpinist(['lint', '--no-config', 'Dockerfile']);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /Dockerfile: is UTF-16; Alpinist reads UTF-8 Dockerfiles/);
  });
});
