/**
 * The npm package as a user gets it: `npm pack` in the repository (its `prepack` builds dist/), then the tarball
 * installed into an empty directory with `--offline`, an empty npm cache and a registry address nothing listens
 * on, so the install can only succeed when the tarball needs nothing else. Packed and installed once per test run.
 */
import { execFileSync, spawnSync, type SpawnSyncReturns } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');
export const PACKAGE_NAME = (JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { name: string }).name;

export interface InstalledPackage {
  /** The temporary directory holding the tarball, an empty npm cache and node_modules. */
  readonly root: string;
  readonly tarball: string;
  /** Paths inside the tarball, without the leading `package/`. */
  readonly files: readonly string[];
  /** `node_modules/.bin`, where the package's bins are linked. */
  readonly binDir: string;
  /** Environment for a child process: the bins first on PATH, no registry, no user config. */
  env(extra?: Record<string, string>): NodeJS.ProcessEnv;
}

let installed: InstalledPackage | undefined;
const roots: string[] = [];

/** A registry address on the loopback that refuses connections: any attempt to download fails fast. */
const NO_REGISTRY = 'http://127.0.0.1:9/';

function npmEnv(root: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  // Why: under `npm test` the parent npm exports its own npm_config_* (cache, registry, prefix…); the child npm must
  // see only what this helper sets.
  for (const [key, value] of Object.entries(process.env)) if (!/^npm_/i.test(key)) env[key] = value;
  return {
    ...env,
    HOME: path.join(root, 'home'),
    XDG_CONFIG_HOME: path.join(root, 'home', '.config'),
    npm_config_cache: path.join(root, 'npm-cache'),
    npm_config_registry: NO_REGISTRY,
    npm_config_update_notifier: 'false',
    npm_config_fund: 'false',
    npm_config_audit: 'false',
  };
}

export function installedPackage(): InstalledPackage {
  if (installed) return installed;
  const root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'alpinist-dist-')));
  roots.push(root);
  fs.mkdirSync(path.join(root, 'home', '.config'), { recursive: true });
  const packed = execFileSync('npm', ['pack', '--json', '--pack-destination', root], {
    cwd: REPO_ROOT,
    env: { ...npmEnv(root), npm_config_registry: NO_REGISTRY },
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  // Why: `prepack` prints the build's own output on stdout before npm's JSON.
  const report = JSON.parse(packed.slice(packed.indexOf('[\n'))) as { filename: string; files: { path: string }[] }[];
  const tarball = path.join(root, report[0].filename);
  const project = path.join(root, 'project');
  fs.mkdirSync(project);
  fs.writeFileSync(path.join(project, 'package.json'), '{ "name": "user-project", "private": true }\n');
  execFileSync('npm', ['install', '--offline', '--no-audit', '--no-fund', tarball], { cwd: project, env: npmEnv(root), stdio: 'pipe' });
  const binDir = path.join(project, 'node_modules', '.bin');
  installed = {
    root: project,
    tarball,
    files: report[0].files.map((file) => file.path),
    binDir,
    env: (extra = {}) => ({ ...npmEnv(root), PATH: `${binDir}${path.delimiter}${process.env.PATH ?? ''}`, ...extra }),
  };
  return installed;
}

/** Runs a command with the installed package's environment. */
export function run(command: string, args: readonly string[], options: { cwd: string; env?: Record<string, string>; input?: string }): SpawnSyncReturns<string> {
  return spawnSync(command, args, { cwd: options.cwd, env: installedPackage().env(options.env), input: options.input, encoding: 'utf8', timeout: 60_000 });
}

/** A fresh directory holding a copy of the example Dockerfile. */
export function exampleDirectory(): string {
  const directory = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'alpinist-example-')));
  roots.push(directory);
  fs.copyFileSync(path.join(REPO_ROOT, 'examples', 'Dockerfile'), path.join(directory, 'Dockerfile'));
  return directory;
}

after(() => {
  for (const root of roots.splice(0)) fs.rmSync(root, { recursive: true, force: true });
  installed = undefined;
});
