/**
 * Every regular expression in the codebase against adversarial input: no catastrophic backtracking, and time linear
 * in the input (measured between n and 4n repetitions of an attack string).
 *
 * How they are all found: the TypeScript compiler's parser reads every source file under server/src, client/src and
 * scripts (plus esbuild.mjs and eslint.config.mjs) and collects every regular-expression literal token, every
 * `RegExp(…)` / `new RegExp(…)` call, and every `.match`/`.matchAll`/`.search` call whose argument is not a literal
 * (those turn strings into regular expressions). The first test compares that inventory with the table below, so a
 * new regular expression fails it until it is listed here. The TextMate grammars in syntaxes/ are data: all their
 * `match`/`begin`/`end`/`while` patterns are read from the JSON and run with Oniguruma, as VS Code runs them.
 *
 * Every expression gets generic attacks built from its own characters (each character, and each adjacent pair,
 * repeated and followed by a character that fails the match), plus the attacks listed for it. `bound` marks an
 * expression whose callers never pass longer input (it is checked at that length, as a hang detector only).
 * Time limits are hang detectors; the growth ratio is the real check.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import ts from 'typescript';
import * as oniguruma from 'vscode-oniguruma';
import { loadDockerfileGrammar } from '../support/grammar';

/** `[prefix, unit, suffix]`: the input is `prefix + unit × n + suffix`. */
type Attack = readonly [prefix: string, unit: string, suffix: string];

interface Entry {
  readonly attacks?: readonly Attack[];
  /** The longest input the code passes to this expression, when it bounds it. */
  readonly bound?: number;
}

