/**
 * Knowledge entries for `apk` options that show up in Dockerfiles, keyed `apk-flag:<long name>`,
 * plus a map from every spelling (short option, legacy abbreviation) to its entry key.
 */
import type { KnowledgeEntry, Reference } from './types';

const apkManual: Reference = {
  title: 'apk(8) manual (apk-tools)',
  url: 'https://gitlab.alpinelinux.org/alpine/apk-tools/-/blob/master/doc/apk.8.scd',
};
const apkAddManual: Reference = {
  title: 'apk-add(8) manual (apk-tools)',
  url: 'https://gitlab.alpinelinux.org/alpine/apk-tools/-/blob/master/doc/apk-add.8.scd',
};
const disablingCache: Reference = {
  title: 'docker-alpine usage: disabling cache',
  url: 'https://github.com/gliderlabs/docker-alpine/blob/master/docs/usage.md#disabling-cache',
};
const repositoriesWiki: Reference = {
  title: 'Alpine wiki: Repositories',
  url: 'https://wiki.alpinelinux.org/wiki/Repositories',
};

// Why: both apk-tools generations are in use; 3.23 switched from apk-tools 2.x to 3.x.
const asOf = 'apk-tools 2.x (Alpine ≤ 3.22) and 3.x (Alpine 3.23+), checked 2026-11';

/** Entry key for an apk option given by its long name, e.g. `--no-cache`. */
export function apkFlagKey(longName: string): string {
  return `apk-flag:${longName}`;
}

function flag(
  longName: string,
  title: string,
  summary: string,
  details: string,
  references: readonly Reference[],
  remedies: readonly string[] = [],
): KnowledgeEntry {
  return { key: apkFlagKey(longName), title, summary, details, remedies, references, asOf };
}

