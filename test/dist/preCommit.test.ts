/**
 * pre-commit (Debian's package) on a throw-away git repository: the repository's `.pre-commit-hooks.yaml` and the
 * README's local `language: node` hook each refuse a commit with a bad Dockerfile and accept it once fixed, and
 * lint only the staged files that match the Dockerfile pattern. The node hook installs the packed tarball in place
 * of `alpinist-dockerfile@<version>` from the registry, offline.
 */
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import { isDockerfileName } from '../../server/src/config/workspaceFiles';
import { blocksUnder } from './support/readmeBlocks';
import { installedPackage, REPO_ROOT } from './support/installedPackage';

interface HookDefinition {
  id: string;
  entry: string;
  language: string;
  files: string;
  types?: string[];
}

const hooks = parse(fs.readFileSync(path.join(REPO_ROOT, '.pre-commit-hooks.yaml'), 'utf8')) as HookDefinition[];
const version = (JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string }).version;

/** pre-commit's patterns are Python regular expressions; `(?i)` at the start is the only flag they use here. */
function toJsRegExp(pattern: string): RegExp {
  return pattern.startsWith('(?i)') ? new RegExp(pattern.slice(4), 'i') : new RegExp(pattern);
}

const BAD = 'FROM alpine:3.24\nRUN apk add python\n';
const GOOD = 'FROM alpine:3.24\nRUN apk add --no-cache python3\n';

function hasPreCommit(): boolean {
  return spawnSync('pre-commit', ['--version'], { encoding: 'utf8' }).status === 0;
}

describe('pre-commit hook', () => {
  const temporary: string[] = [];
  before(function () {
    if (!hasPreCommit()) {
      // Why: .ci/run installs Debian's pre-commit; a developer machine without it skips, CI must not.
      if (process.env.CI) throw new Error('pre-commit is not installed (apt-get install -y pre-commit git)');
      console.log('    (skipped: pre-commit is not installed; apt-get install -y pre-commit)');
      this.skip();
    }
    this.timeout(180_000);
    installedPackage();
  });
  after(() => {
    for (const directory of temporary) fs.rmSync(directory, { recursive: true, force: true });
  });

  function tempDirectory(prefix: string): string {
    const directory = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), prefix)));
    temporary.push(directory);
    return directory;
  }

  function git(cwd: string, ...args: string[]): string {
    return execFileSync('git', args, { cwd, encoding: 'utf8', env: { ...process.env, ...GIT_ENV } });
  }

  /** git without the user's or the system's configuration, with an identity to commit as. */
  const GIT_ENV = {
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_CONFIG_GLOBAL: '/dev/null',
    GIT_AUTHOR_NAME: 'Test',
    GIT_AUTHOR_EMAIL: 'test@example.invalid',
    GIT_COMMITTER_NAME: 'Test',
    GIT_COMMITTER_EMAIL: 'test@example.invalid',
  };

  /** A throw-away project with `config` as its .pre-commit-config.yaml and pre-commit's git hook installed. */
  function project(config: string): { root: string; commit(message: string): { status: number | null; output: string } } {
    const root = tempDirectory('alpinist-pre-commit-');
    const preCommitHome = tempDirectory('alpinist-pre-commit-home-');
    git(root, 'init', '-q', '-b', 'main');
    fs.writeFileSync(path.join(root, '.pre-commit-config.yaml'), config);
    const env = installedPackage().env({ ...GIT_ENV, PRE_COMMIT_HOME: preCommitHome, npm_config_offline: 'true' });
    execFileSync('pre-commit', ['install'], { cwd: root, env, stdio: 'pipe' });
    return {
      root,
      commit(message) {
        git(root, 'add', '-A');
        const result = spawnSync('git', ['commit', '-m', message], { cwd: root, env, encoding: 'utf8', timeout: 120_000 });
        return { status: result.status, output: `${result.stdout}${result.stderr}` };
      },
    };
  }

  function refusesThenAccepts(config: string): void {
    const { root, commit } = project(config);
    fs.mkdirSync(path.join(root, 'app'));
    fs.writeFileSync(path.join(root, 'app', 'Dockerfile'), BAD);
    // The same text in a file that is not a Dockerfile: pre-commit must not pass it to the hook.
    fs.writeFileSync(path.join(root, 'notes.txt'), BAD);
    const refused = commit('bad');
    assert.notEqual(refused.status, 0, refused.output);
    assert.match(refused.output, /app\/Dockerfile:2:13: error apk-no-renamed-packages: /);
    assert.doesNotMatch(refused.output, /notes\.txt/);
    assert.throws(() => git(root, 'rev-parse', '--verify', '-q', 'HEAD'), 'no commit was made');

    fs.writeFileSync(path.join(root, 'app', 'Dockerfile'), GOOD);
    const accepted = commit('good');
    assert.equal(accepted.status, 0, accepted.output);
    assert.match(accepted.output, /Alpinist[^\n]*Passed/);
    assert.equal(git(root, 'show', 'HEAD:app/Dockerfile'), GOOD);
  }

  it('defines the hook `alpinist` with the CLI’s own Dockerfile names', () => {
    const hook = hooks.find((candidate) => candidate.id === 'alpinist');
    assert.ok(hook);
    assert.equal(hook.entry, 'alpinist lint');
    const pattern = toJsRegExp(hook.files);
    const names = ['Dockerfile', 'dockerfile', 'Containerfile', 'app.Dockerfile', 'Dockerfile.prod', 'x.containerfile', 'Containerfile.dev', 'Dockerfile.d/x', 'Dockerfilex', 'notes.txt', 'xDockerfile', 'Dockerfile.'];
    for (const name of names) {
      const inFolder = `a/b/${name}`;
      assert.equal(pattern.test(inFolder), isDockerfileName(path.basename(inFolder)), inFolder);
    }
  });

  it('the repository’s hook (README config) refuses a commit with a bad Dockerfile and accepts the fixed one', () => {
    // The hook repository as pre-commit clones it: a git repository holding this checkout's hook definitions.
    const hookRepository = tempDirectory('alpinist-hook-repo-');
    git(hookRepository, 'init', '-q', '-b', 'main');
    fs.copyFileSync(path.join(REPO_ROOT, '.pre-commit-hooks.yaml'), path.join(hookRepository, '.pre-commit-hooks.yaml'));
    git(hookRepository, 'add', '-A');
    git(hookRepository, 'commit', '-q', '-m', 'hooks');
    git(hookRepository, 'tag', `v${version}`);
    const readmeConfig = blocksUnder('pre-commit').find((block) => !block.includes('repo: local'));
    assert.ok(readmeConfig, 'README: the repository hook config');
    assert.match(readmeConfig, new RegExp(`rev: v${version.replace(/\./g, '\\.')}\\b`), 'README: rev is the package version');
    refusesThenAccepts(readmeConfig.replace(/repo: \S+/, `repo: ${hookRepository}`));
  });

  it('the README’s local `language: node` hook installs the package into pre-commit’s environment, offline', () => {
    const readmeConfig = blocksUnder('pre-commit').find((block) => block.includes('repo: local'));
    assert.ok(readmeConfig, 'README: the local hook config');
    const dependency = `alpinist-dockerfile@${version}`;
    assert.ok(readmeConfig.includes(dependency), `README: additional_dependencies names ${dependency}`);
    const hook = hooks.find((candidate) => candidate.id === 'alpinist');
    assert.ok(readmeConfig.includes(`files: '${hook?.files}'`), 'README: the same file pattern as .pre-commit-hooks.yaml');
    refusesThenAccepts(readmeConfig.replace(dependency, installedPackage().tarball));
  });
});