/** Every regular-expression literal of the sources, as written, with its own attacks. */
const LITERALS: readonly (readonly [string, Entry])[] = [
  ['/^[\\w.+@~=<>-]+$/', { attacks: [['', 'a', '!']] }],
  ['/^(?:lib|py3-|py-|perl-|ruby-|php\\d*-|lua\\d*-|font-|ttf-)|-(?:dev|doc|libs|static|data|lang|openrc|dbg)$|^\\./', { attacks: [['', 'php1', 'x'], ['', '-dev', 'x']] }],
  ['/^#![ \\t]*(\\S+)(?:[ \\t]+(\\S+))?/', { attacks: [['#!', ' ', 'x'], ['#!a', ' ', '\n']] }],
  ['/\\r\\n?|\\n/g', {}],
  ['/^\\s*#\\s*(?:alpinist|hadolint)\\s+shell\\s*=\\s*(\\S+)/', { attacks: [['#', ' ', ''], ['# hadolint', ' ', 'shell'], ['# alpinist shell', ' ', '=']] }],
  ['/^.*[\\\\/]/', { attacks: [['', 'a', ''], ['', '/a', '']] }],
  ['/\\.exe$/i', {}],
  ['/^(\\d{4})-(\\d{2})-(\\d{2})[Tt ](\\d{2}):(\\d{2}):(\\d{2})(?:\\.\\d+)?(?:[Zz]|[+-]\\d{2}:\\d{2})$/', { attacks: [['2021-03-10T10:26:33', '.0', 'x'], ['2021-03-10T10:26:33.', '1', '+']] }],
  ['/ at line \\d+, column \\d+:?$/', { attacks: [['', ' at line 1, column 1', 'x'], [' at line ', '1', ', column 1:x']] }],
  ['/","/g', {}],
  ['/%/g', {}],
  ['/(?:\\.(?:asc|sig|sign|minisig|pub|pem|md5|sha\\d*|sha\\d*sum|sum|txt|json)|^shasums\\d*.*)$/i', { attacks: [['', '.sha1', 'x'], ['shasums', '1', ''], ['', '.sha', '1sumx']] }],
  ['/(?:^|[-.])(?:bookworm|bullseye|buster|stretch|jessie|trixie|forky|sid|slim|focal|jammy|noble|bionic|xenial|oracular|plucky)(?:$|[-.])/', { attacks: [['', '-slim', 'x'], ['', '.sid', 'x']] }],
  ['/(?:^|[-_.])(?:build|builder|builds|compile|compiler|ci|dev|devel|develop|development|devcontainer|toolchain|sdk|test|tests|testing|tools?|base)(?:[-_.]|$)/', { attacks: [['', '-build', 'x'], ['', '_tools', 'x']] }],
  ['/(?:^|[-_.])(?:runtime|runner|run|final|app|application|prod|production|release|deploy|server|service)(?:[-_.]|$)/', { attacks: [['', '-run', 'x'], ['', '_app', 'x']] }],
  ['/(?:^|[/._-])(?:venv|virtualenv|virtualenvs|env|conda|miniconda\\d*|pyenv)$/i', { attacks: [['', '/venv', 'x'], ['', '.miniconda1', '1x']] }],
  ['/(?:^|[/_-])(?:build|compile|make)[\\w-]*\\.sh$/i', { attacks: [['', '/build', ''], ['build', '-a', '.shx'], ['', '_make.sh', 'x']] }],
  ['/(?:^|[\\s"\'[,])\\/usr\\/(?:local\\/)?bin\\/(?:python|pip)[\\d.]*\\b/', { attacks: [['', ' /usr/bin/', ''], ['/usr/bin/python', '3.', 'é'], ['', '"/usr/local/bin/pip', '']] }],
  ['/(?:^|[\\s"\'[,])go[\\s"\',\\]]/', { attacks: [['', ' g', ''], ['', ' go', '']] }],
  ['/(?:^|\\/)(?:dotnet|aspnetcore)-[^/]*-linux-(?:x64|arm64|arm)\\.tar\\.gz$/i', { attacks: [['', '/dotnet-', ''], ['dotnet-', '-linux-x64', '.tar']] }],
  ['/(?:^|\\/)awscli-exe-linux-[^/]+\\.zip$/i', { attacks: [['', '/awscli-exe-linux-', ''], ['awscli-exe-linux-', '.zip', 'x']] }],
  ['/(?:^|\\/)node-v(?=([^/]*?-linux-))\\1[^/]+\\.tar\\.(?:gz|xz)$/i', { attacks: [['', '/node-v', ''], ['node-v', '-linux-', '.tar.x'], ['/node-v1', '-linux-a', '.tar.gzx']] }],
  ['/(?:^|\\/)openjdk\\d+u?-(?:jdk|jre)_[^/_]+_linux_hotspot[^/]*\\.tar\\.gz$/i', { attacks: [['', '/openjdk1-jdk_', ''], ['openjdk11-jdk_x_linux_hotspot', '.tar.gz', 'x']] }],
  ['/(?:^|\\/)python$/', {}],
  ['/(?<!\\/)\\/+$/', { attacks: [['', '/', 'x'], ['a', '/', '\u0000']] }],
  ['/,/g', {}],
  ['/:/g', {}],
  ['/<<-?\\s*(["\']?)([A-Za-z_][A-Za-z0-9_]*)\\1/g', { attacks: [['', '<<', ''], ['', '<<- ', ''], ['<<"', 'a', ''], ['', '<<"a', '']] }],
  ['/[ \\t]*(\\S)\\r?\\n$/', { bound: 200, attacks: [['', ' ', 'x'], ['', ' \t', '\n\n']] }],
  ['/[&<>"\'\\n\\r\\t]|[\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\uFFFE\\uFFFF]/g', {}],
  ['/[\\u0000-\\u0008\\u000A-\\u001F\\u007F-\\u009F]/g', {}],
  ['/[-_.]linux-gnu(?:eabi|eabihf|x32|abi64)?(?:[-_./]|$)/i', { attacks: [['', '-linux-gnu', 'x'], ['', '-linux-gnueabi', 'x']] }],
  ['/[=<>~@]/', {}],
  ['/[?#].*$/s', { attacks: [['', '?', ''], ['', 'a', '#']] }],
  ['/[[\\]",]/g', {}],
  ['/[\\\\^$.*+?()[\\]{}|]/g', {}],
  ['/[\\\\`]\\r?\\n/g', { attacks: [['', '\\\r', ''], ['', '`\r\r', '']] }],
  ['/[\\r\\n]/', {}],
  ['/[\\s"\',[\\]]+/', {}],
  ['/[^\\s,]+/g', { attacks: [['', 'a,', ''], ['', ', ', '']] }],
  ['/[^\\t]/g', {}],
  ['/\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-+])([^}]*))?\\}|\\$([A-Za-z_][A-Za-z0-9_]*)/g', { bound: 4096, attacks: [['', '${a:-', ''], ['', '${a', ''], ['${a:-', 'x', ''], ['', '${a-', '']] }],
  ['/^\\[\\s*\\]$/', { attacks: [['[', ' ', 'x']] }],
  ['/\\$\\{?PATH\\}?/', {}],
  ['/\\.whl$/i', {}],
  ['/linux|glibc/i', { attacks: [['', 'linu', 'x'], ['', 'glib', 'x']] }],
  ['/^[\\w./+:@%,-]+$/', { attacks: [['', 'a.', '!'], ['', '-', ' ']] }],
  ['/(?:\\r\\n|\\r|\\n)[ \\t]*(?:\\r\\n|\\r|\\n)/', { attacks: [['\n', ' ', 'x'], ['', '\r\n \t', 'x']] }],
  ['/\\/$/', {}],
  ['/\\/\\.cache(?:\\/pip)?$/', {}],
  ['/\\/bin\\/activate$/', {}],
  ['/\\\\(.)/gs', {}],
  ['/\\\\([$`"\\\\\\n])/g', {}],
  ['/\\\\?\\r?\\n\\s*/g', { attacks: [['', '\\\n ', ''], ['\n', ' ', 'x'], ['', '\\', '']] }],
  ['/\\\\\\s*$/', { attacks: [['\\', ' ', 'x'], ['', '\\ ', 'x'], ['', '\\\n', 'x']] }],
  ['/\\]\\]?\\s*(?:\\d?>[^&|;]*)?&&\\s*$/', { bound: 512, attacks: [['', ']>', 'x'], ['', '] ', '&& x'], [']]', ' ', '&'], ['', ']] 2>', '&&x']] }],
  ['/\\bcorepack\\b|yarn\\s+set\\s+version|\\.yarnrc\\.yml|nodeLinker/', { attacks: [['yarn', ' ', 'x'], ['', 'yarn set ', ''], ['', 'yarn ', '']] }],
  ['/\\n$/', {}],
  ['/\\n/', {}],
  ['/\\n/g', {}],
  ['/\\r/g', {}],
  ['/\\r?\\n/', {}],
  ['/\\r\\n?|\\n/', {}],
  ['/\\r?\\n|\\r/', {}],
  ['/\\s+/', {}],
  ['/\\s+/g', {}],
  ['/\\s/', {}],
  ['/^"(.*)"$/', { attacks: [['"', 'a', ''], ['"', '"', 'x']] }],
  ['/^(?:--user|--target|-t|--prefix|--root|--home)(?:=|$)/', {}],
  ['/^(?:-r|-c)(.+)$/', { attacks: [['-r', 'a', '\n']] }],
  ['/^(?:\\/root|~|\\$HOME|\\$\\{HOME\\}|\\/home\\/[^/]+)\\/\\.cache(?:\\/pip)?\\/?\\*?$/', { attacks: [['/home/', 'a', '/.cache/pipx'], ['/home/a', '/.cache', '']] }],
  ['/^(?:\\/var\\/cache\\/|\\/tmp\\/|\\/var\\/tmp\\/|\\/root\\/\\.cache|\\/root\\/\\.npm|~\\/\\.cache|\\/usr\\/local\\/share\\/\\.cache)/', {}],
  ['/^(?:centos|fedora|rockylinux|rockylinux\\/rockylinux|almalinux|amazonlinux|oraclelinux|redhat\\/ubi\\d*(?:-\\w+)?|ubi\\d+(?:\\/\\w+)?|rhel\\d*(?:\\/\\w+)?|opensuse\\/\\w+|photon)$/', { attacks: [['redhat/ubi', '1', '-a-'], ['ubi1/', 'a', '/'], ['rhel', '1', '/a/']] }],
  ['/^(?:https?|ftp):\\/\\//i', {}],
  ['/^(?:https?|git):\\/\\/|^git@|\\.git(?:#|$)/', { attacks: [['', '.git', 'x'], ['', '.gi', '']] }],
  ['/^(?:python3(?:-.+)?|py3-.+|py-pip)$/', {}],
  ['/^(DL|SC)\\d{4}$/', {}],
  ['/^(["\'])(.*)\\1$/', { attacks: [['"', 'a', "'"], ['"', '"', 'x']] }],
  ['/^(["\'])(.*)\\1$/s', { attacks: [['"', 'a\n', "'"], ["'", "'", 'x']] }],
  ['/^([^=~<>@]+)(?:@([^=~<>]+))?(?:(~=|=~|>=|<=|><|=|~|>|<)(.*))?$/', { attacks: [['', 'a', '@'], ['a@', 'b', '@'], ['a', '=', '\n'], ['', 'a@b', '']] }],
  ['/^(\\d+)\\.(\\d+)/', { attacks: [['', '1', ''], ['1.', '1', 'x']] }],
  ['/^(\\s*#\\s*)(alpinist|hadolint)(?:\\s+(global|stage))?\\s+ignore\\s*=([^#]*)/', { attacks: [['#', ' ', 'x'], ['# alpinist', ' ', 'x'], ['# alpinist ignore=', 'a,', '#'], ['# hadolint stage', ' ', '']] }],
  ['/^--(?:requirement|constraint)=(.+)$/', { attacks: [['--requirement=', 'a', '\n']] }],
  ['/^--?o=(.+)$/', { attacks: [['-o=', 'a', '\n']] }],
  ['/^-[A-Za-z]$/', {}],
  ['/^-[A-Za-z]*c/', {}],
  ['/^-[A-Za-z]{2,}$/', {}],
  ['/^-[WX]./', {}],
  ['/^-[bBdEhiIOPqsSuvVx]*m(.*)$/', { attacks: [['-', 'b', ''], ['-', 'bm', '\n']] }],
  ['/^Content-Length: \\d+\\r\\n\\r\\n$/', { attacks: [['Content-Length: ', '1', '\r\n\r'], ['Content-Length: 1', '\r\n', '']] }],
  ['/^[ \\t]*#/', {}],
  ['/^[ \\t]*(\\S?)(\\r?\\n|$)/', { attacks: [['', ' ', 'x y'], ['', '\t', '\r']] }],
  ['/^[ \\t]*/', {}],
  ['/^["\']?(--[A-Za-z][A-Za-z0-9-]*)=/', { attacks: [['--', 'a-', ''], ['"--a', '-', '']] }],
  ['/^[1-9]\\d{0,2}$/', {}],
  ['/^\\.\\//', {}],
  ['/^\\d+$/', {}],
  ['/^\\d+(\\.\\d+)*$/', { attacks: [['1', '.1', 'x'], ['1', '.11', '.']] }],
  ['/^\\s*#/', {}],
  ['/^\\s*(?:;\\s*)?$/', { attacks: [['', ' ', ';x'], [' ;', ' ', 'x']] }],
  ['/^cli(?:$|-)/', {}],
  ['/^glibc-(?:bin-|i18n-|dev-)?\\d[^/]*\\.apk$/i', { attacks: [['glibc-1', '.apk', 'x']] }],
  ['/^pip(?:\\d+(?:\\.\\d+)*)?$/', { attacks: [['pip1', '.1', 'x'], ['pip', '1', '.']] }],
  ['/^py[23]?-/', {}],
  ['/^python(?:\\d+(?:\\.\\d+)*)?$/', { attacks: [['python3', '.1', 'x'], ['python', '1', '.']] }],
  ['/^python[23]?$/', {}],
  ['/^python[\\d.]*$/', { attacks: [['python', '3.', 'x']] }],
  ['/^requirements[^/]*\\.txt$/', { attacks: [['requirements', '.txt', 'x'], ['requirements', 'a', '/']] }],
  ['/^v/', {}],
  ['/alpine(\\d+\\.\\d+)/', {}],
  ['/alpine-pkg-glibc/i', {}],
  ['/^(?:jdk|jre|server-jre|openjdk|zulu|amazon-corretto|bellsoft-(?:jdk|jre)|graalvm-(?:jdk|ce|community)|microsoft-jdk|sapmachine-(?:jdk|jre))[-_\\d]/i', { attacks: [['', 'jdk', 'x'], ['bellsoft-', 'j', '']] }],
  ['/[-_.]linux[-_.](?:x64|amd64|x86_64|aarch64|arm64)(?:[-_.]|$)|[-_](?:x64|aarch64)-linux-(?:jdk|jre)(?:[-_.]|$)/i', { attacks: [['', '-linux-', 'x'], ['', '-x64-linux-', 'x'], ['', '_linux_x64', 'x']] }],
  ['/\\.(?:tar\\.gz|tgz|tar\\.xz|zip)$/i', { attacks: [['', '.tar.gz', 'x'], ['', '.tar', '']] }],
  ['/(?:^|\\/)ld-linux(?:-x86-64|-aarch64|-armhf)?\\.so\\.\\d$/', { attacks: [['', '/ld-linux', ''], ['', '/ld-linux-x86-64.so.2', 'x']] }],
  ['/(?:^|\\/)(?:ld-musl-|libc\\.musl-)[\\w-]+\\.so\\.1$/', { attacks: [['/ld-musl-', 'x-', '.so.2'], ['', '/libc.musl-', '']] }],
  ['/alpine/i', {}],
  ['/\\.(?:tar\\.(?:gz|xz|bz2|zst)|tgz|zip|apk|whl)$/i', { attacks: [['', '.tar', ''], ['', '.tar.gz', 'x']] }],
  ['/^[A-Za-z0-9][A-Za-z0-9._-]*/', { attacks: [['a', '-', '!']] }],
  ['/[-_.]+/g', { attacks: [['a', '-_', 'a']] }],
  ['/^(?:pip|python)2(?:\\.\\d+)*$/', { attacks: [['pip2', '.1', 'x'], ['python2', '.', '']] }],
  ['/^[A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?/', { attacks: [['a', '-', ''], ['a', 'a.', '-']] }],
  ['/\\.(?:whl|zip|tar\\.gz)$/', { attacks: [['', '.tar', ''], ['', '.whl', 'x']] }],
  ['/\\$\\{?\\w+\\}?/g', { attacks: [['', '${a', ''], ['', '$', '']] }],
  ['/com\\.github\\.actions\\.|\\b(?:build|ci|development|dev) (?:image|environment|container)\\b|\\bbuild ?environment\\b|\\btoolchain\\b|\\bdevcontainer\\b|\\bcontinuous integration\\b/i', { attacks: [['', 'build ', ''], ['', 'dev environmentx ', '']] }],
  ['/glibc/i', {}],
  ['/manylinux/i', {}],
  ['/musl/i', {}],
  ['/run-?(?:time)?[-_]?deps|runtime|persistent|permanent/i', { attacks: [['', 'run-time-', ''], ['', 'runtim', '']] }],
  ['/windowsservercore|nanoserver|ltsc\\d{4}/', {}],
  ['/windows|nanoserver|servercore/', {}],
  ['/[=<>~]/', {}],
  ['/^[0-7]+$/', { attacks: [['', '7', 'x']] }],
  ['/^(\\d+\\.\\d+)(?=\\D|$)/', { attacks: [['', '1', '.x'], ['1.', '2', '']] }],
  ['/^\\d{4}-\\d{2}-\\d{2}$/', {}],
  ['/^v(\\d+\\.\\d+)$/', { attacks: [['v', '1', '.1x'], ['v1.', '1', 'x']] }],
  ['/^v?(\\d+\\.\\d+)(?:\\.\\d+)?$/', { attacks: [['', '1', '.1.1x'], ['1.', '1', '.x']] }],
  ['/^\\d+\\.\\d+(?:\\.\\d+)?/', { attacks: [['', '1', '.x'], ['1.1.', '1', 'x']] }],
  ['/^[a-z][a-z0-9+.-]*:\\/\\//i', { attacks: [['', 'a', ':/x'], ['a', '+', '']] }],
  ['/[^A-Za-z0-9.-]/g', {}],
  ['/^content-length: *(\\d+) *$/i', { attacks: [['content-length:', ' ', 'x'], ['content-length: 1', ' ', 'x']] }],
  ['/^content-length:/i', {}],
  ['/Install-Recommends\\W+(?:0|false|no)\\b/i', { attacks: [['Install-Recommends', ' ', 'x'], ['', 'Install-Recommends ', '']] }],
  ['/^-[a-zA-Z]*[rR]/', { attacks: [['-', 'a', '']] }],
  ['/-(?:\\d+:)?\\d[^-]*(?:-\\d[^-]*)?$/', { attacks: [['', '-1', '-x-'], ['', '-1-1', '']] }],
  ['/[=<>]/', {}],
  ['/^(?:git|hg|svn|bzr)(?:\\+[a-z-]+)?:/', { attacks: [['git+', 'a', '']] }],
  ['/^\\d{6,}$/', { attacks: [['', '1', 'x']] }],
  ['/^--?/', {}],
  ['/^(?:@[\\w.~-]+\\/)?[\\w.~-]+(?:@.*)?$/', { attacks: [['@', 'a', ' '], ['', 'a', '/']] }],
];

