/**
 * Suppression comments: what `findSuppressions` reads, what `analyze()` silences with them, and the
 * `no-unused-suppression` findings for entries that silence nothing.
 * Note: only `apk-prefer-no-cache` (hadolint DL3019) and `no-unused-suppression` run here, so other rules
 * changing cannot change these expectations.
 */
import assert from 'node:assert/strict';
import { DiagnosticTag } from 'vscode-languageserver-types';
import { analyze, type Analysis } from '../../server/src/analysis/analysis';
import { parseDockerfile } from '../../server/src/dockerfile/model';
import { applyEdits } from '../../server/src/analysis/fixes';
import { allRules } from '../../server/src/rules';
import type { SeveritySetting } from '../../server/src/rules/rule';
import { suppressionsOf } from '../../server/src/dockerfile/pragmas';
import { formatRange } from '../support/markers';

const RULE = 'apk-prefer-no-cache';
const UNUSED = 'no-unused-suppression';

function analyzeWith(text: string, overrides: Record<string, SeveritySetting> = {}, suppressionComments?: boolean): Analysis {
  const ruleSeverities: Record<string, SeveritySetting> = Object.fromEntries(
    allRules.map((rule) => [rule.id, rule.id === RULE || rule.id === UNUSED ? rule.defaultSeverity : 'off']),
  );
  return analyze(text, { ruleSeverities: { ...ruleSeverities, ...overrides }, today: '2026-11-26', suppressionComments });
}

/** `ruleId@range` of every finding. */
function findingsOf(text: string, overrides?: Record<string, SeveritySetting>): string[] {
  return analyzeWith(text, overrides).findings.map((finding) => `${finding.ruleId}@${formatRange(finding.range)}`);
}

