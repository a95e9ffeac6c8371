/**
 * `npm run bench:shellcheck`: what ShellCheck costs over the corpus, and that Alpinist's own findings do not wait for
 * it. Per file, the analysis' findings are ready when `analyze` returns (that is when the editor publishes them);
 * ShellCheck's arrive later. Prints one Markdown table (min/median/max over BENCH_RUNS runs, default 5); skips
 * (exit 0) without ../shared/corpus or without `shellcheck` on PATH.
 */
import { analyze } from '../server/src/analysis/analysis';
import { initShellParser } from '../server/src/shell/treeSitter';
import { findExecutable } from '../server/src/tools/findExecutable';
import { shellCheckFindings } from '../server/src/tools/shellcheckDocument';
import { ShellCheckRunner } from '../server/src/tools/shellcheckRunner';
import { loadCorpus, spread, type Spread } from './corpus';

const RUNS = Math.max(3, Number(process.env.BENCH_RUNS ?? 5));

function cell(value: Spread): string {
  return `${value.min.toFixed(1)} / ${value.median.toFixed(1)} / ${value.max.toFixed(1)} ms`;
}

async function main(): Promise<void> {
  const executable = findExecutable('shellcheck');
  const corpus = loadCorpus() ?? [];
  if (!executable || corpus.length === 0) {
    process.stderr.write(`Skipped: ${executable ? 'no corpus in ../shared/corpus' : 'no shellcheck on PATH'}.\n`);
    return;
  }
  await initShellParser();
  const own: number[] = [];
  const cold: number[] = [];
  const warm: number[] = [];
  const fileOwn: number[] = [];
  const fileShellCheck: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const runner = new ShellCheckRunner({ executable, isTrusted: () => true });
    for (const [list, pass] of [[cold, 'cold'], [warm, 'warm']] as const) {
      const started = performance.now();
      let ownDone = 0;
      const pending: Promise<unknown>[] = [];
      for (const file of corpus) {
        const analysis = analyze(file.text);
        ownDone = performance.now() - started;
        pending.push(shellCheckFindings(analysis, runner, {}));
      }
      await Promise.all(pending);
      list.push(performance.now() - started);
      if (pass === 'cold') own.push(ownDone);
    }
  }
  // One file at a time, as the editor sees a document: own findings when `analyze` returns, ShellCheck's after.
  const runner = new ShellCheckRunner({ executable, isTrusted: () => true, cacheEntries: 0 });
  await runner.version();
  for (const file of corpus) {
    const started = performance.now();
    const analysis = analyze(file.text);
    fileOwn.push(performance.now() - started);
    await shellCheckFindings(analysis, runner, {});
    fileShellCheck.push(performance.now() - started);
  }
  const rows = [
    [`corpus (${corpus.length} files): Alpinist's own findings, all files`, cell(spread(own))],
    ['corpus: with ShellCheck, cold cache (2 processes)', cell(spread(cold))],
    ['corpus: with ShellCheck, warm cache (every script cached)', cell(spread(warm))],
    ["one file: Alpinist's own findings ready (over the corpus' files)", cell(spread(fileOwn))],
    ["one file: ShellCheck's findings ready, uncached (over the corpus' files)", cell(spread(fileShellCheck))],
  ];
  process.stdout.write(`| measure | min / median / max |\n|---|---|\n${rows.map(([measure, value]) => `| ${measure} | ${value} |`).join('\n')}\n`);
}

void main();
