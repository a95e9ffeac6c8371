/**
 * The stage split that prefer-multi-stage-build and apk-virtual-prefer-multi-stage attach to their findings is made
 * when the fixes are read (code actions, `--fix`, JSON and SARIF), not during the lint that publishes diagnostics.
 */
import assert from 'node:assert/strict';
import { analyze } from '../../../server/src/analysis/analysis';
import { SPLIT_TITLE } from '../../../server/src/split/splitStages';

const DOCKERFILE = 'FROM alpine:3.20\nWORKDIR /app\nCOPY . .\nRUN apk add --no-cache build-base\nRUN apk add --no-cache --virtual .build-deps python3 py3-pip gcc musl-dev python3-dev \\\n  && pip install --break-system-packages -r requirements.txt \\\n  && apk del .build-deps\nCMD ["python3", "app.py"]\n';

describe('split fixes are made on first read', () => {
  for (const ruleId of ['prefer-multi-stage-build', 'apk-virtual-prefer-multi-stage']) {
    it(ruleId, () => {
      const finding = analyze(DOCKERFILE).findings.find((candidate) => candidate.ruleId === ruleId);
      assert.ok(finding, `${ruleId} reports the example`);
      const descriptor = Object.getOwnPropertyDescriptor(finding, 'fixes');
      assert.equal(typeof descriptor?.get, 'function', 'the fixes are a getter until read');
      assert.equal(descriptor?.enumerable, true, 'JSON output and spreads still see them');
      const first = finding.fixes;
      assert.deepEqual(first.map((fix) => [fix.title, fix.kind]), [[SPLIT_TITLE, 'suggestion']]);
      assert.equal(finding.fixes, first, 'made once');
      assert.ok(JSON.parse(JSON.stringify(finding)).fixes[0].edits.length > 0);
    });
  }

  it('both rules share one split of the stage', () => {
    const findings = analyze(DOCKERFILE).findings.filter((candidate) => candidate.ruleId === 'prefer-multi-stage-build' || candidate.ruleId === 'apk-virtual-prefer-multi-stage');
    const edits = new Set(findings.map((finding) => finding.fixes[0]?.edits));
    assert.equal(edits.size, 1);
  });
});
