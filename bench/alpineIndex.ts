/**
 * Alpine data cost: parse time and retained memory of a generated 25,000-record APKINDEX.tar.gz (about main +
 * community of a release on x86_64), and what the index adds to one lint once loaded.
 * Run: `npx tsx --expose-gc bench/alpineIndex.ts` (memory figures need --expose-gc).
 */
import { performance } from 'node:perf_hooks';
import { parseApkIndexArchive } from '../server/src/alpineData/archive';
import { analyze } from '../server/src/analysis/analysis';
import type { AlpineDataView } from '../server/src/knowledge/alpineData';
import { initShellParser } from '../server/src/shell/treeSitter';
import { apkIndexArchive, generatedRecords } from '../test/support/alpineFixtures';

const RECORDS = 25_000;
const gc = (globalThis as { gc?: () => void }).gc;

async function main(): Promise<void> {
  await initShellParser();
  const archive = apkIndexArchive(generatedRecords(RECORDS));
  const parseTimes: number[] = [];
  let index = await parseApkIndexArchive(archive, 'main');
  for (let round = 0; round < 5; round++) {
    const start = performance.now();
    index = await parseApkIndexArchive(archive, 'main');
    parseTimes.push(performance.now() - start);
  }
  gc?.();
  const before = process.memoryUsage().heapUsed;
  let kept: unknown = await parseApkIndexArchive(archive, 'main');
  gc?.();
  const retained = process.memoryUsage().heapUsed - before;
  kept = undefined;
  void kept;

  const view: AlpineDataView = { packages: (branch) => (branch === '3.22' ? { branch, arch: 'x86_64', repositories: ['main', 'community'], index, asOf: '2026-12-05' } : undefined), releases: undefined };
  const dockerfile = `FROM alpine:3.22\nRUN apk add --no-cache ${Array.from({ length: 30 }, (_, i) => `pkg${i * 7}`).join(' ')} pkg3=1.2.3-r0 nosuchpackage\nRUN echo done\n`;
  const lint = (alpineData?: AlpineDataView): number => {
    for (let i = 0; i < 20; i++) analyze(dockerfile, { alpineData, today: '2026-12-05' });
    const start = performance.now();
    for (let i = 0; i < 200; i++) analyze(dockerfile, { alpineData, today: '2026-12-05' });
    return (performance.now() - start) / 200;
  };
  const without = lint(undefined);
  const withData = lint(view);
  const median = [...parseTimes].sort((a, b) => a - b)[2];
  console.log(`APKINDEX.tar.gz: ${RECORDS} records, ${(archive.length / 1024).toFixed(0)} KiB compressed`);
  console.log(`parse (gunzip + tar + records + index), median of 5: ${median.toFixed(1)} ms`);
  console.log(gc ? `retained heap of one index: ${(retained / 1024 / 1024).toFixed(1)} MiB` : 'retained heap: run with --expose-gc');
  console.log(`lint of a 32-package apk add: ${without.toFixed(3)} ms without data, ${withData.toFixed(3)} ms with the index (+${(withData - without).toFixed(3)} ms, one unknown name with its edit-distance search)`);
}

void main();
