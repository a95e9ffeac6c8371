/**
 * The GitHub Action's shell steps, run as the runner would run them (inputs through the `env:` each step declares,
 * `runner.temp`, `GITHUB_PATH` carried to the next step), and every shell command of the README's CI examples, run
 * against the example with the packed tarball in place of the registry.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import { blocksUnder } from './support/readmeBlocks';
import { installedPackage, PACKAGE_NAME, REPO_ROOT } from './support/installedPackage';

interface ActionStep {
  name: string;
  shell: string;
  env?: Record<string, string>;
  run: string;
}

interface Action {
  inputs: Record<string, { default: string }>;
  runs: { using: string; steps: ActionStep[] };
}

const action = parse(fs.readFileSync(path.join(REPO_ROOT, 'action.yml'), 'utf8')) as Action;
const version = (JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string }).version;
const temporary: string[] = [];

function tempDirectory(prefix: string): string {
  const directory = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), prefix)));
  temporary.push(directory);
  return directory;
}

/** A workspace as actions/checkout leaves it: the example Dockerfile, one more under a folder, and a .gitignore. */
function workspace(): string {
  const root = tempDirectory('alpinist-workspace-');
  const example = fs.readFileSync(path.join(REPO_ROOT, 'examples', 'Dockerfile'), 'utf8');
  fs.writeFileSync(path.join(root, 'Dockerfile'), example);
  fs.mkdirSync(path.join(root, 'services', 'api'), { recursive: true });
  fs.writeFileSync(path.join(root, 'services', 'api', 'Dockerfile'), 'FROM alpine:3.20\nRUN apk add python\n');
  fs.mkdirSync(path.join(root, 'vendor'));
  fs.writeFileSync(path.join(root, 'vendor', 'Dockerfile'), example);
  fs.writeFileSync(path.join(root, '.gitignore'), 'vendor/\n');
  return root;
}

interface ActionRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs the composite action's steps in order, the way the runner does: `${{ inputs.x }}` from `inputs` or the
 * default, `${{ runner.temp }}`, each step's `env:`, and the lines a step appends to `$GITHUB_PATH` put on PATH for
 * the steps after it. Stops at the first failing step. Node and npm come from this machine, as on a hosted runner.
 */
function runAction(inputs: Record<string, string>, cwd: string): ActionRun {
  const runnerTemp = tempDirectory('alpinist-runner-temp-');
  const githubPath = path.join(runnerTemp, 'github_path');
  fs.writeFileSync(githubPath, '');
  const expression = (value: string): string =>
    value.replace(/\$\{\{\s*([\w.-]+)\s*\}\}/g, (_, name: string) => {
      if (name === 'runner.temp') return runnerTemp;
      if (name.startsWith('inputs.')) {
        const input = name.slice('inputs.'.length);
        assert.ok(input in action.inputs, `action.yml: unknown input ${input}`);
        return inputs[input] ?? action.inputs[input].default;
      }
      throw new Error(`action.yml: expression ${name} is not simulated`);
    });
  let stdout = '';
  let stderr = '';
  const basePath = installedPackage().env().PATH ?? '';
  // The bins of the test's own install must not be what the action runs: PATH starts from the system's.
  const systemPath = basePath.split(path.delimiter).filter((entry) => entry !== installedPackage().binDir).join(path.delimiter);
  for (const step of action.runs.steps) {
    assert.equal(step.shell, 'bash', step.name);
    const added = fs.readFileSync(githubPath, 'utf8').split('\n').filter(Boolean).reverse();
    const env: NodeJS.ProcessEnv = {
      ...installedPackage().env(),
      PATH: [...added, systemPath].join(path.delimiter),
      GITHUB_ACTIONS: 'true',
      CI: 'true',
      RUNNER_TEMP: runnerTemp,
      GITHUB_PATH: githubPath,
      GITHUB_WORKSPACE: cwd,
    };
    for (const [key, value] of Object.entries(step.env ?? {})) env[key] = expression(value);
    // The runner's bash invocation for `shell: bash`.
    const result = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', expression(step.run)], { cwd, env, encoding: 'utf8', timeout: 120_000 });
    stdout += result.stdout;
    stderr += result.stderr;
    if (result.status !== 0) return { status: result.status, stdout, stderr };
  }
  return { status: 0, stdout, stderr };
}

