/**
 * Table tests for rules. Each invalid case marks expected diagnostics with `«…»`; the tester runs the production
 * pipeline (parse → shell → rule → findings), checks ranges and messages, applies fixes and compares the text.
 * Every case also runs with CRLF line endings and under suppression comments, automatically.
 */
import assert from 'node:assert/strict';
import { DockerfileParser } from 'dockerfile-ast';
import { analyze, type ResolvedFinding } from '../../server/src/analysis/analysis';
import { parseDockerfile } from '../../server/src/dockerfile/model';
import { applyEdits, combineFixes } from '../../server/src/analysis/fixes';
import { allRules } from '../../server/src/rules';
import type { AlpineDataView } from '../../server/src/knowledge/alpineData';
import type { Rule, RuleOptions, Severity } from '../../server/src/rules/rule';
import { formatRange, stripMarkers } from './markers';

export const TEST_TODAY = '2026-11-26';

export interface ValidCase {
  readonly name?: string;
  readonly code: string;
  /** Team settings passed to the rule as `context.options` (trusted registries, label schema). */
  readonly options?: RuleOptions;
  /** The text of the build context's `.dockerignore`. */
  readonly dockerignore?: string;
  /** Alpine data passed to the rule as `context.alpineData` (package indexes, release table). */
  readonly alpineData?: AlpineDataView;
}

export interface InvalidCase {
  readonly name: string;
  /** Dockerfile with `«…»` around every expected diagnostic range. */
  readonly code: string;
  /** The text after applying every safe fix once, or null when no safe fix is offered. */
  readonly output: string | null;
  /** Suggestions (non-safe fixes) by title, each applied alone. */
  readonly suggestions?: readonly { readonly title: string; readonly output: string }[];
  readonly messageIncludes?: string;
  readonly severity?: Severity;
  /** Skip the automatic suppression variant (e.g. when the finding is on a comment line). */
  readonly skipSuppressionVariant?: boolean;
  /** Team settings passed to the rule as `context.options` (trusted registries, label schema). */
  readonly options?: RuleOptions;
  /** The text of the build context's `.dockerignore`. */
  readonly dockerignore?: string;
  /** Alpine data passed to the rule as `context.alpineData` (package indexes, release table). */
  readonly alpineData?: AlpineDataView;
}

export interface RuleTests {
  readonly valid: readonly (string | ValidCase)[];
  readonly invalid: readonly InvalidCase[];
}

/** Runs only `rule` (at its default severity, or `warning` when it is off by default). */
export function findingsOf(rule: Rule, text: string, ruleOptions?: RuleOptions, dockerignore?: string, alpineData?: AlpineDataView): ResolvedFinding[] {
  const ruleSeverities = Object.fromEntries(allRules.map((other) => [other.id, other.id === rule.id ? (rule.defaultSeverity === 'off' ? 'warning' : undefined) : 'off']).filter(([, value]) => value !== undefined));
  const analysis = analyze(text, { ruleSeverities, today: TEST_TODAY, ruleOptions, dockerignore, alpineData });
  assert.deepEqual(analysis.failures, [], 'rule threw');
  const findings = analysis.findings.filter((finding) => finding.ruleId === rule.id) as ResolvedFinding[];
  if (rule.requires) {
    // The shortcut must never hide a finding: the rule run on the file whatever it contains finds the same.
    const everywhere = analyze(text, { ruleSeverities, today: TEST_TODAY, ruleOptions, dockerignore, alpineData, ignoreRequirements: true });
    const summary = (list: readonly ResolvedFinding[]): string[] => list.filter((finding) => finding.ruleId === rule.id).map((finding) => `${formatRange(finding.range)} ${finding.message}`);
    assert.deepEqual(summary(everywhere.findings as ResolvedFinding[]), summary(findings), `\`requires\` of ${rule.id} hides findings`);
  }
  return findings;
}

const toCrlf = (text: string): string => text.replace(/\r?\n/g, '\r\n');

function assertParses(text: string, context: string): void {
  assert.doesNotThrow(() => DockerfileParser.parse(text), `${context}: fixed text does not parse`);
  assert.doesNotThrow(() => parseDockerfile(text), `${context}: fixed text breaks the model`);
}

