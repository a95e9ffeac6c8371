/**
 * The packaged extension under test. By default the suite runs `npm run package` once (production bundle + vsce) and
 * tests the resulting `alpinist.vsix`; `ALPINIST_E2E_VSIX=path` tests a .vsix packaged earlier (e.g. by CI) instead.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from './paths';

let packaged: string | undefined;

export function packagedVsix(): string {
  if (packaged) return packaged;
  const given = process.env.ALPINIST_E2E_VSIX;
  if (given) {
    const vsix = path.resolve(REPO_ROOT, given);
    if (!existsSync(vsix)) throw new Error(`ALPINIST_E2E_VSIX=${given} does not exist`);
    return (packaged = vsix);
  }
  const started = Date.now();
  try {
    execFileSync('npm', ['run', '--silent', 'package'], { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8', timeout: 180_000 });
  } catch (error) {
    const { stdout, stderr } = error as { stdout?: string; stderr?: string };
    throw new Error(`npm run package failed:\n${stdout ?? ''}${stderr ?? ''}`);
  }
  process.stdout.write(`      (npm run package: ${((Date.now() - started) / 1000).toFixed(1)} s)\n`);
  return (packaged = path.join(REPO_ROOT, 'alpinist.vsix'));
}

/** The bundled language server that `npm run package` (or `npm run build`) leaves in dist/. */
export function bundledServer(): string {
  packagedVsix();
  const server = path.join(REPO_ROOT, 'dist', 'server.js');
  if (!existsSync(server)) throw new Error(`${server} is missing: run \`npm run build\` first`);
  return server;
}
