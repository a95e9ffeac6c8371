/**
 * The official `python` and `node` images on Alpine, and the Alpine packages that install a second copy of what they
 * already carry. Sources, read 2026-12-05: docker-library/python's `alpine` Dockerfile template (CPython compiled
 * into `/usr/local`, with its headers in `/usr/local/include/python3.X` and pip from `ensurepip`) and
 * nodejs/docker-node's `alpine` Dockerfile template (Node.js in `/usr/local` with its bundled npm, headers in
 * `/usr/local/include/node`). Alpine's `python3`, `py3-*`, `nodejs` and `npm` packages install into `/usr`; every
 * `py3-*` module depends on Alpine's `python3` and is importable only by it.
 */

export type LanguageRuntime = 'python' | 'node';

/** The Docker Hub repositories of the official language images, by runtime. */
export const OFFICIAL_LANGUAGE_IMAGES: ReadonlyMap<string, LanguageRuntime> = new Map([
  ['python', 'python'],
  ['node', 'node'],
]);

const DOCKER_HUB: ReadonlySet<string | undefined> = new Set([undefined, 'docker.io', 'index.docker.io', 'registry-1.docker.io']);

/**
 * The runtime of an official language image on Alpine, from a parsed reference (`library/` already stripped from
 * the repository): `python` + a tag that says `alpine` on Docker Hub → `python`. Undefined for anything else, images
 * of other registries or namespaces included (they may be built differently).
 */
export function officialAlpineLanguageRuntime(registry: string | undefined, repository: string, tag: string | undefined): LanguageRuntime | undefined {
  if (!DOCKER_HUB.has(registry)) return undefined;
  const runtime = OFFICIAL_LANGUAGE_IMAGES.get(repository);
  return runtime && (tag ?? '').toLowerCase().includes('alpine') ? runtime : undefined;
}

/** What an Alpine package duplicates in the official image of its runtime. */
export interface DuplicatedRuntime {
  readonly runtime: LanguageRuntime;
  /** True for the interpreter, its headers and its package manager; false for a module of Alpine's interpreter. */
  readonly isCore: boolean;
  /** What the package brings with the interpreter that the image also has already. */
  readonly extra?: 'headers' | 'pip' | 'npm';
}

const CORE_PACKAGES: ReadonlyMap<string, DuplicatedRuntime> = new Map([
  ['python3', { runtime: 'python', isCore: true }],
  ['python', { runtime: 'python', isCore: true }],
  ['python2', { runtime: 'python', isCore: true }],
  ['python3-dev', { runtime: 'python', isCore: true, extra: 'headers' }],
  ['python-dev', { runtime: 'python', isCore: true, extra: 'headers' }],
  ['python2-dev', { runtime: 'python', isCore: true, extra: 'headers' }],
  ['py3-pip', { runtime: 'python', isCore: true, extra: 'pip' }],
  ['py-pip', { runtime: 'python', isCore: true, extra: 'pip' }],
  ['nodejs', { runtime: 'node', isCore: true }],
  ['nodejs-current', { runtime: 'node', isCore: true }],
  ['nodejs-dev', { runtime: 'node', isCore: true, extra: 'headers' }],
  ['npm', { runtime: 'node', isCore: true, extra: 'npm' }],
  ['nodejs-npm', { runtime: 'node', isCore: true, extra: 'npm' }],
]);

const MODULE_PREFIXES = ['py3-', 'py2-', 'py-', 'python3-', 'python2-'];

/** What installing `name` on the official image of `runtime` duplicates, if anything. */
export function duplicatedRuntime(name: string, runtime: LanguageRuntime): DuplicatedRuntime | undefined {
  const core = CORE_PACKAGES.get(name);
  if (core) return core.runtime === runtime ? core : undefined;
  if (runtime === 'python' && MODULE_PREFIXES.some((prefix) => name.startsWith(prefix))) return { runtime, isCore: false };
  return undefined;
}