/** `RegExp` calls, as written, with the expressions they build (every value their arguments can take). */
const CONSTRUCTED: readonly (readonly [string, { readonly regexes: readonly RegExp[]; readonly attacks: readonly Attack[] }])[] = [
  [
    'new RegExp(`${escape}[ \\\\t]*\\\\r?\\\\n`, \'g\')',
    // Built from the Dockerfile escape character, which is `\` or `` ` ``.
    { regexes: [/\\[ \t]*\r?\n/g, /`[ \t]*\r?\n/g], attacks: [['\\', ' ', 'x'], ['', '\\ ', ''], ['', '` \t', '\r']] },
  ],
];

const ROOT = path.resolve(__dirname, '..', '..');
const SOURCE_DIRECTORIES = ['server/src', 'client/src', 'scripts'];
const SOURCE_FILES = ['esbuild.mjs', 'eslint.config.mjs'];
const GRAMMAR_DIRECTORY = 'syntaxes';
/** VS Code does not tokenize longer lines (`editor.maxTokenizationLineLength`). */
const MAX_TOKENIZED_LINE = 20_000;

/** A repetition count small enough that even exponential backtracking finishes, large enough to show it. */
const SMALL_REPETITIONS = [8, 16, 24, 32, 40];
const LINEAR_REPETITIONS = 4000;
/** Hang detectors: catastrophic backtracking takes seconds at these sizes, linear matching microseconds. */
const SMALL_LIMIT_MS = 25;
const LARGE_LIMIT_MS = 400;
/** Linear time grows 4× from n to 4n, quadratic 16×; below `MEASURABLE_MS` the ratio is noise. */
const MAX_GROWTH = 10;
const MEASURABLE_MS = 2;

function sourceFiles(): string[] {
  const files: string[] = [];
  const walk = (directory: string): void => {
    for (const name of readdirSync(directory)) {
      const full = path.join(directory, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (/\.(?:ts|mts|cts|js|mjs|cjs)$/.test(name)) files.push(full);
    }
  };
  for (const directory of SOURCE_DIRECTORIES) walk(path.join(ROOT, directory));
  return [...files, ...SOURCE_FILES.map((file) => path.join(ROOT, file))];
}

interface Found {
  readonly text: string;
  readonly where: string;
}

/** Regular expressions in the sources, found with the TypeScript parser. */
function findRegularExpressions(): { literals: Found[]; constructed: Found[] } {
  const literals: Found[] = [];
  const constructed: Found[] = [];
  for (const file of sourceFiles()) {
    const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
    const where = (node: ts.Node): string => `${path.relative(ROOT, file)}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
    const visit = (node: ts.Node): void => {
      if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) literals.push({ text: node.getText(), where: where(node) });
      const isRegExpCall = (ts.isNewExpression(node) || ts.isCallExpression(node)) && ts.isIdentifier(node.expression) && node.expression.text === 'RegExp';
      const isStringToRegExp = ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) &&
        ['match', 'matchAll', 'search'].includes(node.expression.name.text) && node.arguments.length > 0 && !ts.isRegularExpressionLiteral(node.arguments[0]);
      if (isRegExpCall || isStringToRegExp) constructed.push({ text: node.getText(), where: where(node) });
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return { literals, constructed };
}

/** Compiles a literal as written (`/body/flags`). */
function compile(literal: string): RegExp {
  const end = literal.lastIndexOf('/');
  return new RegExp(literal.slice(1, end), literal.slice(end + 1));
}

/** Characters that stand for each atom of a pattern: literal characters, escapes and a member of each class. */
function representatives(pattern: string): string[] {
  const found = new Set<string>();
  const escapes: Record<string, string> = { d: '1', D: 'a', w: 'a', W: ' ', s: ' ', S: 'a', n: '\n', r: '\r', t: '\t', h: ' ', H: 'a', A: '', G: '', z: '', Z: '', b: '', B: '' };
  for (let index = 0; index < pattern.length; index++) {
    const character = pattern[index];
    if (character === '\\') {
      const next = pattern[++index] ?? '';
      if (next === 'u' || next === 'x') {
        const digits = next === 'u' ? 4 : 2;
        const code = Number.parseInt(pattern.slice(index + 1, index + 1 + digits), 16);
        if (!Number.isNaN(code)) found.add(String.fromCharCode(code));
        index += digits;
      } else if (next in escapes) {
        if (escapes[next] !== '') found.add(escapes[next]);
      } else if (!/\d/.test(next)) {
        found.add(next);
      }
    } else if (character === '[') {
      // A class: its first member, and for a negated class two characters it does not list.
      const close = pattern.indexOf(']', index + 2);
      const body = pattern.slice(index + 1, close === -1 ? undefined : close);
      if (body.startsWith('^')) {
        for (const candidate of ['a', ' ', '-', '1']) if (!body.includes(candidate)) found.add(candidate);
      }
      const first = body.replace(/^\^/, '')[0];
      if (first !== undefined && first !== '\\') found.add(first);
      index = close === -1 ? pattern.length : close;
    } else if (character === '.') {
      found.add('a');
    } else if (character === '(' && pattern[index + 1] === '?') {
      index += pattern[index + 2] === '<' && pattern[index + 3] !== '=' && pattern[index + 3] !== '!' ? pattern.indexOf('>', index) - index : 2;
    } else if (!'()|*+?{}^$'.includes(character)) {
      found.add(character);
    } else if (character === '{') {
      const close = pattern.indexOf('}', index);
      if (close !== -1 && /^\{\d*,?\d*\}$/.test(pattern.slice(index, close + 1))) index = close;
      else found.add('{');
    }
  }
  return [...found].slice(0, 12);
}

/** Attacks derived from the pattern: each representative and each adjacent pair, repeated, then a failing character. */
function genericAttacks(pattern: string): Attack[] {
  const characters = representatives(pattern);
  const attacks: Attack[] = characters.map((character) => ['', character, '\u0000'] as const);
  for (let index = 0; index + 1 < characters.length; index++) attacks.push(['', characters[index] + characters[index + 1], '\u0000']);
  attacks.push(['', characters.join(''), '\u0000']);
  return attacks;
}

/** Best of three, in milliseconds. */
function timeOf(run: () => void): number {
  let best = Infinity;
  for (let attempt = 0; attempt < 3; attempt++) {
    const started = performance.now();
    run();
    best = Math.min(best, performance.now() - started);
  }
  return best;
}

const build = ([prefix, unit, suffix]: Attack, repetitions: number): string => prefix + unit.repeat(repetitions) + suffix;
const describe_ = (attack: Attack): string => JSON.stringify(attack);

/**
 * Checks one attack: small sizes for exponential blow-up, then growth from n to 4n repetitions (4n capped to `longest`
 * characters), or, for an expression whose callers bound their input, one run at `bound` characters.
 */
function checkAttack(label: string, attack: Attack, match: (input: string) => void, bound?: number, longest = Infinity): void {
  for (const repetitions of SMALL_REPETITIONS) {
    const input = build(attack, repetitions);
    if (bound !== undefined && input.length > bound) break;
    const elapsed = timeOf(() => match(input));
    assert.ok(elapsed < SMALL_LIMIT_MS, `${label}: ${elapsed.toFixed(1)} ms on ${describe_(attack)} × ${repetitions}: catastrophic backtracking`);
  }
  if (bound !== undefined) {
    const input = build(attack, Math.max(1, Math.floor((bound - attack[0].length - attack[2].length) / Math.max(1, attack[1].length))));
    const elapsed = timeOf(() => match(input));
    assert.ok(elapsed < SMALL_LIMIT_MS, `${label}: ${elapsed.toFixed(1)} ms on ${input.length} characters, the longest input its callers pass`);
    return;
  }
  const repetitions = Math.min(LINEAR_REPETITIONS, Math.floor(longest / 4 / Math.max(1, attack[1].length)));
  const small = build(attack, repetitions);
  const large = build(attack, 4 * repetitions);
  const largeTime = timeOf(() => match(large));
  assert.ok(largeTime < LARGE_LIMIT_MS, `${label}: ${largeTime.toFixed(0)} ms on ${describe_(attack)} × ${4 * repetitions}: superlinear`);
  if (largeTime < MEASURABLE_MS) return;
  let smallTime = timeOf(() => match(small));
  let growth = largeTime / Math.max(smallTime, 0.01);
  // Why measured again before failing: a burst of load on a shared machine can land on one size only; quadratic
  // growth (16×) shows in every measurement, linear growth (4×) in none once the burst is over.
  let shownLargeTime = largeTime;
  for (let retry = 0; retry < 3 && growth >= MAX_GROWTH; retry++) {
    const smallAgain = timeOf(() => match(small));
    const largeAgain = timeOf(() => match(large));
    const growthAgain = largeAgain / Math.max(smallAgain, 0.01);
    if (growthAgain < growth) [growth, smallTime, shownLargeTime] = [growthAgain, smallAgain, largeAgain];
  }
  assert.ok(growth < MAX_GROWTH, `${label}: time grows ${growth.toFixed(1)}× from n to 4n on ${describe_(attack)} (${smallTime.toFixed(2)} → ${shownLargeTime.toFixed(2)} ms)`);
}

/** Runs a JavaScript expression the way the code does: every match for global ones, the first for the others. */
function javaScriptMatcher(regex: RegExp): (input: string) => void {
  return (input) => {
    regex.lastIndex = 0;
    if (regex.global) input.replace(regex, '');
    else regex.exec(input);
  };
}

/** Every Oniguruma pattern of a TextMate grammar, with its JSON path. */
function grammarPatterns(grammar: unknown): { where: string; pattern: string }[] {
  const found: { where: string; pattern: string }[] = [];
  const walk = (value: unknown, where: string): void => {
    if (Array.isArray(value)) value.forEach((item, index) => walk(item, `${where}/${index}`));
    else if (value !== null && typeof value === 'object') {
      for (const [key, item] of Object.entries(value)) {
        if (['match', 'begin', 'end', 'while'].includes(key) && typeof item === 'string') found.push({ where: `${where}/${key}`, pattern: item });
        else walk(item, `${where}/${key}`);
      }
    }
  };
  walk(grammar, '');
  return found;
}

describe('regular expressions under adversarial input', function () {
  this.timeout(120_000);
  const inventory = findRegularExpressions();

  it('the table lists every regular expression of the sources, and nothing else', () => {
    const listed = new Set(LITERALS.map(([literal]) => literal));
    const missing = inventory.literals.filter((found) => !listed.has(found.text));
    const present = new Set(inventory.literals.map((found) => found.text));
    const stale = [...listed].filter((literal) => !present.has(literal));
    assert.deepEqual(missing.map((found) => `${found.where}: ${found.text}`), [], 'add these to LITERALS in test/unit/regex.test.ts, with attacks');
    assert.deepEqual(stale, [], 'these are no longer in the sources; remove them from LITERALS');
    const constructed = new Set(CONSTRUCTED.map(([text]) => text));
    assert.deepEqual(inventory.constructed.filter((found) => !constructed.has(found.text)).map((found) => `${found.where}: ${found.text}`), [], 'add these to CONSTRUCTED');
    assert.deepEqual([...constructed].filter((text) => !inventory.constructed.some((found) => found.text === text)), [], 'remove these from CONSTRUCTED');
  });

  for (const [literal, entry] of LITERALS) {
    it(`${literal} runs in linear time`, () => {
      const regex = compile(literal);
      const match = javaScriptMatcher(regex);
      for (const attack of [...genericAttacks(regex.source), ...(entry.attacks ?? [])]) checkAttack(literal, attack, match, entry.bound);
    });
  }

  for (const [text, { regexes, attacks }] of CONSTRUCTED) {
    it(`${text} runs in linear time`, () => {
      for (const regex of regexes) {
        const match = javaScriptMatcher(regex);
        for (const attack of [...genericAttacks(regex.source), ...attacks]) checkAttack(`${text} as ${String(regex)}`, attack, match);
      }
    });
  }

  describe('TextMate grammar patterns (Oniguruma)', () => {
    before(async () => {
      // Loads the Oniguruma WebAssembly the grammar tests use.
      await loadDockerfileGrammar();
    });
    const directory = path.join(ROOT, GRAMMAR_DIRECTORY);
    for (const file of readdirSync(directory).filter((name) => name.endsWith('.json'))) {
      const patterns = grammarPatterns(JSON.parse(readFileSync(path.join(directory, file), 'utf8')));
      it(`${file}: all ${patterns.length} patterns run in linear time`, () => {
        const failures: string[] = [];
        for (const { where, pattern: written } of patterns) {
          // Note: `end` and `while` refer to `begin` captures (`\\3`); vscode-textmate puts the captured text there.
          const pattern = /(?:end|while)$/.test(where) ? written.replace(/\\[1-9]/g, 'EOF') : written;
          const scanner = new oniguruma.OnigScanner([pattern]);
          const match = (input: string): void => {
            const text = new oniguruma.OnigString(input);
            scanner.findNextMatchSync(text, 0);
            text.dispose();
          };
          try {
            for (const attack of genericAttacks(pattern)) checkAttack(`${where} ${pattern}`, attack, match, undefined, MAX_TOKENIZED_LINE);
          } catch (error) {
            failures.push(error instanceof Error ? error.message : String(error));
          }
          scanner.dispose();
        }
        assert.deepEqual(failures, []);
      });
    }

    /** Tokenizes `line × n` for n giving 5,000 and 20,000 characters and checks the growth between them. */
    async function checkTokenization(lines: readonly Attack[]): Promise<void> {
      const grammar = await loadDockerfileGrammar();
      for (const line of lines) {
        const tokenize = (input: string): void => {
          grammar.tokenizeLine(input, null);
        };
        for (const repetitions of [16, 64]) {
          const elapsed = timeOf(() => tokenize(build(line, repetitions)));
          assert.ok(elapsed < 200, `${describe_(line)} × ${repetitions}: ${elapsed.toFixed(0)} ms`);
        }
        const repetitionsFor = (characters: number): number => Math.floor(characters / line[1].length);
        // Why the fastest of several runs, alternating between the sizes and measured again before failing: a burst of
        // load from another process is not growth, and alternating lets one land on both sizes alike.
        const fastest = (runs: number): [number, number] => {
          const small = build(line, repetitionsFor(MAX_TOKENIZED_LINE / 4));
          const large = build(line, repetitionsFor(MAX_TOKENIZED_LINE));
          let bestSmall = Number.POSITIVE_INFINITY;
          let bestLarge = Number.POSITIVE_INFINITY;
          for (let run = 0; run < runs; run++) {
            bestSmall = Math.min(bestSmall, timeOf(() => tokenize(small)));
            bestLarge = Math.min(bestLarge, timeOf(() => tokenize(large)));
          }
          return [bestSmall, bestLarge];
        };
        let [smallTime, largeTime] = fastest(3);
        if (largeTime >= 5 && largeTime / Math.max(smallTime, 0.01) >= MAX_GROWTH) [smallTime, largeTime] = fastest(9);
        assert.ok(largeTime < 2000, `${describe_(line)}: ${largeTime.toFixed(0)} ms for 20,000 characters`);
        if (largeTime >= 5) assert.ok(largeTime / Math.max(smallTime, 0.01) < MAX_GROWTH, `${describe_(line)}: ${smallTime.toFixed(1)} → ${largeTime.toFixed(1)} ms from n to 4n`);
      }
    }

    it('tokenizing long flat lines with the injected grammar grows linearly', async () => {
      await checkTokenization([
        ['RUN ', 'apk add -U x && ', ''], ['RUN ', '"a', ''], ['RUN ', "'", ''], ['RUN ', '--', ''], ['RUN ', '\\ ', ''],
        ['# alpinist ignore=', 'a,', ''], ['RUN ', ' ', 'x'], ['RUN --mount=', 'a', ''], ['RUN [', '"a", ', ''],
        ['RUN ', 'for a in b; do ', ''], ['ONBUILD RUN ', '/a', 'apk'], ['RUN ', 'a/', 'bash'], ['RUN ', 'if ', ''], ['RUN ', 'x=', ''],
      ]);
    });

    // Known issue, reported: every `$(`, backtick, `${` or heredoc opens a nested rule, and vscode-textmate's cost per
    // token grows with the nesting depth (20,000 characters of `$(` take seconds; 3,000 `<<EOF` overflow Oniguruma's stack).
    it('tokenizing long deeply nested lines grows linearly');
  });
});
