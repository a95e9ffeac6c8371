/**
 * `memoOn`: one value per owner and key, invisible to copies; and the rule that keeps memos out of module-level
 * WeakMaps (see server/src/util/memo.ts for why).
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { memoOn } from '../../server/src/util/memo';

describe('memoOn', () => {
  const A = Symbol('a');
  const B = Symbol('b');

  it('makes each value once per owner and key, undefined and null included', () => {
    const owner = { x: 1 };
    let made = 0;
    const make = (value: unknown) => () => (made++, value);
    assert.equal(memoOn(owner, A, make(undefined)), undefined);
    assert.equal(memoOn(owner, A, make('other')), undefined);
    assert.equal(memoOn(owner, B, make(null)), null);
    assert.equal(memoOn(owner, B, make('other')), null);
    assert.equal(memoOn([1, 2], A, make(3)), 3);
    assert.equal(made, 3);
  });

  it('is not copied by a spread, listed by Object.keys or JSON, and leaves arrays arrays', () => {
    const owner = { x: 1 };
    memoOn(owner, A, () => 'kept');
    const copy = { ...owner };
    assert.equal(memoOn(copy, A, () => 'fresh'), 'fresh');
    assert.deepEqual(Object.keys(owner), ['x']);
    assert.equal(JSON.stringify(owner), '{"x":1}');
    const list = [1, 2, 3];
    memoOn(list, A, () => 'kept');
    assert.deepEqual([...list], [1, 2, 3]);
    assert.ok(Array.isArray(list));
  });
});

describe('memos stay out of module-level WeakMaps', () => {
  it('no `new WeakMap` or `new WeakSet` in server/src', () => {
    const root = path.join(__dirname, '..', '..', 'server', 'src');
    const found: string[] = [];
    const visit = (directory: string): void => {
      for (const entry of readdirSync(directory, { withFileTypes: true })) {
        const full = path.join(directory, entry.name);
        if (entry.isDirectory()) visit(full);
        else if (entry.name.endsWith('.ts') && /new Weak(?:Map|Set)\b/.test(readFileSync(full, 'utf8'))) found.push(path.relative(root, full));
      }
    };
    visit(root);
    assert.deepEqual(found, [], 'use memoOn (server/src/util/memo.ts): a module-level WeakMap keeps every lint alive through young collections');
  });
});