describe('findSuppressions', () => {
  const cases: { name: string; code: string; expected: { tool: string; scope: string; ids: string[]; target: string | undefined }[] }[] = [
    {
      name: 'next instruction',
      code: 'FROM alpine\n# alpinist ignore=apk-prefer-no-cache\nRUN apk add x\nRUN apk add y',
      expected: [{ tool: 'alpinist', scope: 'next', ids: ['apk-prefer-no-cache'], target: 'RUN apk add x' }],
    },
    {
      name: 'blank lines and other comments in between',
      code: 'FROM alpine\n# alpinist ignore=a\n\n# why: because\n\nRUN apk add x',
      expected: [{ tool: 'alpinist', scope: 'next', ids: ['a'], target: 'RUN apk add x' }],
    },
    {
      name: 'ids separated by commas and spaces, a trailing # reason, spaces around =',
      code: 'FROM alpine\n  #alpinist ignore = a, b ,c  # reason: vendored\nRUN x',
      expected: [{ tool: 'alpinist', scope: 'next', ids: ['a', 'b', 'c'], target: 'RUN x' }],
    },
    {
      name: 'stage scope before a FROM covers that stage only',
      code: 'FROM alpine AS a\nRUN x\n# alpinist stage ignore=a\nFROM alpine\nRUN y\nFROM alpine',
      expected: [{ tool: 'alpinist', scope: 'stage', ids: ['a'], target: 'FROM alpine\nRUN y\n' }],
    },
    {
      name: 'stage scope with only comments between it and the FROM',
      code: '# hadolint stage ignore=DL3019\n# why: a build stage\n\nFROM alpine\nRUN y\nFROM alpine',
      expected: [{ tool: 'hadolint', scope: 'stage', ids: ['DL3019'], target: 'FROM alpine\nRUN y\n' }],
    },
    {
      name: 'stage scope not right before a FROM covers nothing (hadolint 2.15)',
      code: 'FROM alpine\n# hadolint stage ignore=DL3019\nRUN y\nFROM alpine\nRUN z',
      expected: [{ tool: 'hadolint', scope: 'stage', ids: ['DL3019'], target: undefined }],
    },
    {
      name: 'global scope covers the file',
      code: 'FROM alpine\n# alpinist global ignore=a\nRUN x',
      expected: [{ tool: 'alpinist', scope: 'global', ids: ['a'], target: 'FROM alpine\n# alpinist global ignore=a\nRUN x' }],
    },
    {
      name: 'hadolint pragmas, also on the first line where they look like a parser directive',
      code: '# hadolint ignore=DL3019,DL3018\nRUN apk add x',
      expected: [{ tool: 'hadolint', scope: 'next', ids: ['DL3019', 'DL3018'], target: 'RUN apk add x' }],
    },
    {
      name: 'a pragma with nothing after it covers nothing',
      code: 'FROM alpine\n# alpinist ignore=a\n',
      expected: [{ tool: 'alpinist', scope: 'next', ids: ['a'], target: undefined }],
    },
    {
      name: 'a pragma inside a continuation or a heredoc is part of the instruction',
      code: 'FROM alpine\nRUN a && \\\n# alpinist ignore=a\n  b\nRUN <<EOF\n# alpinist ignore=b\nc\nEOF',
      expected: [],
    },
    {
      name: 'a pragma after an instruction on the same line is shell, not a comment',
      code: 'FROM alpine\nRUN x # alpinist ignore=a',
      expected: [],
    },
    {
      name: 'other comments are not pragmas',
      code: '# alpinist is great\n# ignore=a\n# hadolint-ignore=DL3019\nFROM alpine',
      expected: [],
    },
  ];
  for (const { name, code, expected } of cases) {
    it(name, () => {
      const model = parseDockerfile(code);
      assert.deepEqual(
        suppressionsOf(model).map((suppression) => ({
          tool: suppression.tool,
          scope: suppression.scope,
          ids: suppression.ids.map((id) => id.id),
          target: suppression.target && code.slice(suppression.target.start, suppression.target.end),
        })),
        expected,
      );
    });
  }

  it('records the offsets of each id', () => {
    const code = 'FROM alpine\n# alpinist ignore=a, bc\nRUN x';
    const [suppression] = suppressionsOf(parseDockerfile(code));
    assert.deepEqual(suppression.ids.map((id) => code.slice(id.start, id.end)), ['a', 'bc']);
    assert.equal(code.slice(suppression.start, suppression.end), '# alpinist ignore=a, bc');
  });
});