function checkInvalid(rule: Rule, testCase: InvalidCase, lineEnding: 'LF' | 'CRLF'): void {
  const convert = lineEnding === 'CRLF' ? toCrlf : (text: string) => text;
  const { text, ranges } = stripMarkers(convert(testCase.code));
  const findings = findingsOf(rule, text, testCase.options, testCase.dockerignore, testCase.alpineData);
  assert.deepEqual(
    findings.map((finding) => formatRange(finding.range)),
    ranges.map(formatRange),
    `ranges (${lineEnding}); messages: ${findings.map((finding) => finding.message).join(' | ')}`,
  );
  for (const finding of findings) {
    if (testCase.messageIncludes) assert.ok(finding.message.includes(testCase.messageIncludes), `message "${finding.message}" lacks "${testCase.messageIncludes}"`);
    assert.match(finding.message, /\.$/, 'messages end with a period');
    if (testCase.severity) assert.equal(finding.severity, testCase.severity);
  }
  const safe = findings.flatMap((finding) => finding.fixes.filter((fix) => fix.kind === 'safe'));
  if (testCase.output === null) {
    assert.equal(safe.length, 0, `expected no safe fix, got: ${safe.map((fix) => fix.title).join(', ')}`);
  } else {
    assert.ok(safe.length > 0, 'expected a safe fix');
    const fixed = applyEdits(text, combineFixes(safe));
    assert.equal(fixed, convert(testCase.output), `safe fix output (${lineEnding})`);
    assertParses(fixed, testCase.name);
    assert.ok(findingsOf(rule, fixed, testCase.options, testCase.dockerignore, testCase.alpineData).length < findings.length, 'the safe fix must remove its own diagnostics');
  }
  for (const suggestion of testCase.suggestions ?? []) {
    const fix = findings.flatMap((finding) => finding.fixes).find((candidate) => candidate.title === suggestion.title);
    assert.ok(fix, `no fix titled "${suggestion.title}"; titles: ${findings.flatMap((finding) => finding.fixes.map((candidate) => candidate.title)).join(' | ')}`);
    const fixed = applyEdits(text, fix.edits);
    assert.equal(fixed, convert(suggestion.output), `suggestion "${suggestion.title}" (${lineEnding})`);
    assertParses(fixed, `${testCase.name} / ${suggestion.title}`);
  }
}

/** Inserts `# <tool> ignore=<id>` above every instruction that holds an expected finding. */
function withSuppressions(code: string, pragma: string): string {
  const { text, ranges } = stripMarkers(code);
  const model = parseDockerfile(text);
  const lines = text.split('\n');
  const targetLines = new Set<number>();
  for (const range of ranges) {
    const offset = model.document.offsetAt(range.start);
    const instruction = model.instructions.find((candidate) => candidate.start <= offset && offset <= candidate.end);
    const line = instruction ? model.document.positionAt(instruction.start).line : range.start.line;
    targetLines.add(line);
  }
  const result: string[] = [];
  lines.forEach((line, index) => {
    if (targetLines.has(index)) result.push(`${/^\s*/.exec(line)?.[0] ?? ''}# ${pragma}`);
    result.push(line);
  });
  return result.join('\n');
}

export const ruleTester = {
  run(rule: Rule, tests: RuleTests): void {
    describe(rule.id, () => {
      for (const [index, entry] of tests.valid.entries()) {
        const testCase = typeof entry === 'string' ? { code: entry } : entry;
        it(`valid: ${testCase.name ?? `#${index + 1} ${JSON.stringify(testCase.code.slice(0, 60))}`}`, () => {
          for (const text of [testCase.code, toCrlf(testCase.code)]) {
            const findings = findingsOf(rule, text, testCase.options, testCase.dockerignore, testCase.alpineData);
            assert.deepEqual(findings.map((finding) => `${formatRange(finding.range)} ${finding.message}`), []);
          }
        });
      }
      for (const testCase of tests.invalid) {
        it(`invalid: ${testCase.name}`, () => checkInvalid(rule, testCase, 'LF'));
        it(`invalid: ${testCase.name} (CRLF)`, () => checkInvalid(rule, testCase, 'CRLF'));
        if (!testCase.skipSuppressionVariant) {
          it(`invalid: ${testCase.name} (suppressed)`, () => {
            const pragmas = [`alpinist ignore=${rule.id}`, ...(rule.hadolint ?? []).map((code) => `hadolint ignore=${code}`)];
            for (const pragma of pragmas) {
              const suppressed = withSuppressions(testCase.code, pragma);
              assert.deepEqual(findingsOf(rule, suppressed, testCase.options, testCase.dockerignore, testCase.alpineData).map((finding) => formatRange(finding.range)), [], `under "# ${pragma}"`);
            }
          });
        }
      }
    });
  },
};
