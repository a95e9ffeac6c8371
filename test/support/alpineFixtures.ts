/**
 * Alpine data for tests and benchmarks, in the real formats: APKINDEX text, the tar segments apk writes (a signature
 * segment without end-of-archive, then DESCRIPTION + APKINDEX), gzip'd member by member, and releases.json.
 */
import { gzipSync } from 'node:zlib';
import type { AlpineDataView, PackageIndexSnapshot } from '../../server/src/knowledge/alpineData';
import { parseApkIndexTar } from '../../server/src/knowledge/apkIndex';
import { parseReleasesJson, type ReleaseTable } from '../../server/src/knowledge/releaseData';

export interface PackageRecord {
  readonly name: string;
  readonly version: string;
  readonly description?: string;
  readonly origin?: string;
  readonly license?: string;
  readonly provides?: readonly string[];
  readonly depends?: readonly string[];
}

/** The APKINDEX text of the records, with the fields apk writes (checksum, arch, sizes, …). */
export function apkIndexText(records: readonly PackageRecord[]): string {
  return records.map((record, index) => [
    `C:Q1${Buffer.from(`${record.name}-${record.version}`).toString('base64').slice(0, 26)}=`,
    `P:${record.name}`,
    `V:${record.version}`,
    'A:x86_64',
    `S:${1000 + index}`,
    `I:${4096 + index}`,
    `T:${record.description ?? `The ${record.name} package`}`,
    `U:https://example.org/${record.name}`,
    `L:${record.license ?? 'MIT'}`,
    `o:${record.origin ?? record.name}`,
    'm:Test Maintainer <test@example.org>',
    't:1733000000',
    'c:0123456789abcdef0123456789abcdef01234567',
    ...(record.depends?.length ? [`D:${record.depends.join(' ')}`] : []),
    ...(record.provides?.length ? [`p:${record.provides.join(' ')}`] : []),
    '',
  ].join('\n')).join('\n');
}

/** One ustar member: header, data, padding to 512 bytes. */
export function tarMember(name: string, data: Uint8Array): Buffer {
  const header = Buffer.alloc(512);
  header.write(name, 0, 100, 'utf8');
  header.write('0000644\0', 100);
  header.write('0000000\0', 108);
  header.write('0000000\0', 116);
  header.write(`${data.length.toString(8).padStart(11, '0')}\0`, 124);
  header.write('00000000000\0', 136);
  header.write('0', 156);
  header.write('ustar\0', 257);
  header.write('00', 263);
  header.fill(32, 148, 156);
  let sum = 0;
  for (const byte of header) sum += byte;
  header.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148);
  return Buffer.concat([header, Buffer.from(data), Buffer.alloc((512 - (data.length % 512)) % 512)]);
}

/** The uncompressed tar stream of an index: signature segment, then DESCRIPTION and APKINDEX, then end blocks. */
export function apkIndexTar(records: readonly PackageRecord[]): Buffer {
  const signature = tarMember('.SIGN.RSA.alpine-devel@lists.alpinelinux.org-6165ee59.rsa.pub', Buffer.from('signature bytes'));
  const body = Buffer.concat([
    tarMember('DESCRIPTION', Buffer.from('v3.22.0-0-g0000000000')),
    tarMember('APKINDEX', Buffer.from(apkIndexText(records))),
    Buffer.alloc(1024),
  ]);
  return Buffer.concat([signature, body]);
}

/** `APKINDEX.tar.gz` as apk writes it: two gzip members (signature segment, index segment). */
export function apkIndexArchive(records: readonly PackageRecord[]): Buffer {
  const tar = apkIndexTar(records);
  const signatureLength = 1024;
  return Buffer.concat([gzipSync(tar.subarray(0, signatureLength)), gzipSync(tar.subarray(signatureLength))]);
}

/** A plausible `releases.json` with the given branches (`{ branch: '3.22', eol: '2027-05-01', points: ['3.22.0'] }`). */
export function releasesJson(branches: readonly { branch: string; released: string; eol: string; points?: readonly string[] }[]): string {
  return JSON.stringify({
    architectures: ['x86_64', 'aarch64'],
    release_branches: [
      { rel_branch: 'edge', git_branch: 'master', arches: ['x86_64'], repos: [{ name: 'main' }, { name: 'community' }, { name: 'testing' }] },
      ...branches.map((entry) => ({
        rel_branch: `v${entry.branch}`,
        git_branch: `${entry.branch}-stable`,
        branch_date: entry.released,
        eol_date: entry.eol,
        arches: ['x86_64'],
        repos: [{ name: 'main', eol_date: entry.eol }, { name: 'community' }],
        releases: (entry.points ?? [`${entry.branch}.0`]).map((version) => ({ version, date: entry.released, notes: '' })),
      })),
    ],
  });
}

