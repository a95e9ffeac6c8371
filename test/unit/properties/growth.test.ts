/**
 * Growth tests: each path that once was quadratic is timed at n and 4n. Linear work grows about 4×, quadratic 16×;
 * a growth above 10× fails. Why not absolute times: the machine's speed varies; the ratio does not (a growth over
 * the limit is measured again, up to three times, before failing, so a burst of load on one size does not fail it).
 */
import assert from 'node:assert/strict';
import { PerformanceObserver, performance } from 'node:perf_hooks';
import { analyze } from '../../../server/src/analysis/analysis';
import { createDocumentLinter } from '../../../server/src/analysis/documentLinter';
import { combineFixes } from '../../../server/src/analysis/fixes';
import { unifiedDiff } from '../../../server/src/cli/fix';
import { parseDockerfile } from '../../../server/src/dockerfile/model';
import { parseInChunks, withArgumentScansKept } from '../../../server/src/dockerfile/parse';
import { validateParsed } from '../../../server/src/dockerfile/validation';
import { stepsOf } from '../../../server/src/dockerfile/steps';
import { parseConfig } from '../../../server/src/config/config';
import { allRules } from '../../../server/src/rules';

const LIMIT = 10;
const ATTEMPTS = 3;

/**
 * A full collection before each timing, when the process allows it (`--expose-gc`, set in `.mocharc.json`). Why: the
 * suite's earlier tests leave a large heap behind, and a major collection of that garbage landing in the 4n timing
 * was read as quadratic growth.
 */
const collectGarbage: () => void = (globalThis as { gc?: () => void }).gc ?? ((): void => undefined);

/** Garbage collections seen since the observer started (start and end, in `performance.now()` time). */
const collections: { start: number; end: number }[] = [];
const gcObserver = new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) collections.push({ start: entry.startTime, end: entry.startTime + entry.duration });
});

/** Lets the observer receive the entries of collections that have finished. */
const deliverEntries = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 5));

/**
 * The shortest of three timings of `work`, without the garbage collections inside it. Why without them: work that
 * keeps n results alive (n findings) makes the young-generation collector copy a set that grows while it runs, which
 * grows faster than n on a heap the earlier tests left large; these tests are about the algorithms.
 */
async function timeOf(work: () => void): Promise<{ ms: number; gcMs: number }> {
  let best = { ms: Infinity, gcMs: 0 };
  for (let run = 0; run < 3; run++) {
    collectGarbage();
    await deliverEntries();
    collections.length = 0;
    const started = performance.now();
    work();
    const ended = performance.now();
    await deliverEntries();
    const gcMs = collections.filter((gc) => gc.start >= started && gc.end <= ended).reduce((sum, gc) => sum + (gc.end - gc.start), 0);
    if (ended - started - gcMs < best.ms) best = { ms: ended - started - gcMs, gcMs };
  }
  return best;
}

/** Fails when `work(4n)` takes more than LIMIT × `work(n)`, on every one of ATTEMPTS measurements. */
async function assertLinear(label: string, n: number, prepare: (size: number) => () => void): Promise<void> {
  const small = prepare(n);
  const large = prepare(4 * n);
  small();
  large();
  let growth = Infinity;
  let times = '';
  for (let attempt = 0; attempt < ATTEMPTS && growth > LIMIT; attempt++) {
    const largeTime = await timeOf(large);
    const smallTime = await timeOf(small);
    growth = largeTime.ms / Math.max(smallTime.ms, 0.5);
    times += ` ${smallTime.ms.toFixed(1)} → ${largeTime.ms.toFixed(1)} ms (+ ${smallTime.gcMs.toFixed(1)} / ${largeTime.gcMs.toFixed(1)} ms collecting);`;
  }
  assert.ok(growth <= LIMIT, `${label}: ${growth.toFixed(1)}× from n = ${n} to ${4 * n} (${times.trim()})`);
}

const lines = (count: number, line: (index: number) => string): string => Array.from({ length: count }, (_, index) => line(index)).join('\n');

