/**
 * apk's package version order and constraint matching, as apk-tools defines them (src/version.c, checked 2026-12
 * against apk-tools master: https://gitlab.alpinelinux.org/alpine/apk-tools/-/blob/master/src/version.c).
 *
 * A version is `digits{.digits}{letter}{_suffix{digits}}…{~hash}{-rN}`: `1.2.3_rc1-r0`. Pre-release suffixes
 * (`_alpha` `_beta` `_pre` `_rc`) sort before the plain release, post-release ones (`_cvs` `_svn` `_git` `_hg` `_p`)
 * after it. Written from the rules, not from apk's code.
 */

/** Token kinds in the order apk ranks them when two versions differ in kind at the same place. */
const enum Kind {
  InitialDigit,
  Digit,
  Letter,
  Suffix,
  SuffixNumber,
  CommitHash,
  Revision,
  End,
  Invalid,
}

/** Suffix ranks: pre-release ones below `NONE` (0), post-release ones above. */
const SUFFIX_RANK = new Map<string, number>([
  ['alpha', -4], ['beta', -3], ['pre', -2], ['rc', -1],
  ['cvs', 1], ['svn', 2], ['git', 3], ['hg', 4], ['p', 5],
]);

interface Token {
  kind: Kind;
  /** The token's text (digits, the letter, the suffix word, the hash). */
  text: string;
  /** Numeric value for digits, suffix numbers and revisions; the rank for suffixes. */
  number: number;
}

const isDigit = (code: number): boolean => code >= 48 && code <= 57;
const isLower = (code: number): boolean => code >= 97 && code <= 122;
const isHex = (code: number): boolean => isDigit(code) || (code >= 97 && code <= 102) || (code >= 65 && code <= 70);

/** Reads the tokens of one version left to right, as apk does, one token per `next()`. */
class Tokens {
  private position = 0;
  readonly token: Token = { kind: Kind.InitialDigit, text: '', number: 0 };

  constructor(private readonly text: string) {
    this.digits();
  }

  private digits(): void {
    const start = this.position;
    while (this.position < this.text.length && isDigit(this.text.charCodeAt(this.position))) this.position++;
    this.token.text = this.text.slice(start, this.position);
    // Note: apk reads digit runs into a 64-bit number; beyond 2^53 a JS number loses the last digits, which only
    // matters for versions no Alpine package uses.
    this.token.number = this.token.text === '' ? 0 : Number(this.token.text);
    if (this.token.text === '') this.token.kind = Kind.Invalid;
  }

  private span(test: (code: number) => boolean): string {
    const start = this.position;
    while (this.position < this.text.length && test(this.text.charCodeAt(this.position))) this.position++;
    return this.text.slice(start, this.position);
  }

  next(): void {
    const token = this.token;
    if (this.position >= this.text.length) {
      token.kind = Kind.End;
      return;
    }
    const char = this.text[this.position];
    const code = this.text.charCodeAt(this.position);
    if (isLower(code)) {
      if (token.kind > Kind.Digit) return this.invalid();
      token.kind = Kind.Letter;
      token.text = char;
      token.number = code;
      this.position++;
      return;
    }
    if (char === '.' || isDigit(code)) {
      if (char === '.') {
        if (token.kind > Kind.Digit) return this.invalid();
        this.position++;
      }
      if (token.kind === Kind.InitialDigit || token.kind === Kind.Digit) token.kind = Kind.Digit;
      else if (token.kind === Kind.Suffix) token.kind = Kind.SuffixNumber;
      else return this.invalid();
      this.digits();
      return;
    }
    if (char === '_') {
      if (token.kind > Kind.SuffixNumber) return this.invalid();
      this.position++;
      const word = this.span(isLower);
      const rank = SUFFIX_RANK.get(word);
      if (rank === undefined) return this.invalid();
      token.kind = Kind.Suffix;
      token.text = word;
      token.number = rank;
      return;
    }
    if (char === '~') {
      if (token.kind >= Kind.CommitHash) return this.invalid();
      this.position++;
      const hash = this.span(isHex);
      if (hash === '') return this.invalid();
      token.kind = Kind.CommitHash;
      token.text = hash;
      return;
    }
    if (char === '-') {
      if (token.kind >= Kind.Revision || this.text[this.position + 1] !== 'r') return this.invalid();
      this.position += 2;
      token.kind = Kind.Revision;
      this.digits();
      return;
    }
    this.invalid();
  }