/** A view over fixed indexes (by branch) and an optional release table, as a front end would hand to the analysis. */
export function staticAlpineData(branches: Readonly<Record<string, readonly PackageRecord[]>>, releases?: ReleaseTable, asOf = '2026-12-01'): AlpineDataView {
  const snapshots = new Map<string, PackageIndexSnapshot>();
  for (const [branch, records] of Object.entries(branches)) {
    snapshots.set(branch, { branch, arch: 'x86_64', repositories: ['main', 'community'], index: parseApkIndexTar(apkIndexTar(records), 'main'), asOf });
  }
  return { packages: (branch) => snapshots.get(branch), releases };
}

/** A release table from releases.json text, fetched on `asOf`. */
export function releaseTable(json: string, asOf: string): ReleaseTable {
  return parseReleasesJson(json, asOf);
}

/** The packages most tests need, as Alpine 3.22 has them (versions invented, names real). */
export const BASE_PACKAGES: readonly PackageRecord[] = [
  { name: 'musl', version: '1.2.5-r10', license: 'MIT', provides: ['so:libc.musl-x86_64.so.1=1'] },
  { name: 'busybox', version: '1.37.0-r18', license: 'GPL-2.0-only', provides: ['cmd:sh=1.37.0-r18', 'cmd:wget=1.37.0-r18'] },
  { name: 'curl', version: '8.14.1-r2', description: 'URL retrieval utility and library', license: 'curl', provides: ['cmd:curl=8.14.1-r2'] },
  { name: 'libcurl', version: '8.14.1-r2', description: 'The multiprotocol file transfer library', origin: 'curl', license: 'curl', provides: ['so:libcurl.so.4=4.8.0'] },
  { name: 'git', version: '2.49.1-r0', description: 'Distributed version control system', license: 'GPL-2.0-or-later' },
  { name: 'python3', version: '3.12.11-r0', description: 'A high-level scripting language', license: 'PSF-2.0', provides: ['python3~3.12', 'cmd:python3=3.12.11-r0'] },
  { name: 'python3-dev', version: '3.12.11-r0', origin: 'python3', license: 'PSF-2.0' },
  { name: 'py3-pip', version: '25.1.1-r0', description: 'Tool for installing and managing Python packages', license: 'MIT', provides: ['py-pip=25.1.1-r0'] },
  { name: 'npm', version: '11.3.0-r0', description: 'The package manager for JavaScript', license: 'Artistic-2.0' },
  { name: 'nodejs', version: '22.16.0-r2', description: 'JavaScript runtime built on V8 engine - LTS version', license: 'MIT' },
  { name: 'php83', version: '8.3.23-r0', license: 'PHP-3.01' },
  { name: 'php83-curl', version: '8.3.23-r0', origin: 'php83', license: 'PHP-3.01' },
  { name: 'php84-curl', version: '8.4.10-r0', origin: 'php84', license: 'PHP-3.01' },
  { name: 'build-base', version: '0.5-r3', description: 'Meta package for build base', license: 'MIT' },
  { name: 'ca-certificates', version: '20250619-r0', license: 'MPL-2.0 AND MIT' },
  { name: 'openssl', version: '3.5.1-r0', license: 'Apache-2.0' },
  { name: 'gcompat', version: '1.1.0-r4', description: 'The GNU C Library compatibility layer for musl', license: 'NCSA' },
  { name: 'bash', version: '5.2.37-r0', description: 'The GNU Bourne Again shell', license: 'GPL-3.0-or-later', provides: ['cmd:bash=5.2.37-r0'] },
];

/**
 * `count` generated records shaped like Alpine's (names, versions, provides with `so:` and `cmd:` entries): the
 * benchmark's stand-in for main + community (about 25,000 records on x86_64 in 2026).
 */
export function generatedRecords(count: number): PackageRecord[] {
  const records: PackageRecord[] = [];
  for (let index = 0; index < count; index++) {
    const origin = `pkg${Math.floor(index / 4)}`;
    const suffix = ['', '-dev', '-doc', '-libs'][index % 4];
    const name = `${origin}${suffix}`;
    const version = `${index % 17}.${index % 23}.${index % 7}-r${index % 5}`;
    const provides = suffix === '-libs' ? [`so:lib${origin}.so.${index % 9}=${index % 9}.0.0`] : suffix === '' ? [`cmd:${origin}=${version}`] : [];
    records.push({ name, version, origin, description: `Generated package ${index} for benchmarking the index parser`, license: 'MIT', provides, depends: ['so:libc.musl-x86_64.so.1'] });
  }
  return records;
}
