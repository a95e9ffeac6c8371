/**
 * The musl/glibc knowledge base: what differs on Alpine and what to do about it.
 * One table feeds hovers and rule messages; apk option entries live in apkFlags.ts.
 */
import { apkFlagEntries } from './apkFlags';
import type { KnowledgeEntry, Reference } from './types';

export { apkFlagAliases, apkFlagKey } from './apkFlags';

const muslDifferences: Reference = {
  title: 'musl wiki: Functional differences from glibc',
  url: 'https://wiki.musl-libc.org/functional-differences-from-glibc.html',
};
const threadStacks: Reference = {
  title: 'Ariadne Conill: thread stack sizes and how Alpine is different',
  url: 'https://ariadne.space/2021/06/25/understanding-thread-stack-sizes-and-how-alpine-is-different/',
};
const alpine318: Reference = {
  title: 'Alpine 3.18.0 released (musl 1.2.4)',
  url: 'https://alpinelinux.org/posts/Alpine-3.18.0-released.html',
};
const loaderNotFound: Reference = {
  title: 'gliderlabs/docker-alpine#219: glibc loader `/lib64/ld-linux-x86-64.so.2` missing',
  url: 'https://github.com/gliderlabs/docker-alpine/issues/219',
};
const pep656: Reference = { title: 'PEP 656: musllinux platform tag', url: 'https://peps.python.org/pep-0656/' };
const pep668: Reference = {
  title: 'PEP 668: externally managed environments',
  url: 'https://peps.python.org/pep-0668/',
};
const gcompatUpstream: Reference = { title: 'gcompat (Adélie Linux)', url: 'https://git.adelielinux.org/adelie/gcompat' };
const gcompatApkbuild: Reference = {
  title: 'aports: main/gcompat APKBUILD',
  url: 'https://gitlab.alpinelinux.org/alpine/aports/-/blob/master/main/gcompat/APKBUILD',
};
const noGlibcAlpine: Reference = {
  title: 'docker-library/official-images#10794: no glibc packages in Alpine-based images',
  url: 'https://github.com/docker-library/official-images/issues/10794',
};