  private invalid(): void {
    this.token.kind = Kind.Invalid;
  }
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Compares two tokens of the same kind. */
function compareTokens(a: Token, b: Token): number {
  switch (a.kind) {
    case Kind.Digit:
      // Why: a component with a leading zero (`1.01`) compares as text, as in Gentoo's version rules apk follows.
      if (a.text.startsWith('0') || b.text.startsWith('0')) return compareText(a.text, b.text);
      return Math.sign(a.number - b.number);
    case Kind.InitialDigit:
    case Kind.SuffixNumber:
    case Kind.Revision:
    case Kind.Letter:
    case Kind.Suffix:
      return Math.sign(a.number - b.number);
    default:
      return compareText(a.text, b.text);
  }
}

function compare(a: string, b: string, fuzzy: boolean): number {
  const left = new Tokens(a);
  const right = new Tokens(b);
  while (left.token.kind === right.token.kind && left.token.kind < Kind.End) {
    const order = compareTokens(left.token, right.token);
    if (order !== 0) return order;
    left.next();
    right.next();
  }
  const x = left.token;
  const y = right.token;
  if (x.kind === y.kind) return 0;
  // Fuzzy (`~`): the constraint is a prefix of the version, token by token.
  if (fuzzy && y.kind === Kind.End) return 0;
  // Equal so far: the longer version is newer, unless what follows is a pre-release suffix.
  if (x.kind === Kind.Suffix && x.number < 0) return -1;
  if (y.kind === Kind.Suffix && y.number < 0) return 1;
  return x.kind > y.kind ? -1 : 1;
}

/** Orders two apk versions: negative when `a` is older, 0 when equal, positive when newer. */
export function compareApkVersions(a: string, b: string): number {
  return compare(a, b, false);
}

/** Whether apk accepts `version` as a package version (`1.2.3_rc1-r0`). */
export function isValidApkVersion(version: string): boolean {
  const tokens = new Tokens(version);
  while (tokens.token.kind < Kind.End) tokens.next();
  return tokens.token.kind === Kind.End;
}

/**
 * Whether `version` satisfies the constraint `operator constraint` of an apk dependency (`=1.2-r0`, `~1.2`,
 * `>=1.2`, `<2`, `>~1`, `<~1`). `~` matches every version the constraint is a token prefix of (`~1.2` takes `1.2.9-r3`
 * but not `1.20`). Unknown operators (and `><`, a checksum pin) return undefined: the index cannot decide them.
 */
export function apkVersionSatisfies(version: string, operator: string, constraint: string): boolean | undefined {
  let less = false;
  let equal = false;
  let greater = false;
  let fuzzy = false;
  for (const char of operator) {
    if (char === '<') less = true;
    else if (char === '>') greater = true;
    else if (char === '=') equal = true;
    else if (char === '~') {
      fuzzy = true;
      equal = true;
    } else return undefined;
  }
  if (operator === '' || (less && greater)) return undefined;
  const order = compare(version, constraint, fuzzy);
  return order < 0 ? less : order > 0 ? greater : equal;
}

/** `8.14.1-r2` → `8.14`: the first two numeric components, for a fuzzy pin (`curl~8.14`); undefined when absent. */
export function fuzzyPinOf(version: string): string | undefined {
  return /^(\d+\.\d+)(?=\D|$)/.exec(version)?.[1];
}