describe('analyze: suppressions silence findings', () => {
  const cases: { name: string; code: string; findings: string[] }[] = [
    { name: 'no suppression', code: 'FROM alpine\nRUN apk add x', findings: [`${RULE}@1:4-1:11`] },
    { name: 'next instruction only', code: 'FROM alpine\n# alpinist ignore=apk-prefer-no-cache\nRUN apk add x\nRUN apk add y', findings: [`${RULE}@3:4-3:11`] },
    {
      name: 'a finding on a continuation line of the next instruction',
      code: 'FROM alpine\n# alpinist ignore=apk-prefer-no-cache\nRUN echo && \\\n  apk add x',
      findings: [],
    },
    { name: 'comments and blank lines in between', code: 'FROM alpine\n# alpinist ignore=apk-prefer-no-cache\n\n# why\nRUN apk add x', findings: [] },
    { name: 'CRLF', code: 'FROM alpine\r\n# alpinist ignore=apk-prefer-no-cache\r\n\r\nRUN apk add x\r\n', findings: [] },
    { name: 'ONBUILD RUN', code: 'FROM alpine\n# alpinist ignore=apk-prefer-no-cache\nONBUILD RUN apk add x', findings: [] },
    { name: 'ids with spaces and a reason', code: 'FROM alpine\n# alpinist ignore=from-require-pinned-tag, apk-prefer-no-cache  # reason\nRUN apk add x', findings: [] },
    { name: 'all', code: 'FROM alpine\n# alpinist ignore=all\nRUN apk add x', findings: [] },
    { name: 'hadolint code of the rule', code: 'FROM alpine\n# hadolint ignore=DL3019\nRUN apk add x', findings: [] },
    {
      name: 'a hadolint code of another rule does not silence this one',
      code: 'FROM alpine\n# hadolint ignore=DL3018\nRUN apk add x',
      findings: [`${RULE}@2:4-2:11`],
    },
    {
      name: 'stage scope',
      code: '# alpinist stage ignore=apk-prefer-no-cache\nFROM alpine\nRUN apk add x\nFROM alpine\nRUN apk add y',
      findings: [`${RULE}@4:4-4:11`],
    },
    {
      name: 'a misplaced stage pragma silences nothing and is a hint',
      code: 'FROM alpine\n# hadolint stage ignore=DL3019\nRUN apk add x',
      findings: [`${UNUSED}@1:24-1:30`, `${RULE}@2:4-2:11`],
    },
    {
      name: 'global scope',
      code: 'FROM alpine\nRUN apk add x\n# alpinist global ignore=apk-prefer-no-cache\nFROM alpine\nRUN apk add y',
      findings: [],
    },
    {
      name: 'a pragma inside a continuation does nothing',
      code: 'FROM alpine\nRUN echo && \\\n# alpinist ignore=apk-prefer-no-cache\n  apk add x',
      findings: [`${RULE}@3:2-3:9`],
    },
    {
      name: 'a pragma before FROM covers the FROM, not the RUN after it',
      code: '# alpinist ignore=apk-prefer-no-cache\nFROM alpine\nRUN apk add x',
      findings: [`${UNUSED}@0:18-0:37`, `${RULE}@2:4-2:11`],
    },
  ];
  for (const { name, code, findings } of cases) {
    it(name, () => assert.deepEqual(findingsOf(code), findings));
  }
});

describe('analyze: suppression comments turned off (hadolint’s disable-ignore-pragma)', () => {
  const cases: { name: string; code: string; findings: string[] }[] = [
    { name: 'alpinist, next instruction', code: 'FROM alpine\n# alpinist ignore=apk-prefer-no-cache\nRUN apk add x', findings: [`${RULE}@2:4-2:11`] },
    { name: 'hadolint code', code: 'FROM alpine\n# hadolint ignore=DL3019\nRUN apk add x', findings: [`${RULE}@2:4-2:11`] },
    { name: 'global scope', code: '# alpinist global ignore=all\nFROM alpine\nRUN apk add x', findings: [`${RULE}@2:4-2:11`] },
    { name: 'stage scope', code: '# hadolint stage ignore=DL3019\nFROM alpine\nRUN apk add x', findings: [`${RULE}@2:4-2:11`] },
    // Plain comments now: not reported as unused either.
    { name: 'a comment that would be unused', code: 'FROM alpine\n# alpinist ignore=apk-prefer-no-cache\nRUN apk add --no-cache x', findings: [] },
  ];
  for (const { name, code, findings } of cases) {
    it(name, () => {
      const analysis = analyzeWith(code, {}, false);
      assert.deepEqual(analysis.findings.map((finding) => `${finding.ruleId}@${formatRange(finding.range)}`), findings);
      assert.deepEqual(analysis.suppressions, []);
    });
  }
});