const libcEntries: readonly KnowledgeEntry[] = [
  {
    key: 'alpine-base',
    title: 'Alpine base image: musl instead of glibc',
    summary: 'Alpine builds everything against musl libc, so software built for glibc may not run.',
    details: [
      '- A binary linked against glibc asks for the glibc loader (e.g. `/lib64/ld-linux-x86-64.so.2`). It does not exist, so the shell reports `not found` although the file is there.',
      '- Python `manylinux` wheels target glibc and are skipped; pip needs `musllinux` wheels or builds from source (see `pip install` on Alpine).',
      '- DNS: musl asks all `nameserver` lines in parallel, ignores `options` such as `single-request`, and never retries a name with at least `ndots` dots through the `search` domains.',
      '- DNS over TCP, needed for answers too large for UDP, exists only since musl 1.2.4 (Alpine 3.18).',
      '- New threads get a 128 KiB stack by default (80 KiB up to Alpine 3.10), where glibc usually gives 8 MiB.',
      '- There is no glibc-style locale database (see `LANG` on Alpine), and `iconv` has no GNU `//TRANSLIT` or `//IGNORE` suffixes.',
    ].join('\n'),
    remedies: [
      'Install the Alpine package (`apk add <name>`) instead of a glibc download.',
      'Compile in an Alpine build stage and copy the result into the runtime stage.',
      'Use a static or musl build of the tool (e.g. a `linux-musl` release asset, `CGO_ENABLED=0` for Go).',
      'Try `gcompat` for simple glibc binaries.',
      'Use a glibc-based image (e.g. Debian slim) for software that requires glibc.',
    ],
    references: [muslDifferences, threadStacks, alpine318, loaderNotFound],
    asOf: 'Alpine 3.18–3.24, musl 1.2.4 or later (checked 2026-11)',
  },
  {
    key: 'pip-install',
    title: '`pip install` on Alpine',
    summary: 'pip installs `musllinux` wheels on Alpine; without one it compiles from source.',
    details: [
      '- `manylinux` wheels are built for glibc and never match. Wheels tagged `musllinux_X_Y` (PEP 656) do; pip recognises the tag from version 21.2 (July 2021).',
      '- Without a matching wheel pip builds the sdist, which needs `build-base`, `python3-dev` and the `-dev` packages of linked C libraries (e.g. `libffi-dev`, `openssl-dev`).',
      '- Since Alpine 3.12 `python3` no longer ships pip; it comes from `py3-pip`.',
      '- Since Alpine 3.19 the system Python is marked externally managed (PEP 668): `pip install` outside a virtual environment fails with `error: externally-managed-environment`.',
    ].join('\n'),
    remedies: [
      'Create a virtual environment (`python3 -m venv /opt/venv`) and run its `pip`.',
      'Use the Alpine package when one exists (`apk add py3-<name>`).',
      'Upgrade pip inside the virtual environment so it selects `musllinux` wheels.',
      'Keep compilers and `-dev` packages in a build stage, or in an `apk add --virtual` group deleted in the same `RUN`.',
      '`--break-system-packages` overrides PEP 668 and lets pip overwrite files owned by apk packages.',
    ],
    references: [
      pep656,
      pep668,
      {
        title: 'alpinelinux/docker-alpine#361: externally-managed-environment on 3.19',
        url: 'https://github.com/alpinelinux/docker-alpine/issues/361',
      },
      { title: 'PyO3/maturin#589: musllinux support arrived in pip 21.2', url: 'https://github.com/PyO3/maturin/issues/589' },
      {
        title: 'alpinelinux/docker-alpine#91: `pip3: not found` on Alpine 3.12',
        url: 'https://github.com/alpinelinux/docker-alpine/issues/91',
      },
    ],
    asOf: 'Alpine 3.19–3.24, pip 21.2 or later (checked 2026-11)',
  },
  {
    key: 'gcompat',
    title: '`gcompat`: glibc compatibility layer',
    summary: '`gcompat` lets some glibc-linked binaries start on musl; it is not a full glibc.',
    details: [
      '- Installs a loader under the glibc name (and a `/lib64` link on 64-bit systems) plus `libgcompat`, which adds glibc-only symbols on top of musl.',
      '- Only common symbols are covered; programs using other glibc features still fail, typically with `Error relocating …: symbol not found`.',
      '- It does not make pip accept `manylinux` wheels.',
      '- Current releases let it provide the `libc6-compat` name as well.',
    ].join('\n'),
    remedies: [
      'Add `gcompat` when a prebuilt binary fails only because the glibc loader is missing.',
      'Prefer a musl or static build of the same program when one is published.',
      'Run the program in the image to confirm it works; there is no completeness guarantee.',
    ],
    references: [gcompatUpstream, gcompatApkbuild],
    asOf: 'Alpine 3.19–3.24, gcompat 1.1 (checked 2026-11)',
  },
  {
    key: 'libc6-compat',
    title: '`libc6-compat`',
    summary: '`libc6-compat` is a legacy name; current Alpine installs `gcompat` for it.',
    details: [
      '- Older releases (e.g. 3.16–3.18) built it from the musl package: it only added glibc-style symlinks (loader name, `libc.so.6` and others) pointing at musl.',
      '- Alpine 3.19 no longer lists it as a package of its own; current releases let `gcompat` declare `provides="libc6-compat"`, so `apk add libc6-compat` installs `gcompat`.',
      '- Either way it is partial compatibility, not glibc.',
    ].join('\n'),
    remedies: [
      'Write `gcompat` so the Dockerfile names the package that is installed.',
      'Prefer a musl or static build of the program when one is published.',
    ],
    references: [
      gcompatApkbuild,
      { title: 'nodejs/docker-node#2040: `libc6-compat` not listed for 3.19', url: 'https://github.com/nodejs/docker-node/issues/2040' },
      noGlibcAlpine,
    ],
    asOf: 'Alpine 3.19–3.24 (checked 2026-11)',
  },
  {
    key: 'musl-dev',
    title: '`musl-dev`',
    summary: '`musl-dev` has the C library headers and link files; musl itself is always installed.',
    details: [
      '- Needed to compile C and C++ code (headers such as `stdio.h`, start files, `libc.so` for the linker), not to run programs.',
      '- `libc-dev` is a meta package that depends on it, and `build-base` pulls it in.',
      '- It adds no glibc compatibility.',
    ].join('\n'),
    remedies: ['Install it in a build stage or in an `apk add --virtual` group that is deleted after compiling.'],
    references: [
      { title: 'pkgs.alpinelinux.org: musl-dev', url: 'https://pkgs.alpinelinux.org/package/edge/main/x86_64/musl-dev' },
      {
        title: 'aports: main/libc-dev APKBUILD',
        url: 'https://gitlab.alpinelinux.org/alpine/aports/-/blob/master/main/libc-dev/APKBUILD',
      },
    ],
    asOf: 'Alpine 3.24 (checked 2026-11)',
  },
  {
    key: 'build-base',
    title: '`build-base`',
    summary: '`build-base` is a meta package for a C/C++ toolchain: gcc, g++, make, binutils, libc-dev.',
    details: [
      '- Depends on `gcc`, `g++`, `make`, `binutils`, `libc-dev` (hence `musl-dev`), `patch` and a few helpers.',
      '- Only needed while compiling; the toolchain stays in the layer if it is not removed in the same `RUN`.',
    ].join('\n'),
    remedies: [
      'Compile in a build stage and copy only the artifacts into the runtime stage.',
      'Or use `apk add --virtual .build-deps build-base …` and `apk del .build-deps` in the same `RUN`.',
    ],
    references: [
      { title: 'pkgs.alpinelinux.org: build-base', url: 'https://pkgs.alpinelinux.org/package/edge/main/x86_64/build-base' },
    ],
    asOf: 'Alpine 3.24 (checked 2026-11)',
  },
  {
    key: 'env-locale',
    title: '`LANG` / `LC_ALL` on Alpine',
    summary: 'musl has no glibc locale database; `LANG` mostly just selects UTF-8.',
    details: [
      '- musl has a byte-based `C`/`POSIX` locale and `C.UTF-8`. Any other name in `LANG`/`LC_*` is accepted and behaves like `C.UTF-8` unless translation files exist.',
      '- There is no `locale-gen` or `localedef`; collation (`LC_COLLATE`) and monetary formatting (`LC_MONETARY`) are not implemented.',
      '- Translated libc messages and date names are read only from files found through `MUSL_LOCPATH`; the `musl-locales` package provides such files and a `locale` command.',
      '- Only programs that call `setlocale` pick up the setting; others stay in the byte-based `C` locale.',
    ].join('\n'),
    remedies: [
      '`ENV LANG=C.UTF-8` is enough for UTF-8 character handling.',
      'Install `musl-locales` when translated messages or the `locale` command are needed.',
      'Use ICU (`icu-libs`, `icu-data-full`) in the application for locale-aware sorting and formatting.',
    ],
    references: [
      muslDifferences,
      { title: 'musl mailing list: locale system in musl 1.1.4', url: 'https://www.openwall.com/lists/musl/2014/08/01/1' },
      { title: 'musl mailing list: setlocale with missing locales', url: 'https://www.openwall.com/lists/musl/2017/11/08/1' },
    ],
    asOf: 'musl 1.2.x, Alpine 3.24 (checked 2026-11)',
  },
  {
    key: 'glibc-download',
    title: 'glibc builds downloaded onto Alpine',
    summary: 'Downloads built for `linux-gnu`, `manylinux` or glibc apks from third parties do not fit musl.',
    details: [
      '- Release assets named `linux-gnu`, `gnu` or `glibc`, and `manylinux` wheels, are linked against glibc; on Alpine they fail with `not found` or `Error relocating`.',
      '- Many projects also publish a musl build (`linux-musl`, `x86_64-unknown-linux-musl`) or a static one.',
      '- The third-party `sgerrand/alpine-pkg-glibc` apk installs a separate glibc next to musl. It is not an Alpine package and Docker Official Images do not allow it.',
    ].join('\n'),
    remedies: [
      'Download the `musl` or static asset instead.',
      'Install the tool from the Alpine repositories when it is packaged.',
      'Build it from source in a build stage.',
      'Try `gcompat` for simple binaries.',
      'Use a glibc-based image for software that only ships glibc builds.',
    ],
    references: [
      noGlibcAlpine,
      {
        title: 'Ariadne Conill: there is no such thing as a glibc-based Alpine image',
        url: 'https://ariadne.space/2021/08/26/there-is-no-such-thing-as-a-glibc-based-alpine-image/',
      },
      { title: 'sgerrand/alpine-pkg-glibc', url: 'https://github.com/sgerrand/alpine-pkg-glibc' },
      loaderNotFound,
    ],
    asOf: 'Alpine 3.24 (checked 2026-11)',
  },
];

/** Every knowledge entry: libc topics first, then apk options. Keys are unique. */
export const knowledgeEntries: readonly KnowledgeEntry[] = [...libcEntries, ...apkFlagEntries];
