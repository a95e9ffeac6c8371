/** The `alpinist: lint` task's command line: `files.exclude` as `--exclude`, then `--` and the paths. */
import assert from 'node:assert/strict';
import { excludedGlobs, lintArguments } from '../../../client/src/taskArguments';
import { runAlpinist, useTempDirectory } from '../../support/cliHarness';

describe('the alpinist: lint task', () => {
  const directory = useTempDirectory();

  it('passes the files.exclude globs that are on, and only those', () => {
    assert.deepEqual(excludedGlobs({ '**/.git': true, '**/legacy': true, '**/off': false, '**/*.js': { when: '$(basename).ts' }, ' ': true }), ['**/.git', '**/legacy']);
    assert.deepEqual(excludedGlobs(undefined), []);
    assert.deepEqual(excludedGlobs(['**/x']), []);
  });

  it('puts the paths after --, so a path that starts with - is a path', () => {
    assert.deepEqual(lintArguments(['**/legacy'], undefined), ['lint', '--no-color', '--format', 'text', '--failure-threshold', 'none', '--exclude', '**/legacy', '--', '.']);
    assert.deepEqual(lintArguments([], ['-x', 'services']).slice(-3), ['--', '-x', 'services']);
  });

  it('the CLI lints the folder without what files.exclude leaves out', async () => {
    directory.write('Dockerfile', 'FROM alpine:3.24\nRUN apk add curl\n');
    directory.write('legacy/Dockerfile', 'FROM alpine:3.24\nRUN apk add curl\n');
    const [command, ...rest] = lintArguments(excludedGlobs({ '**/legacy': true }), undefined);
    const run = await runAlpinist([command, '--no-config', ...rest]);
    assert.equal(run.code, 0);
    assert.ok(run.stdout.includes('Dockerfile:2:'), run.stdout);
    assert.ok(!run.stdout.includes('legacy'), run.stdout);
  });
});
