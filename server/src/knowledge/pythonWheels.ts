/**
 * Which pip can install `musllinux` wheels (PEP 656), and which PyPI projects with C extensions Alpine packages as
 * `py3-*`. Read by `pip-no-source-build-on-old-pip`.
 * Sources: PEP 656 (peps.python.org/pep-0656, final 2021); pip 21.2 (2021-07-24) is the first pip whose vendored
 * `packaging` (21.0) knows the `musllinux` tag (PyO3/maturin#589: on Alpine 3.14, pip 20.3.4 refuses a musllinux wheel
 * that pip 21.2.1 installs; pyca/cryptography#6236); Alpine package names from pkgs.alpinelinux.org. Checked 2026-12-05.
 */
import type { Reference } from './types';

/** The first pip that installs `musllinux` wheels, and the day it came out. */
export const PIP_MUSLLINUX = { version: '21.2', released: '2021-07-24' } as const;

export const pipMusllinuxReferences: readonly Reference[] = [
  { title: 'PEP 656: Platform Tag for Linux Distributions Using Musl', url: 'https://peps.python.org/pep-0656/' },
  { title: 'PyO3/maturin#589: musllinux wheels need pip 21.2', url: 'https://github.com/PyO3/maturin/issues/589' },
];

/**
 * PyPI projects that compile C, C++ or Rust code when pip finds no wheel, by normalized name (PEP 503: lower case,
 * runs of `-`, `_`, `.` as `-`), with the Alpine package of the same project.
 */
export const ALPINE_PACKAGED_EXTENSIONS: ReadonlyMap<string, string> = new Map([
  ['numpy', 'py3-numpy'],
  ['scipy', 'py3-scipy'],
  ['pandas', 'py3-pandas'],
  ['cryptography', 'py3-cryptography'],
  ['lxml', 'py3-lxml'],
  ['grpcio', 'py3-grpcio'],
  ['pillow', 'py3-pillow'],
  ['psycopg2', 'py3-psycopg2'],
  ['matplotlib', 'py3-matplotlib'],
  ['gevent', 'py3-gevent'],
  ['bcrypt', 'py3-bcrypt'],
  ['pynacl', 'py3-pynacl'],
  ['psutil', 'py3-psutil'],
  ['cffi', 'py3-cffi'],
]);

/** PEP 503 normalization of a project name. */
export function normalizeProjectName(name: string): string {
  return name.toLowerCase().replace(/[-_.]+/g, '-');
}
