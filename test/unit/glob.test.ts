/** VS Code glob patterns (`files.exclude`, `--exclude`) against relative paths. */
import assert from 'node:assert/strict';
import { anyGlobMatcher, globMatcher, MAX_GLOB_ALTERNATIVES } from '../../server/src/util/glob';

describe('glob patterns', () => {
  const cases: [pattern: string, matches: string[], misses: string[]][] = [
    ['**/node_modules', ['node_modules', 'a/node_modules', 'a/b/node_modules'], ['node_modules2', 'a/node_modules/x', 'xnode_modules']],
    ['build', ['build'], ['a/build', 'builds']],
    ['*.Dockerfile', ['x.Dockerfile', '.Dockerfile'], ['a/x.Dockerfile', 'x.Dockerfile.bak']],
    ['**/*.Dockerfile', ['x.Dockerfile', 'a/b/x.Dockerfile'], ['x.dockerfile']],
    ['a/**/b', ['a/b', 'a/x/b', 'a/x/y/b'], ['b', 'x/a/b', 'a/b/c']],
    ['a/**', ['a/x', 'a/x/y', 'a'], ['b/x']],
    ['Dockerfile.?', ['Dockerfile.a'], ['Dockerfile.', 'Dockerfile.ab']],
    ['**/{legacy,old}/*', ['legacy/Dockerfile', 'x/old/Dockerfile'], ['legacy', 'new/Dockerfile', 'legacy/a/Dockerfile']],
    ['{a,b{c,d}}', ['a', 'bc', 'bd'], ['b', 'ab']],
    ['[ab]x', ['ax', 'bx'], ['cx', 'x']],
    ['[!ab]x', ['cx'], ['ax', 'x']],
    ['[a-c]', ['a', 'b', 'c'], ['d']],
    ['*a*b*c', ['abc', 'xaxbxc', 'aabbcc'], ['acb', 'abcx']],
    ['/rooted/', ['rooted'], ['x/rooted']],
    ['{unclosed', ['{unclosed'], ['unclosed']],
    ['[unclosed', ['[unclosed'], ['u']],
  ];
  for (const [pattern, matches, misses] of cases) {
    it(pattern, () => {
      const matcher = globMatcher(pattern);
      for (const path of matches) assert.equal(matcher(path), true, `${pattern} should match ${path}`);
      for (const path of misses) assert.equal(matcher(path), false, `${pattern} should not match ${path}`);
    });
  }

  it('an empty pattern matches nothing; any of several patterns', () => {
    assert.equal(globMatcher('  ')('x'), false);
    assert.equal(anyGlobMatcher([])('x'), false);
    assert.equal(anyGlobMatcher(['a', 'b'])('b'), true);
  });

  it('bounds brace expansion and stays fast on hostile patterns', () => {
    const pattern = '{a,b}'.repeat(40);
    const started = performance.now();
    assert.equal(globMatcher(pattern)('ab'.repeat(20)), false);
    assert.equal(globMatcher(`${'*a'.repeat(50)}b`)('a'.repeat(5000)), false);
    assert.equal(globMatcher(`${'**/'.repeat(50)}x`)(`${'a/'.repeat(500)}y`), false);
    assert.ok(performance.now() - started < 2000);
    assert.ok(MAX_GLOB_ALTERNATIVES <= 256);
  });
});
