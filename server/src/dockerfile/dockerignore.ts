/**
 * `.dockerignore` patterns matched as Docker matches them (moby/patternmatcher, 2025): one pattern a line, `#` lines
 * are comments, `!` re-includes, paths are cleaned and relative to the context root; `*` and `?` stay within one path
 * segment, `**` spans segments, `[a-z]` classes and `\` escapes work; the last matching pattern decides, and a path is
 * excluded when it or one of its parent directories is.
 */

type Token =
  | { readonly kind: 'char'; readonly char: string }
  | { readonly kind: 'any' }
  | { readonly kind: 'star' }
  | { readonly kind: 'globDirs' }
  | { readonly kind: 'globAll' }
  | { readonly kind: 'class'; readonly negated: boolean; readonly ranges: readonly (readonly [string, string])[] };

export interface IgnorePattern {
  readonly text: string;
  readonly exclusion: boolean;
  readonly tokens: readonly Token[];
}

/** Longest path or pattern matched; longer ones never match (the matcher is quadratic in the length). */
const MAX_LENGTH = 1024;

/** Cleans a slash path as Go's `path.Clean`, relative: no `.` segments, no doubled or leading/trailing slashes. */
export function cleanPath(path: string): string {
  const segments: string[] = [];
  for (const segment of path.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') segments.pop();
    else segments.push(segment);
  }
  return segments.length === 0 ? '.' : segments.join('/');
}

function tokenize(pattern: string): Token[] {
  const tokens: Token[] = [];
  for (let index = 0; index < pattern.length; index++) {
    const character = pattern[index];
    if (character === '*') {
      if (pattern[index + 1] === '*') {
        index++;
        if (pattern[index + 1] === '/') index++;
        tokens.push(index + 1 >= pattern.length ? { kind: 'globAll' } : { kind: 'globDirs' });
      } else tokens.push({ kind: 'star' });
    } else if (character === '?') tokens.push({ kind: 'any' });
    else if (character === '\\' && index + 1 < pattern.length) tokens.push({ kind: 'char', char: pattern[++index] });
    else if (character === '[') {
      const close = pattern.indexOf(']', index + 2);
      if (close === -1) {
        tokens.push({ kind: 'char', char: character });
        continue;
      }
      let body = pattern.slice(index + 1, close);
      const negated = body.startsWith('^') || body.startsWith('!');
      if (negated) body = body.slice(1);
      const ranges: [string, string][] = [];
      for (let at = 0; at < body.length; at++) {
        if (body[at + 1] === '-' && at + 2 < body.length) {
          ranges.push([body[at], body[at + 2]]);
          at += 2;
        } else ranges.push([body[at], body[at]]);
      }
      tokens.push({ kind: 'class', negated, ranges });
      index = close;
    } else tokens.push({ kind: 'char', char: character });
  }
  return tokens;
}

/** The patterns of a `.dockerignore` text. */
export function parseDockerignore(text: string): IgnorePattern[] {
  const patterns: IgnorePattern[] = [];
  // Why `\n` alone: `trim` removes the `\r` of a CRLF line.
  for (const line of text.split('\n')) {
    let pattern = line.trim();
    if (pattern === '' || pattern.startsWith('#')) continue;
    const exclusion = pattern.startsWith('!');
    if (exclusion) pattern = pattern.slice(1).trim();
    pattern = cleanPath(pattern);
    if (pattern.length > MAX_LENGTH) continue;
    patterns.push({ text: pattern, exclusion, tokens: tokenize(pattern) });
  }
  return patterns;
}

/** True when the whole of `path` matches the tokens (dynamic programming over positions: no backtracking). */
function matchesTokens(tokens: readonly Token[], path: string): boolean {
  let reachable = new Set<number>([0]);
  for (const token of tokens) {
    const next = new Set<number>();
    for (const at of reachable) {
      switch (token.kind) {
        case 'char':
          if (path[at] === token.char) next.add(at + 1);
          break;
        case 'any':
          if (at < path.length && path[at] !== '/') next.add(at + 1);
          break;
        case 'class': {
          const character = path[at];
          if (character === undefined || character === '/') break;
          const inside = token.ranges.some(([low, high]) => character >= low && character <= high);
          if (inside !== token.negated) next.add(at + 1);
          break;
        }
        case 'star':
          for (let end = at; end <= path.length; end++) {
            next.add(end);
            if (path[end] === '/') break;
          }
          break;
        case 'globDirs':
          next.add(at);
          for (let end = at; end < path.length; end++) if (path[end] === '/') next.add(end + 1);
          break;
        case 'globAll':
          for (let end = at; end <= path.length; end++) next.add(end);
          break;
      }
    }
    reachable = next;
    if (reachable.size === 0) return false;
  }
  return reachable.has(path.length);
}

/** True when `path` (relative to the context root) or a parent directory of it is excluded by the patterns. */
export function isIgnored(patterns: readonly IgnorePattern[], path: string): boolean {
  const file = cleanPath(path);
  if (file.length > MAX_LENGTH) return false;
  const segments = file.split('/');
  const parents = segments.slice(0, -1).map((_, index) => segments.slice(0, index + 1).join('/'));
  let matched = false;
  for (const pattern of patterns) {
    if (pattern.exclusion !== matched) continue;
    const match = matchesTokens(pattern.tokens, file) || parents.some((parent) => matchesTokens(pattern.tokens, parent));
    if (match) matched = !pattern.exclusion;
  }
  return matched;
}