describe('analyze: no-unused-suppression', () => {
  const cases: { name: string; code: string; range: string; message: string; output: string }[] = [
    {
      name: 'an id that silences nothing; the fix removes the line',
      code: 'FROM alpine\n# alpinist ignore=apk-prefer-no-cache\nRUN apk add --no-cache x',
      range: '1:18-1:37',
      message: '`apk-prefer-no-cache` reports nothing here, so this suppression is unused.',
      output: 'FROM alpine\nRUN apk add --no-cache x',
    },
    {
      name: 'an unknown id',
      code: 'FROM alpine\n# alpinist ignore=no-such-rule\nRUN apk add --no-cache x',
      range: '1:18-1:30',
      message: '`no-such-rule` is not an Alpinist rule, so this suppression does nothing.',
      output: 'FROM alpine\nRUN apk add --no-cache x',
    },
    {
      name: 'a hadolint code of a rule Alpinist checks',
      code: 'FROM alpine\n# hadolint ignore=DL3019\nRUN apk add --no-cache x',
      range: '1:18-1:24',
      message: '`DL3019` (Alpinist `apk-prefer-no-cache`) reports nothing here, so this suppression is unused.',
      output: 'FROM alpine\nRUN apk add --no-cache x',
    },
    {
      name: 'a pragma with nothing after it',
      code: 'FROM alpine\n# alpinist ignore=apk-prefer-no-cache\r\n',
      range: '1:18-1:37',
      message: '`apk-prefer-no-cache` reports nothing here, so this suppression is unused.',
      output: 'FROM alpine\n',
    },
    {
      name: 'the first of several ids: the fix removes it and its comma',
      code: 'FROM alpine\n# alpinist ignore=nope, apk-prefer-no-cache\nRUN apk add x',
      range: '1:18-1:22',
      message: '`nope` is not an Alpinist rule, so this suppression does nothing.',
      output: 'FROM alpine\n# alpinist ignore=apk-prefer-no-cache\nRUN apk add x',
    },
    {
      name: 'the last of several ids: the fix removes it and the comma before it',
      code: 'FROM alpine\n# alpinist ignore=apk-prefer-no-cache,nope  # reason\nRUN apk add x',
      range: '1:38-1:42',
      message: '`nope` is not an Alpinist rule, so this suppression does nothing.',
      output: 'FROM alpine\n# alpinist ignore=apk-prefer-no-cache  # reason\nRUN apk add x',
    },
  ];
  for (const { name, code, range, message, output } of cases) {
    it(name, () => {
      const findings = analyzeWith(code).findings;
      assert.deepEqual(findings.map((finding) => [finding.ruleId, formatRange(finding.range), finding.message]), [[UNUSED, range, message]]);
      const [finding] = findings;
      assert.equal(finding.severity, 'hint');
      assert.deepEqual(finding.tags, [DiagnosticTag.Unnecessary]);
      assert.deepEqual(finding.fixes.map((fix) => fix.kind), ['safe']);
      assert.equal(applyEdits(code, finding.fixes[0].edits), output);
    });
  }

  it('reports every unused id of one comment', () => {
    const code = 'FROM alpine\n# alpinist ignore=nope, apk-prefer-no-cache, other\nRUN apk add --no-cache x';
    assert.deepEqual(findingsOf(code), [`${UNUSED}@1:18-1:22`, `${UNUSED}@1:24-1:43`, `${UNUSED}@1:45-1:50`]);
  });

  it('does not report ids of rules that are turned off', () => {
    const code = 'FROM alpine\n# alpinist ignore=apk-prefer-no-cache,from-require-pinned-tag\n# hadolint ignore=DL3019\nRUN apk add --no-cache x';
    assert.deepEqual(findingsOf(code, { [RULE]: 'off' }), []);
  });

  it('does not report hadolint codes Alpinist does not check, nor `all`', () => {
    assert.deepEqual(findingsOf('FROM alpine\n# hadolint ignore=DL9999\n# alpinist ignore=all\nRUN apk add --no-cache x'), []);
  });

  it('is silent when no-unused-suppression itself is off, and follows its configured severity', () => {
    const code = 'FROM alpine\n# alpinist ignore=nope\nRUN apk add --no-cache x';
    assert.deepEqual(findingsOf(code, { [UNUSED]: 'off' }), []);
    assert.deepEqual(analyzeWith(code, { [UNUSED]: 'warning' }).findings.map((finding) => finding.severity), ['warning']);
  });

  it('an id used by one instruction is not reported', () => {
    const code = 'FROM alpine\n# alpinist global ignore=apk-prefer-no-cache\nRUN apk add x\nRUN apk add --no-cache y';
    assert.deepEqual(findingsOf(code), []);
  });
});
