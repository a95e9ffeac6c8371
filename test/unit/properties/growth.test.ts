/**
 * Growth tests: each path that once was quadratic is timed at n and 4n. Linear work grows about 4×, quadratic 16×;
 * a growth above 10× fails. Why not absolute times: the machine's speed varies; the ratio does not (a growth over
 * the limit is measured again, up to three times, before failing, so a burst of load on one size does not fail it).
 */
import assert from 'node:assert/strict';
import { performance } from 'node:perf_hooks';
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
 * (twice in a row) was read as quadratic growth.
 */
const collectGarbage: () => void = (globalThis as { gc?: () => void }).gc ?? ((): void => undefined);

/** The shortest of three timings of `work`. */
function timeOf(work: () => void): number {
  let best = Infinity;
  for (let run = 0; run < 3; run++) {
    collectGarbage();
    const started = performance.now();
    work();
    best = Math.min(best, performance.now() - started);
  }
  return best;
}

/** Fails when `work(4n)` takes more than LIMIT × `work(n)`, on every one of ATTEMPTS measurements. */
function assertLinear(label: string, n: number, prepare: (size: number) => () => void): void {
  const small = prepare(n);
  const large = prepare(4 * n);
  small();
  large();
  let growth = Infinity;
  let times = '';
  for (let attempt = 0; attempt < ATTEMPTS && growth > LIMIT; attempt++) {
    const largeMs = timeOf(large);
    const smallMs = timeOf(small);
    growth = largeMs / Math.max(smallMs, 0.5);
    times += ` ${smallMs.toFixed(1)} → ${largeMs.toFixed(1)} ms;`;
  }
  assert.ok(growth <= LIMIT, `${label}: ${growth.toFixed(1)}× from n = ${n} to ${4 * n} (${times.trim()})`);
}

const lines = (count: number, line: (index: number) => string): string => Array.from({ length: count }, (_, index) => line(index)).join('\n');

describe('growth: paths that must stay linear', function () {
  this.timeout(300_000);

  it('one RUN of n `&&`-joined apk adds: analysed, and cut into steps', () => {
    assertLinear('RUN of n adds', 1000, (n) => {
      const text = `FROM alpine:3.20\nRUN ${lines(n, (i) => `apk add --no-cache p${i}`).split('\n').join(' && ')}\n`;
      return () => analyze(text);
    });
    // Why apart: the steps are a small part of an analysis until n is in the tens of thousands.
    assertLinear('steps of a RUN of n adds', 4000, (n) => {
      const model = parseDockerfile(`FROM alpine:3.20\nRUN ${lines(n, (i) => `apk add p${i}`).split('\n').join(' && ')}\n`);
      // Why eight times: one cut takes a few milliseconds, where a single young collection would decide the ratio.
      return () => {
        for (let repeat = 0; repeat < 8; repeat++) stepsOf(model, model.runs[0]);
      };
    });
  });

  it('n ENV V$i / RUN echo $V$i pairs: validated (the base validation resolves every variable), opened and edited', () => {
    assertLinear('validation of ENV/$V pairs', 2000, (n) => {
      const text = `FROM alpine:3.20\n${lines(n, (i) => `ENV V${i}=x\nRUN echo $V${i}`)}\n`;
      return () => withArgumentScansKept(() => validateParsed(parseInChunks(text, undefined, Number.MAX_SAFE_INTEGER)));
    });
    assertLinear('ENV/$V pairs', 500, (n) => {
      const text = `FROM alpine:3.20\n${lines(n, (i) => `ENV V${i}=x\nRUN echo $V${i}`)}\n`;
      const edited = text.replace('ENV V0=x', 'ENV V0=y');
      return () => {
        const linter = createDocumentLinter();
        linter.lint(text);
        linter.lint(edited);
      };
    });
  });

  it('n ENV lines, each reading the one before (the names set before each instruction, for variable-require-defined)', () => {
    assertLinear('ENV chain', 1500, (n) => {
      const text = `FROM scratch\nENV V0=x\n${lines(n, (i) => `ENV V${i + 1}=$V${i}`)}\n`;
      return () => analyze(text, { ruleSeverities: Object.fromEntries(allRules.map((rule) => [rule.id, rule.id === 'variable-require-defined' ? 'warning' : 'off'])) });
    });
  });

  it('a suppression comment with n ids', () => {
    assertLinear('suppression ids', 5000, (n) => {
      const text = `FROM alpine:3.20\n# alpinist ignore=${lines(n, (i) => `r${i}`).split('\n').join(',')}\nRUN apk add curl\n`;
      return () => analyze(text);
    });
  });

  it('n stages', () => {
    assertLinear('stages', 250, (n) => {
      const text = `${lines(n, (i) => `FROM alpine:3.20 AS s${i}\nRUN apk add curl`)}\n`;
      return () => createDocumentLinter().lint(text);
    });
  });

  it('the fixes of n apk adds in one RUN, combined', () => {
    assertLinear('combined fixes', 1000, (n) => {
      const text = `FROM alpine:3.20\nRUN ${lines(n, (i) => `apk add p${i}`).split('\n').join(' && ')}\n`;
      const fixes = analyze(text).findings.flatMap((finding) => finding.fixes);
      return () => combineFixes(fixes);
    });
  });

  it('the --fix-dry-run diff of n changed lines', () => {
    assertLinear('diff', 2500, (n) => {
      const before = `FROM alpine:3.20\n${lines(n, (i) => `RUN apk add x${i}`)}\n`;
      const after = before.replace(/apk add x/g, 'apk add --no-cache x');
      return () => unifiedDiff('Dockerfile', before, after);
    });
  });

  it('a config file of 20k / 80k keys: parsed (the YAML library compares each key with every other unless told not to)', () => {
    assertLinear('config file of n keys', 20_000, (n) => {
      const text = `label-schema:\n${lines(n, (i) => `  label${i}: text`)}\n`;
      return () => parseConfig(text, 'big.yaml');
    });
  });
});
