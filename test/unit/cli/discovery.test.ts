/** Which files `alpinist lint <paths>` lints: `.gitignore` (without git), order, duplicates, explicit paths. */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { discoverFiles } from '../../../server/src/cli/discovery';
import { findDockerfiles } from '../../../server/src/config/workspaceFiles';
import { anyGlobMatcher } from '../../../server/src/util/glob';
import { onlyRules, runAlpinist, useTempDirectory } from '../../support/cliHarness';

const CLEAN = 'FROM alpine:3.20\n';

describe('alpinist lint: file discovery', () => {
  const directory = useTempDirectory();
  const files = (...paths: string[]) => discoverFiles(paths);
  const writeAll = (...names: string[]) => names.forEach((name) => directory.write(name, CLEAN));

  describe('.gitignore', () => {
    it('excludes matching files and folders, with negations', () => {
      directory.write('.gitignore', 'build/\n*.generated.Dockerfile\n!keep.generated.Dockerfile\n# a comment\n');
      writeAll('Dockerfile', 'build/Dockerfile', 'x.generated.Dockerfile', 'keep.generated.Dockerfile', 'sub/build/Dockerfile', 'sub/y.generated.Dockerfile');
      assert.deepEqual(files('.'), ['Dockerfile', 'keep.generated.Dockerfile']);
    });

    it('a nested .gitignore adds patterns and can re-include what a parent excluded', () => {
      directory.write('.gitignore', 'Dockerfile.*\n');
      directory.write('app/.gitignore', '!Dockerfile.dev\nold.Dockerfile\n');
      writeAll('Dockerfile.ci', 'app/Dockerfile.dev', 'app/Dockerfile.prod', 'app/old.Dockerfile', 'old.Dockerfile');
      assert.deepEqual(files('.'), [path.join('app', 'Dockerfile.dev'), 'old.Dockerfile']);
    });

    it('anchored patterns are relative to their .gitignore', () => {
      directory.write('.gitignore', '/Dockerfile\n');
      writeAll('Dockerfile', 'sub/Dockerfile');
      assert.deepEqual(files('.'), [path.join('sub', 'Dockerfile')]);
    });

    it('outside a repository, .gitignore files between the current directory and a given folder apply', () => {
      directory.write('.gitignore', 'services/legacy/\n');
      writeAll('services/api/Dockerfile', 'services/legacy/Dockerfile');
      assert.deepEqual(files('services'), [path.join('services', 'api', 'Dockerfile')]);
    });

    it('inside a repository, the .gitignore files up to its root apply, wherever the command runs', () => {
      fs.mkdirSync(path.join(directory.root, '.git'));
      directory.write('.gitignore', 'generated/\n');
      writeAll('app/Dockerfile', 'app/generated/Dockerfile');
      process.chdir(path.join(directory.root, 'app'));
      assert.deepEqual(files('.'), ['Dockerfile']);
    });

    it('a file or folder named explicitly is linted even when ignored', () => {
      directory.write('.gitignore', 'build/\nDockerfile.tmp\n');
      writeAll('Dockerfile.tmp', 'build/Dockerfile', 'build/x/Dockerfile');
      assert.deepEqual(files('Dockerfile.tmp', 'build'), ['Dockerfile.tmp', path.join('build', 'Dockerfile'), path.join('build', 'x', 'Dockerfile')]);
    });

    it('the CLI lints what remains', async () => {
      directory.write('.gitignore', 'vendor/\n');
      directory.write('Dockerfile', 'FROM alpine:3.20\nRUN apk add --no-cache curl\n');
      directory.write('vendor/Dockerfile', 'FROM alpine:3.20\nRUN apk add curl\n');
      assert.deepEqual(await runAlpinist(['lint', '--no-config', '.', ...onlyRules('apk-prefer-no-cache')]), { code: 0, stdout: '0 findings in 1 file.\n', stderr: '' });
    });
  });

  it('orders by code unit, folder by folder, whatever the locale', () => {
    writeAll('b.Dockerfile', 'B.Dockerfile', 'a/Dockerfile', 'Dockerfile', 'Z/Dockerfile');
    assert.deepEqual(files('.'), ['B.Dockerfile', 'Dockerfile', path.join('Z', 'Dockerfile'), path.join('a', 'Dockerfile'), 'b.Dockerfile']);
  });

  it('keeps the order of the paths given and lists a file reached twice once', () => {
    writeAll('Dockerfile', 'x/Dockerfile');
    assert.deepEqual(files('x', 'Dockerfile', '.', './Dockerfile', '-', '-'), [path.join('x', 'Dockerfile'), 'Dockerfile', '-']);
  });

  it('follows symbolic links to Dockerfiles, not to folders', () => {
    writeAll('real/Dockerfile', 'shared.Dockerfile');
    fs.symlinkSync('shared.Dockerfile', path.join(directory.root, 'linked.Dockerfile'));
    fs.symlinkSync('missing', path.join(directory.root, 'dangling.Dockerfile'));
    fs.symlinkSync('real', path.join(directory.root, 'alias'));
    // shared.Dockerfile is the file linked.Dockerfile reaches first: linted (and fixed) once, under the first name.
    assert.deepEqual(files('.'), ['linked.Dockerfile', path.join('real', 'Dockerfile')]);
  });

  it('a missing path is an error in its place', () => {
    writeAll('Dockerfile');
    assert.deepEqual(files('nope', 'Dockerfile'), [{ path: 'nope', error: 'nope: no such file or directory' }, 'Dockerfile']);
  });

  describe('--exclude', () => {
    const excluding = (globs: string[], ...paths: string[]) => discoverFiles(paths, process.cwd(), undefined, anyGlobMatcher(globs));

    it('skips files and folders matching a glob relative to the directory walked', () => {
      writeAll('Dockerfile', 'testdata/Dockerfile', 'app/testdata/Dockerfile', 'app/Dockerfile', 'legacy/old.Dockerfile', 'legacy/Dockerfile');
      assert.deepEqual(excluding(['**/testdata', 'legacy/*.Dockerfile'], '.'), ['Dockerfile', path.join('app', 'Dockerfile'), path.join('legacy', 'Dockerfile')]);
      // Relative to the directory given: inside app/, `testdata` is at the top.
      assert.deepEqual(excluding(['testdata'], 'app'), [path.join('app', 'Dockerfile')]);
    });

    it('never drops a path named explicitly', () => {
      writeAll('testdata/Dockerfile');
      assert.deepEqual(excluding(['**/testdata', '**/Dockerfile'], 'testdata/Dockerfile'), ['testdata/Dockerfile']);
    });

    it('the CLI takes it (repeatable) and lints what remains; after -- every argument is a path', async () => {
      directory.write('Dockerfile', 'FROM alpine:3.20\nRUN apk add curl\n');
      directory.write('vendor/Dockerfile', 'FROM alpine:3.20\nRUN apk add curl\n');
      directory.write('-odd.Dockerfile', 'FROM alpine:3.20\nRUN apk add curl\n');
      const rule = onlyRules('apk-prefer-no-cache');
      const excluded = await runAlpinist(['lint', '--no-config', '--exclude', 'vendor', '--exclude=-odd.Dockerfile', '-f', 'json', ...rule, '.']);
      assert.deepEqual((JSON.parse(excluded.stdout) as { file: string }[]).map((finding) => finding.file), ['Dockerfile']);
      const separated = await runAlpinist(['lint', '--no-config', '-f', 'json', ...rule, '--', '-odd.Dockerfile', 'vendor']);
      assert.deepEqual((JSON.parse(separated.stdout) as { file: string }[]).map((finding) => finding.file), ['-odd.Dockerfile', path.join('vendor', 'Dockerfile')]);
      const firstLine = async (argv: string[]) => {
        const run = await runAlpinist(argv);
        return [run.code, run.stderr.split('\n')[0]];
      };
      assert.deepEqual(await firstLine(['lint', '--no-config', '-odd.Dockerfile']), [2, 'alpinist: Unknown option "-odd.Dockerfile".']);
      assert.deepEqual(await firstLine(['lint', '--exclude', ' ']), [2, 'alpinist: --exclude needs a glob such as **/testdata.']);
    });
  });

  it('the walk of the language server (in steps, yielding to the event loop) finds what the CLI finds, in the same order', async () => {
    directory.write('.gitignore', 'ignored/\n');
    for (let index = 0; index < 80; index++) directory.write(`d${String(index).padStart(2, '0')}/${index % 3 === 0 ? 'ignored/' : ''}Dockerfile`, CLEAN);
    writeAll('Dockerfile', 'z.Dockerfile', 'skip/Dockerfile');
    const exclude = anyGlobMatcher(['skip']);
    const cli = discoverFiles(['.'], process.cwd(), undefined, exclude).map((file) => path.resolve(file as string));
    assert.equal(cli.length, 80 - 27 + 2);
    assert.deepEqual(await findDockerfiles(directory.root, exclude), cli);
    // Cancelled after the first steps: only part of the list.
    assert.ok((await findDockerfiles(directory.root, exclude, () => true)).length < cli.length);
  });
});
