/**
 * Glob patterns as VS Code writes them (`files.exclude`): `*` and `?` within one path segment, `**` for any number of
 * segments, `{a,b}` alternatives and `[abc]` / `[!a-z]` classes, matched against a path relative to a folder with `/`
 * separators. Why not regular expressions: a pattern is user input, and this matcher is linear per segment pair.
 */

/** A predicate over relative paths (`a/b/Dockerfile`). */
export type GlobMatcher = (relativePath: string) => boolean;

/** Alternatives a pattern may expand to; the rest are dropped (a real `files.exclude` entry has a handful). */
export const MAX_GLOB_ALTERNATIVES = 256;

type Token = { readonly kind: 'star' } | { readonly kind: 'any' } | { readonly kind: 'char'; readonly char: string } | { readonly kind: 'class'; readonly negated: boolean; readonly ranges: readonly (readonly [string, string])[] };

/** `**`, or the tokens of one segment. */
type Segment = 'globstar' | readonly Token[];

/** A matcher for `pattern`; an empty pattern matches nothing. */
export function globMatcher(pattern: string): GlobMatcher {
  let trimmed = pattern.trim();
  while (trimmed.startsWith('/')) trimmed = trimmed.slice(1);
  while (trimmed.endsWith('/')) trimmed = trimmed.slice(0, -1);
  if (trimmed === '') return () => false;
  const compiled = expandBraces(trimmed).map((alternative) => alternative.split('/').filter((part) => part !== '').map(compileSegment));
  return (relativePath) => {
    const parts = relativePath.split('/').filter((part) => part !== '');
    return compiled.some((segments) => matchSegments(segments, parts));
  };
}

/** True when any pattern of `patterns` matches. */
export function anyGlobMatcher(patterns: readonly string[]): GlobMatcher {
  const matchers = patterns.map(globMatcher);
  return (relativePath) => matchers.some((matches) => matches(relativePath));
}

/** `a{b,c{d,e}}` → `ab`, `acd`, `ace`; unbalanced braces are literal. */
function expandBraces(pattern: string): string[] {
  const open = pattern.indexOf('{');
  if (open < 0) return [pattern];
  let depth = 0;
  const commas: number[] = [];
  let close = -1;
  for (let index = open; index < pattern.length && close < 0; index++) {
    const char = pattern[index];
    if (char === '{') depth++;
    else if (char === '}' && --depth === 0) close = index;
    else if (char === ',' && depth === 1) commas.push(index);
  }
  if (close < 0) return [pattern];
  const prefix = pattern.slice(0, open);
  const bounds = [open, ...commas, close];
  const results: string[] = [];
  const suffixes = expandBraces(pattern.slice(close + 1));
  for (let index = 0; index + 1 < bounds.length && results.length < MAX_GLOB_ALTERNATIVES; index++) {
    for (const middle of expandBraces(pattern.slice(bounds[index] + 1, bounds[index + 1]))) {
      for (const suffix of suffixes) {
        if (results.length >= MAX_GLOB_ALTERNATIVES) break;
        results.push(prefix + middle + suffix);
      }
    }
  }
  return results;
}

function compileSegment(segment: string): Segment {
  if (segment === '**') return 'globstar';
  const tokens: Token[] = [];
  for (let index = 0; index < segment.length; index++) {
    const char = segment[index];
    if (char === '*') {
      // `a**b` inside a segment is a star.
      if (tokens.at(-1)?.kind !== 'star') tokens.push({ kind: 'star' });
    } else if (char === '?') {
      tokens.push({ kind: 'any' });
    } else if (char === '[') {
      const end = segment.indexOf(']', index + 2);
      if (end < 0) {
        tokens.push({ kind: 'char', char });
        continue;
      }
      const body = segment.slice(index + 1, end);
      const negated = body.startsWith('!') || body.startsWith('^');
      const members = negated ? body.slice(1) : body;
      const ranges: [string, string][] = [];
      for (let at = 0; at < members.length; at++) {
        if (members[at + 1] === '-' && at + 2 < members.length) {
          ranges.push([members[at], members[at + 2]]);
          at += 2;
        } else {
          ranges.push([members[at], members[at]]);
        }
      }
      tokens.push({ kind: 'class', negated, ranges });
      index = end;
    } else {
      tokens.push({ kind: 'char', char });
    }
  }
  return tokens;
}

/** `**` segments match any number of path segments; the rest match one each. */
function matchSegments(segments: readonly Segment[], parts: readonly string[]): boolean {
  // reachable[j]: the segments so far can match the first j parts.
  let reachable = new Array<boolean>(parts.length + 1).fill(false);
  reachable[0] = true;
  for (const segment of segments) {
    const next = new Array<boolean>(parts.length + 1).fill(false);
    if (segment === 'globstar') {
      let any = false;
      for (let j = 0; j <= parts.length; j++) {
        any ||= reachable[j];
        next[j] = any;
      }
    } else {
      for (let j = 0; j < parts.length; j++) if (reachable[j] && matchTokens(segment, parts[j])) next[j + 1] = true;
    }
    reachable = next;
  }
  return reachable[parts.length];
}

function matchesToken(token: Token, char: string): boolean {
  switch (token.kind) {
    case 'any':
      return true;
    case 'char':
      return token.char === char;
    case 'class':
      return token.ranges.some(([low, high]) => char >= low && char <= high) !== token.negated;
    case 'star':
      return false;
  }
}

/** Wildcard matching with one remembered star (linear for one star, at most text × tokens otherwise). */
function matchTokens(tokens: readonly Token[], text: string): boolean {
  let t = 0;
  let s = 0;
  let star = -1;
  let starText = 0;
  while (s < text.length) {
    const token = tokens[t] as Token | undefined;
    if (token && token.kind !== 'star' && matchesToken(token, text[s])) {
      t++;
      s++;
    } else if (token?.kind === 'star') {
      star = t++;
      starText = s;
    } else if (star >= 0) {
      t = star + 1;
      s = ++starText;
    } else {
      return false;
    }
  }
  while (tokens[t]?.kind === 'star') t++;
  return t === tokens.length;
}