describe('growth: paths that must stay linear', function () {
  this.timeout(300_000);
  before(() => gcObserver.observe({ entryTypes: ['gc'] }));
  after(() => gcObserver.disconnect());

  it('one RUN of n `&&`-joined apk adds: analysed, and cut into steps', async () => {
    await assertLinear('RUN of n adds', 1000, (n) => {
      const text = `FROM alpine:3.20\nRUN ${lines(n, (i) => `apk add --no-cache p${i}`).split('\n').join(' && ')}\n`;
      return () => analyze(text);
    });
    // Why apart: the steps are a small part of an analysis until n is in the tens of thousands.
    await assertLinear('steps of a RUN of n adds', 4000, (n) => {
      const model = parseDockerfile(`FROM alpine:3.20\nRUN ${lines(n, (i) => `apk add p${i}`).split('\n').join(' && ')}\n`);
      // Why eight times: one cut takes a few milliseconds, where a single young collection would decide the ratio.
      return () => {
        for (let repeat = 0; repeat < 8; repeat++) stepsOf(model, model.runs[0]);
      };
    });
  });

  it('n ENV V$i / RUN echo $V$i pairs: validated (the base validation resolves every variable), opened and edited', async () => {
    await assertLinear('validation of ENV/$V pairs', 2000, (n) => {
      const text = `FROM alpine:3.20\n${lines(n, (i) => `ENV V${i}=x\nRUN echo $V${i}`)}\n`;
      return () => withArgumentScansKept(() => validateParsed(parseInChunks(text, undefined, Number.MAX_SAFE_INTEGER)));
    });
    await assertLinear('ENV/$V pairs', 500, (n) => {
      const text = `FROM alpine:3.20\n${lines(n, (i) => `ENV V${i}=x\nRUN echo $V${i}`)}\n`;
      const edited = text.replace('ENV V0=x', 'ENV V0=y');
      return () => {
        const linter = createDocumentLinter();
        linter.lint(text);
        linter.lint(edited);
      };
    });
  });

  it('n ENV lines, each reading the one before (the names set before each instruction, for variable-require-defined)', async () => {
    await assertLinear('ENV chain', 1500, (n) => {
      const text = `FROM scratch\nENV V0=x\n${lines(n, (i) => `ENV V${i + 1}=$V${i}`)}\n`;
      return () => analyze(text, { ruleSeverities: Object.fromEntries(allRules.map((rule) => [rule.id, rule.id === 'variable-require-defined' ? 'warning' : 'off'])) });
    });
  });

  it('a suppression comment with n ids', async () => {
    await assertLinear('suppression ids', 5000, (n) => {
      const text = `FROM alpine:3.20\n# alpinist ignore=${lines(n, (i) => `r${i}`).split('\n').join(',')}\nRUN apk add curl\n`;
      return () => analyze(text);
    });
  });

  it('n stages', async () => {
    await assertLinear('stages', 250, (n) => {
      const text = `${lines(n, (i) => `FROM alpine:3.20 AS s${i}\nRUN apk add curl`)}\n`;
      return () => createDocumentLinter().lint(text);
    });
  });

  it('the fixes of n apk adds in one RUN, combined', async () => {
    await assertLinear('combined fixes', 1000, (n) => {
      const text = `FROM alpine:3.20\nRUN ${lines(n, (i) => `apk add p${i}`).split('\n').join(' && ')}\n`;
      const fixes = analyze(text).findings.flatMap((finding) => finding.fixes);
      return () => combineFixes(fixes);
    });
  });

  it('the --fix-dry-run diff of n changed lines', async () => {
    await assertLinear('diff', 2500, (n) => {
      const before = `FROM alpine:3.20\n${lines(n, (i) => `RUN apk add x${i}`)}\n`;
      const after = before.replace(/apk add x/g, 'apk add --no-cache x');
      return () => unifiedDiff('Dockerfile', before, after);
    });
  });

  it('a config file of 20k / 80k keys: parsed (the YAML library compares each key with every other unless told not to)', async () => {
    await assertLinear('config file of n keys', 20_000, (n) => {
      const text = `label-schema:\n${lines(n, (i) => `  label${i}: text`)}\n`;
      return () => parseConfig(text, 'big.yaml');
    });
  });
});