/** One entry per documented apk option the linter knows about. */
export const apkFlagEntries: readonly KnowledgeEntry[] = [
  flag(
    '--no-cache',
    '`apk --no-cache`',
    'Fetches the package index for this run only and stores nothing under `/var/cache/apk`.',
    [
      '- Documented as "do not use any local cache path"; available since apk-tools 2.6 (Alpine 3.3).',
      '- The index is downloaded fresh on every call, so `-U`/`--update-cache` or a prior `apk update` adds nothing.',
      '- No `rm -rf /var/cache/apk/*` is needed afterwards.',
    ].join('\n'),
    [apkManual, disablingCache],
  ),
  flag(
    '--update-cache',
    '`apk -U` / `--update-cache`',
    'Refreshes the repository indexes before the command runs.',
    [
      '- apk-tools 3 documents it as an alias for `--cache-max-age 0`.',
      '- Without `--no-cache` the refreshed index is written to `/var/cache/apk` and stays in the image layer.',
      '- `--update` is not a separate option: apk accepts it as an unambiguous abbreviation of `--update-cache`.',
    ].join('\n'),
    [apkManual, disablingCache],
  ),
  flag(
    '--virtual',
    '`apk add --virtual` / `-t`',
    'Groups the listed packages under a named virtual package that `apk del` can remove at once.',
    [
      '- `apk add -t NAME pkg…` creates package `NAME` depending on `pkg…` and adds only `NAME` to the world file.',
      '- `apk del NAME` later removes those packages unless something else still needs them.',
      '- An optional version can be given as `NAME=VERSION`.',
      '- Space is only saved in the image when the add and the del happen in the same `RUN`.',
    ].join('\n'),
    [apkAddManual],
  ),
  flag(
    '--repository',
    '`apk --repository` / `-X`',
    'Adds a package repository for this invocation only.',
    [
      '- The URL is not written to `/etc/apk/repositories`.',
      '- The `testing` repository exists only for `edge`.',
      '- Packages from another branch are built against that branch\'s libraries and can pull in newer dependencies.',
      '- Tagged repositories (`@tag` in the repositories file) let `pkg@tag` opt in per package.',
    ].join('\n'),
    [apkManual, repositoriesWiki],
  ),
  flag(
    '--allow-untrusted',
    '`apk --allow-untrusted`',
    'Installs packages whose signature is missing or made with a key that is not trusted.',
    [
      '- Trusted keys live in `/etc/apk/keys` (see `--keys-dir`).',
      '- With this option apk no longer rejects unsigned or foreign-signed `.apk` files or indexes.',
    ].join('\n'),
    [apkManual],
  ),
  flag(
    '--no-network',
    '`apk --no-network`',
    'Stops apk from using the network; it works from cache and local repositories only.',
    '- Useful with a local repository or a populated package cache.',
    [apkManual],
  ),
  flag(
    '--no-scripts',
    '`apk --no-scripts`',
    'Skips the install, upgrade and removal scripts of packages.',
    [
      '- Meant for extracting a root file system, for example for another architecture under `--root`.',
      '- Work done by scripts, such as creating users and groups, does not happen.',
    ].join('\n'),
    [apkManual],
  ),
  flag(
    '--upgrade',
    '`apk add --upgrade` / `-u`',
    'Lets `apk add` upgrade the named packages and their dependencies to the latest installable version.',
    [
      '- Without it `apk add` leaves installed packages alone unless the new packages require a change.',
      '- Not to be confused with `-U` (`--update-cache`).',
    ].join('\n'),
    [apkAddManual],
  ),
  flag(
    '--purge',
    '`apk --purge`',
    'Also deletes modified configuration files on removal and unneeded packages on cache clean.',
    [
      '- Documented as a global option; in Dockerfiles it appears with `apk del`.',
      '- Without it, configuration files that were changed after installation are kept when their package is removed.',
    ].join('\n'),
    [apkManual],
  ),
  flag(
    '--cache-dir',
    '`apk --cache-dir`',
    'Uses another directory as apk\'s cache for this run.',
    [
      '- The path is taken relative to `--root`.',
      '- The default index cache is `/var/cache/apk`.',
    ].join('\n'),
    [apkManual],
  ),
  flag(
    '--root',
    '`apk --root` / `-p`',
    'Manages the file system under another root directory instead of `/`.',
    [
      '- Used with `apk add --initdb` to bootstrap a root file system, e.g. in a multi-stage build.',
      '- Paths such as `--cache-dir` and `--keys-dir` are interpreted relative to it.',
    ].join('\n'),
    [apkManual],
  ),
  flag(
    '--arch',
    '`apk --arch`',
    'Overrides the architecture used to pick indexes and packages.',
    [
      '- The first `--arch` is the primary architecture and selects the index download path.',
      '- Together with `--root` the architecture is saved in the target.',
    ].join('\n'),
    [apkManual],
  ),
  flag(
    '--keys-dir',
    '`apk --keys-dir`',
    'Reads trusted signing keys from another directory instead of the system key directories.',
    '- The path is relative to `--root`; only that directory is used.',
    [apkManual],
  ),
  flag(
    '--repositories-file',
    '`apk --repositories-file`',
    'Reads repositories from the given file instead of `/etc/apk/repositories`.',
    [
      '- `repositories.d` directories are then ignored as well.',
      '- The path is relative to the startup directory (since apk-tools 2.12.0).',
    ].join('\n'),
    [apkManual],
  ),
];

/** Every accepted spelling of a known apk option, mapped to its entry key. */
export const apkFlagAliases: Readonly<Record<string, string>> = Object.freeze({
  '--no-cache': apkFlagKey('--no-cache'),
  '--update-cache': apkFlagKey('--update-cache'),
  '-U': apkFlagKey('--update-cache'),
  // Note: apk resolves unambiguous prefixes of long options, so this legacy spelling still works.
  '--update': apkFlagKey('--update-cache'),
  '--virtual': apkFlagKey('--virtual'),
  '-t': apkFlagKey('--virtual'),
  '--repository': apkFlagKey('--repository'),
  '-X': apkFlagKey('--repository'),
  '--allow-untrusted': apkFlagKey('--allow-untrusted'),
  '--no-network': apkFlagKey('--no-network'),
  '--no-scripts': apkFlagKey('--no-scripts'),
  '--upgrade': apkFlagKey('--upgrade'),
  '-u': apkFlagKey('--upgrade'),
  '--purge': apkFlagKey('--purge'),
  '--cache-dir': apkFlagKey('--cache-dir'),
  '--root': apkFlagKey('--root'),
  '-p': apkFlagKey('--root'),
  '--arch': apkFlagKey('--arch'),
  '--keys-dir': apkFlagKey('--keys-dir'),
  '--repositories-file': apkFlagKey('--repositories-file'),
});
