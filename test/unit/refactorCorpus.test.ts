/**
 * Over every real Dockerfile of ../shared/corpus/real: wherever "Split into compile and runtime stages" is offered
 * (on any stage), the result parses, keeps every runtime instruction and adds no Alpinist finding. Prints how often
 * each strategy is offered. Skips with a message when the corpus is not beside the checkout.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseDockerfile } from '../../server/src/dockerfile/model';
import { applyEdits } from '../../server/src/analysis/fixes';
import { splitStage } from '../../server/src/split/splitStages';
import { corpusPath } from '../support/corpus';
import { splitProblems } from '../support/splitChecks';

const directory = corpusPath('real');

describe('real-world corpus: split into compile and runtime stages', function () {
  if (!directory) {
    it('skipped: ../shared/corpus/real is not present');
    return;
  }
  const offered = new Map<string, string[]>();
  after(function () {
    const counts = [...offered.entries()].map(([strategy, files]) => `${strategy} ${files.length}`).join(', ');
    console.log(`\n      split offered: ${counts || 'nowhere'}`);
  });
  for (const file of readdirSync(directory).filter((name) => name !== 'SOURCES.tsv').sort()) {
    it(file, () => {
      const text = readFileSync(path.join(directory, file), 'utf8');
      const model = parseDockerfile(text);
      for (const stage of model.stages) {
        const split = splitStage(model, stage);
        if (!split) continue;
        offered.set(split.strategy, [...(offered.get(split.strategy) ?? []), file]);
        assert.deepEqual(splitProblems(text, applyEdits(text, split.edits), stage.index), [], `stage ${stage.index}`);
      }
    });
  }
});
