import assert from 'node:assert/strict';
import fc from 'fast-check';
import { prefixLength } from '../../server/src/util/prefixLength';

describe('prefixLength', () => {
  it('counts the items before the first that fails the test', () => {
    const cases: [number[], number, number][] = [
      [[], 5, 0],
      [[1], 0, 0],
      [[1], 1, 0],
      [[1], 2, 1],
      [[1, 3, 3, 5], 3, 1],
      [[1, 3, 3, 5], 4, 3],
      [[1, 3, 3, 5], 9, 4],
    ];
    for (const [items, below, expected] of cases) assert.equal(prefixLength(items, (item) => item < below), expected, `${items} < ${below}`);
  });

  it('agrees with a linear scan on sorted arrays', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -50, max: 50 })), fc.integer({ min: -60, max: 60 }), (values, limit) => {
        const sorted = [...values].sort((a, b) => a - b);
        const linear = sorted.filter((value) => value <= limit).length;
        assert.equal(prefixLength(sorted, (value) => value <= limit), linear);
      }),
    );
  });
});
