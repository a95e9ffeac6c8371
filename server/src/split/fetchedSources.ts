/**
 * Git fetches that run before the build (`git clone URL DIR`, `git submodule update`, `git pull`): the compile stage
 * runs them, and the runtime stage copies their result from it instead of fetching again (which would need `git`,
 * the network and possibly credentials in the runtime stage, and could fetch something newer than what was built).
 */
import { resolvePath } from '../dockerfile/paths';
import type { Step } from '../dockerfile/steps';
import { argumentsOf } from '../shell/shellCommand';

/** `git clone` options that take the next word as their value. */
const CLONE_VALUE_OPTIONS = new Set([
  '-b', '--branch', '--depth', '-o', '--origin', '-c', '--config', '--reference', '--reference-if-able', '--separate-git-dir',
  '-j', '--jobs', '--filter', '--shallow-since', '--shallow-exclude', '-u', '--upload-pack', '--template', '--server-option',
  '--bundle-uri', '--revision',
]);

/** The last path segment of a repository URL without `.git`: `https://host/acme/app.git` → `app`. */
function repositoryName(url: string): string | undefined {
  const trimmed = url.endsWith('/') ? url.slice(0, -1) : url;
  const cut = Math.max(trimmed.lastIndexOf('/'), trimmed.lastIndexOf(':'));
  const last = trimmed.slice(cut + 1);
  const name = last.endsWith('.git') ? last.slice(0, -'.git'.length) : last;
  return name === '' || name === '.' || name === '..' ? undefined : name;
}

/**
 * The absolute path a git fetch step fills, given the absolute directory it runs in; undefined when it cannot be named
 * (variables, `-C`, a fetch in `/`, a step of several commands).
 */
export function fetchedPath(step: Step, directory: string | undefined): string | undefined {
  if (step.commands.length !== 1 || directory === undefined || !directory.startsWith('/')) return undefined;
  const command = step.commands[0];
  if (command.name !== 'git') return undefined;
  const words = argumentsOf(command);
  if (words.some((word) => word.value === undefined || word.value.includes('$'))) return undefined;
  const values = words.map((word) => word.value ?? '');
  // Why: options before the subcommand (`-C dir`, `-c key=value`) change where or how it runs.
  if (values.length === 0 || values[0].startsWith('-')) return undefined;
  const base = { isAbsolute: true, path: directory.slice(1) };
  let target: string | undefined;
  if (values[0] === 'clone') {
    const operands: string[] = [];
    for (let i = 1; i < values.length; i++) {
      if (values[i] === '--') continue;
      if (values[i].startsWith('-')) {
        if (CLONE_VALUE_OPTIONS.has(values[i])) i++;
        continue;
      }
      operands.push(values[i]);
    }
    if (operands.length === 0 || operands.length > 2) return undefined;
    target = operands[1] ?? repositoryName(operands[0]);
  } else {
    // `submodule update`, `fetch`, `pull`, `checkout`: the repository is the working directory.
    target = '.';
  }
  if (target === undefined) return undefined;
  const resolved = resolvePath(base, target);
  if (!resolved?.isAbsolute || resolved.path === '') return undefined;
  return `/${resolved.path}`;
}