describe('CI examples', () => {
  before(function () {
    this.timeout(180_000);
    installedPackage();
  });
  after(() => {
    for (const directory of temporary.splice(0)) fs.rmSync(directory, { recursive: true, force: true });
  });

  describe('GitHub Action (action.yml)', () => {
    const tarball = (): Record<string, string> => ({ package: installedPackage().tarball });

    it('is a composite action with hadolint-action’s inputs, installing this version of the package', () => {
      assert.equal(action.runs.using, 'composite');
      for (const input of ['dockerfile', 'recursive', 'format', 'failure-threshold', 'config', 'output-file', 'no-fail']) assert.ok(input in action.inputs, input);
      assert.equal(action.inputs.package.default, `${PACKAGE_NAME}@${version}`);
    });

    it('defaults: lints ./Dockerfile as workflow annotations and fails the step on warnings', () => {
      const result = runAction(tarball(), workspace());
      assert.equal(result.status, 1, result.stderr);
      assert.match(result.stdout, /^::warning file=Dockerfile,line=5,col=5,.*apk-prefer-no-cache/m);
      assert.doesNotMatch(result.stdout, /services\/api/);
    });

    it('recursive: every Dockerfile below the workspace except what .gitignore excludes', () => {
      const result = runAction({ ...tarball(), recursive: 'true', format: 'text' }, workspace());
      assert.equal(result.status, 1, result.stderr);
      assert.match(result.stdout, /^services\/api\/Dockerfile:2:13: error apk-no-renamed-packages: /m);
      assert.match(result.stdout, /^Dockerfile:5:5: warning apk-prefer-no-cache: /m);
      assert.doesNotMatch(result.stdout, /vendor/);
    });

    it('dockerfile with several paths, failure-threshold error, and hadolint’s `style` level', () => {
      const cwd = workspace();
      const errorOnly = runAction({ ...tarball(), dockerfile: 'Dockerfile services/api/Dockerfile', 'failure-threshold': 'error', format: 'text' }, cwd);
      assert.equal(errorOnly.status, 1, errorOnly.stderr);
      assert.match(errorOnly.stdout, /services\/api\/Dockerfile/);
      const rootOnly = runAction({ ...tarball(), 'failure-threshold': 'error' }, cwd);
      assert.equal(rootOnly.status, 0, 'the example has warnings, no errors');
      const style = runAction({ ...tarball(), 'failure-threshold': 'style', format: 'text' }, cwd);
      assert.equal(style.status, 1, style.stderr);
    });

    it('format sarif to output-file with no-fail: the step passes and the file is SARIF 2.1.0', () => {
      const cwd = workspace();
      const result = runAction({ ...tarball(), format: 'sarif', 'output-file': 'alpinist.sarif', 'no-fail': 'true' }, cwd);
      assert.equal(result.status, 0, result.stderr);
      const sarif = JSON.parse(fs.readFileSync(path.join(cwd, 'alpinist.sarif'), 'utf8')) as { version: string; runs: { results: { ruleId: string }[] }[] };
      assert.equal(sarif.version, '2.1.0');
      assert.ok(sarif.runs[0].results.some((result) => result.ruleId === 'apk-prefer-no-cache'));
    });

    it('config: a hadolint file turning the rules off passes; a missing file fails even with no-fail', () => {
      const cwd = workspace();
      fs.writeFileSync(path.join(cwd, 'lenient.yaml'), 'failure-threshold: none\n');
      assert.equal(runAction({ ...tarball(), config: 'lenient.yaml', 'failure-threshold': 'none' }, cwd).status, 0);
      const missing = runAction({ ...tarball(), config: 'missing.yaml', 'no-fail': 'true' }, cwd);
      assert.equal(missing.status, 2, missing.stdout);
      assert.match(missing.stderr, /missing\.yaml/);
    });
  });

  describe('README', () => {
    /** Shell commands of the README's CI examples: GitHub `run:` steps and GitLab `script:` lines. */
    function commands(): { heading: string; command: string }[] {
      const found: { heading: string; command: string }[] = [];
      for (const heading of ['GitHub Actions', 'GitLab CI']) {
        for (const block of blocksUnder(heading)) {
          for (const line of block.split('\n')) {
            const match = /^\s*-?\s*(?:run|script):\s*(.+)$/.exec(line);
            if (match) found.push({ heading, command: match[1] });
          }
        }
      }
      return found;
    }

    it('every CI example command runs against the example and does what the example is for', () => {
      const list = commands();
      assert.ok(list.length >= 3, JSON.stringify(list));
      const { root } = installedPackage();
      for (const { heading, command } of list) {
        assert.ok(command.startsWith(`npx -p ${PACKAGE_NAME} alpinist lint `), `${heading}: ${command}`);
        const cwd = tempDirectory('alpinist-ci-');
        fs.copyFileSync(path.join(REPO_ROOT, 'examples', 'Dockerfile'), path.join(cwd, 'Dockerfile'));
        // npx finds the package in the installed project, as it would after `npm install`; offline.
        fs.symlinkSync(path.join(root, 'node_modules'), path.join(cwd, 'node_modules'));
        fs.writeFileSync(path.join(cwd, 'package.json'), fs.readFileSync(path.join(root, 'package.json')));
        const result = spawnSync('bash', ['-eo', 'pipefail', '-c', command], { cwd, env: installedPackage().env({ npm_config_offline: 'true' }), encoding: 'utf8', timeout: 60_000 });
        const expected = command.includes('--failure-threshold none') ? 0 : 1;
        assert.equal(result.status, expected, `${heading}: ${command}\n${result.stderr}`);
        const output = /> (\S+)$/.exec(command)?.[1];
        if (output) {
          const report = JSON.parse(fs.readFileSync(path.join(cwd, output), 'utf8')) as unknown;
          if (output.endsWith('.sarif')) assert.equal((report as { version: string }).version, '2.1.0');
          else assert.ok(Array.isArray(report) && report.some((issue: { check_name?: string }) => issue.check_name === 'apk-prefer-no-cache'), output);
        } else {
          assert.match(result.stdout, /apk-prefer-no-cache/, command);
        }
      }
    });

    it('shows the action with SARIF upload, used from the checked-out repository (uses: ./), and its steps run as shown', () => {
      const blocks = blocksUnder('GitHub Actions');
      const usesAction = blocks.find((block) => /uses: \.\/(\s|$)/m.test(block));
      assert.ok(usesAction, 'README: a workflow using the action with uses: ./');
      const steps = parse(usesAction) as { uses?: string; with?: Record<string, unknown> }[];
      const checkout = steps.findIndex((step) => step.uses?.startsWith('actions/checkout@'));
      const own = steps.findIndex((step) => step.uses === './');
      assert.ok(checkout >= 0 && checkout < own, 'the repository is checked out before uses: ./');
      assert.ok(steps.slice(own + 1).some((step) => step.uses?.startsWith('github/codeql-action/upload-sarif@')), 'SARIF upload after the action');
      // `uses: ./` is the action.yml at the root of the checkout: the root of this repository.
      assert.ok(fs.existsSync(path.join(REPO_ROOT, 'action.yml')));
      const given = Object.fromEntries(Object.entries(steps[own].with ?? {}).map(([key, value]) => [key, String(value)]));
      for (const key of Object.keys(given)) assert.ok(key in action.inputs, `README uses input ${key}`);
      const cwd = workspace();
      const result = runAction({ ...given, package: installedPackage().tarball }, cwd);
      assert.equal(result.status, 0, result.stderr);
      const sarif = JSON.parse(fs.readFileSync(path.join(cwd, given['output-file']), 'utf8')) as { version: string; runs: { results: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[] }[] };
      assert.equal(sarif.version, '2.1.0');
      const files = new Set(sarif.runs[0].results.map((result) => result.locations[0].physicalLocation.artifactLocation.uri));
      assert.deepEqual([...files].sort(), ['Dockerfile', 'services/api/Dockerfile']);
    });
  });
});
