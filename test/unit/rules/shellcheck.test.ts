/**
 * The rule `shellcheck` without a process: scripts as ShellCheck reads them, json1 comments mapped back to exact
 * Dockerfile ranges, fixes, suppressions and severities. (Runner and real-ShellCheck tests: test/unit/shellcheck/.)
 */
import assert from 'node:assert/strict';
import { analyze } from '../../../server/src/analysis/analysis';
import { mapComments, parseJson1, resolveShellCheckFindings, type ShellCheckComment } from '../../../server/src/shellcheck/findings';
import { shellScriptsOf, type ShellScript } from '../../../server/src/shellcheck/scripts';
import rule from '../../../server/src/rules/shellcheck';

const PROXY_DECLARATIONS = 'ALL_PROXY=1 FTP_PROXY=1 HTTPS_PROXY=1 HTTP_PROXY=1 NO_PROXY=1 all_proxy=1 ftp_proxy=1 http_proxy=1 https_proxy=1 no_proxy=1';

/** A json1 comment on the `occurrence`-th `needle` of the script (1-based lines and code-point columns). */
function commentOn(script: ShellScript, needle: string, code = 2086, occurrence = 0, extra: Partial<ShellCheckComment> = {}): ShellCheckComment {
  let index = -1;
  for (let seen = 0; seen <= occurrence; seen++) index = script.text.indexOf(needle, index + 1);
  assert.ok(index >= 0, `${needle} in ${JSON.stringify(script.text)}`);
  const position = (at: number): { line: number; column: number } => {
    const before = script.text.slice(0, at);
    const lineStart = before.lastIndexOf('\n') + 1;
    return { line: before.split('\n').length, column: [...before.slice(lineStart)].length + 1 };
  };
  const start = position(index);
  const end = position(index + needle.length);
  return { line: start.line, column: start.column, endLine: end.line, endColumn: end.column, level: 'info', code, message: 'Double quote to prevent globbing and word splitting.', replacements: undefined, ...extra };
}

function scriptsOf(text: string): ShellScript[] {
  return shellScriptsOf(analyze(text).model);
}

describe('shellcheck: scripts', () => {
  it('joins continuation lines, drops comment lines inside them, declares ARG and ENV names', () => {
    const text = 'FROM debian:12\nARG VERSION\nENV APP=/app\nRUN echo $VERSION && \\\n    # a comment\n    ls $b\n';
    const [script] = scriptsOf(text);
    assert.equal(script.dialect, 'sh');
    assert.equal(script.text, `export ${PROXY_DECLARATIONS.replace('ALL_PROXY=1 ', 'ALL_PROXY=1 APP=1 ').replace('NO_PROXY=1 ', 'NO_PROXY=1 VERSION=1 ')}\necho $VERSION &&     ls $b`);
    const [mapped] = mapComments(script, [commentOn(script, '$b')], '\\');
    assert.deepEqual(mapped.at, { start: text.indexOf('$b'), end: text.indexOf('$b') + 2 });
    assert.equal(mapped.message, 'SC2086: Double quote to prevent globbing and word splitting.');
    assert.equal(mapped.docsUrl, 'https://www.shellcheck.net/wiki/SC2086');
    // Line 5 (0-based 5 is `    ls $b`), characters 7–9.
    const [finding] = resolveShellCheckFindings(analyze(text), [mapped], {});
    assert.deepEqual(finding.range, { start: { line: 5, character: 7 }, end: { line: 5, character: 9 } });
    assert.equal(finding.severity, 'info');
    assert.equal(finding.rule, rule);
  });

  it('maps a range that spans a joined continuation to the whole stretch', () => {
    const text = 'FROM debian:12\nRUN echo a && \\\n  echo b\n';
    const [script] = scriptsOf(text);
    const [mapped] = mapComments(script, [commentOn(script, 'a &&   echo')], '\\');
    assert.equal(text.slice(mapped.at.start, mapped.at.end), 'a && \\\n  echo');
  });

  it('honours `# escape=`` and keeps backslashes as the shell sees them', () => {
    const text = '# escape=`\nFROM debian:12\nRUN echo a\\b && `\n    ls $c\n';
    const [script] = scriptsOf(text);
    assert.ok(script.text.endsWith('\necho a\\b &&     ls $c'), script.text);
    const [mapped] = mapComments(script, [commentOn(script, '$c')], '`');
    assert.deepEqual(mapped.at, { start: text.indexOf('$c'), end: text.indexOf('$c') + 2 });
  });

  it('reads `RUN <<EOF` bodies line for line, with the `#!` line kept first', () => {
    const text = 'FROM alpine:3.20\nRUN <<EOF\n#!/bin/bash\necho $x\necho $y\nEOF\n';
    const [script] = scriptsOf(text);
    assert.equal(script.dialect, 'bash');
    assert.equal(script.text, `#!/bin/bash\nexport ${PROXY_DECLARATIONS}\necho $x\necho $y`);
    const [mapped] = mapComments(script, [commentOn(script, '$y')], '\\');
    assert.deepEqual(mapped.at, { start: text.indexOf('$y'), end: text.indexOf('$y') + 2 });
    const [finding] = resolveShellCheckFindings(analyze(text), [mapped], {});
    assert.deepEqual(finding.range, { start: { line: 4, character: 5 }, end: { line: 4, character: 7 } });
  });

  it('checks a heredoc used as data together with its command line', () => {
    const text = 'FROM debian:12\nRUN cat <<EOT > /etc/motd && \\\n  echo $z\nhello $name\nEOT\n';
    const [script] = scriptsOf(text);
    assert.ok(script.text.endsWith('\ncat <<EOT > /etc/motd &&   echo $z\nhello $name\nEOT'), JSON.stringify(script.text));
    for (const needle of ['$z', '$name']) {
      const [mapped] = mapComments(script, [commentOn(script, needle)], '\\');
      assert.deepEqual(mapped.at, { start: text.indexOf(needle), end: text.indexOf(needle) + needle.length }, needle);
    }
  });

  it('reads the body of `RUN bash <<EOF` as a bash script, and skips python heredocs and exec form', () => {
    const [script, ...rest] = scriptsOf('FROM alpine:3.20\nRUN bash <<EOF\necho $q\nEOF\nRUN <<EOF\n#!/usr/bin/env python3\nprint(1)\nEOF\nRUN ["echo", "$x"]\n');
    assert.equal(script.dialect, 'bash');
    assert.ok(script.text.endsWith('\necho $q'));
    assert.equal(rest.length, 0);
  });

  it('takes the dialect from SHELL, inherited by a stage built on the stage', () => {
    const scripts = scriptsOf('FROM alpine:3.20 AS base\nRUN a\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nRUN b\nFROM base\nRUN c\nFROM debian:12\nRUN d\nSHELL ["pwsh", "-c"]\nRUN e\nFROM ubuntu\nSHELL ["/bin/ash", "-c"]\nRUN f\n');
    assert.deepEqual(scripts.map((script) => [script.text.slice(script.text.lastIndexOf('\n') + 1), script.dialect]), [['a', 'busybox'], ['b', 'bash'], ['c', 'bash'], ['d', 'sh'], ['f', 'busybox']]);
  });

  it('drops comments on the declarations line and fixes that do not map cleanly', () => {
    const text = 'FROM debian:12\nRUN echo $a \\\n  $b\n';
    const [script] = scriptsOf(text);
    const onDeclarations: ShellCheckComment = { line: 1, column: 1, endLine: 1, endColumn: 5, level: 'warning', code: 2034, message: 'x', replacements: undefined };
    const across = commentOn(script, '$a   $b', 2086, 0, {
      replacements: [
        { line: 2, column: 6, endLine: 2, endColumn: 6, replacement: '"' },
        { line: 2, column: 13, endLine: 2, endColumn: 13, replacement: '"' },
      ],
    });
    const clean = commentOn(script, '$b', 2086, 0, {
      replacements: [
        { line: 2, column: 11, endLine: 2, endColumn: 11, replacement: '"' },
        { line: 2, column: 13, endLine: 2, endColumn: 13, replacement: '"' },
      ],
    });
    const newline = commentOn(script, '$b', 2086, 0, { replacements: [{ line: 2, column: 11, endLine: 2, endColumn: 13, replacement: '"$b"\n' }] });
    const mapped = mapComments(script, [onDeclarations, across, clean, newline], '\\');
    assert.equal(mapped.length, 3);
    assert.deepEqual(mapped[0].fixes, [{ title: "Apply ShellCheck's fix for SC2086", kind: 'suggestion', edits: [{ start: text.indexOf('$a'), end: text.indexOf('$a'), newText: '"' }, { start: text.length - 1, end: text.length - 1, newText: '"' }] }]);
    assert.deepEqual(mapped[1].fixes[0].edits, [{ start: text.indexOf('$b'), end: text.indexOf('$b'), newText: '"' }, { start: text.indexOf('$b') + 2, end: text.indexOf('$b') + 2, newText: '"' }]);
    assert.deepEqual(mapped[2].fixes, []);
  });

  it('a fix inserting at a joined continuation is dropped', () => {
    const text = 'FROM debian:12\nRUN echo a\\\nb\n';
    const [script] = scriptsOf(text);
    const comment = commentOn(script, 'ab', 2086, 0, { replacements: [{ line: 2, column: 7, endLine: 2, endColumn: 7, replacement: 'x' }] });
    assert.deepEqual(mapComments(script, [comment], '\\')[0].fixes, []);
  });

  it('counts columns in code points, as ShellCheck does', () => {
    const text = 'FROM debian:12\nRUN echo "😀é" $v\n';
    const [script] = scriptsOf(text);
    const comment: ShellCheckComment = { line: 2, column: 11, endLine: 2, endColumn: 13, level: 'style', code: 2086, message: 'm', replacements: undefined };
    const [mapped] = mapComments(script, [comment], '\\');
    assert.deepEqual(mapped.at, { start: text.indexOf('$v'), end: text.indexOf('$v') + 2 });
    assert.equal(mapped.severity, 'hint');
  });
});

describe('shellcheck: suppressions and severities', () => {
  const text = 'FROM debian:12\n# hadolint ignore=SC2086\nRUN echo $a\n# alpinist ignore=shellcheck\nRUN echo $b\n# alpinist ignore=SC2154\nRUN echo $c\n';
  let analysis: ReturnType<typeof analyze>;
  let mapped: ReturnType<typeof mapComments>;
  before(() => {
    analysis = analyze(text);
    mapped = shellScriptsOf(analysis.model).flatMap((script) => mapComments(script, [commentOn(script, script.text.slice(-2)), commentOn(script, script.text.slice(-2), 2154, 0, { level: 'warning' })], '\\'));
  });

  it('applies hadolint and alpinist ignore comments by code and by rule id', () => {
    const findings = resolveShellCheckFindings(analysis, mapped, {});
    assert.deepEqual(findings.map((finding) => `${text.slice(finding.at.start, finding.at.end)} ${finding.message.slice(0, 6)}`), ['$a SC2154', '$c SC2086']);
  });

  it('an explicit severity wins; off gives nothing; disabled pragmas silence nothing', () => {
    assert.deepEqual([...new Set(resolveShellCheckFindings(analysis, mapped, { ruleSeverities: { shellcheck: 'error' } }).map((finding) => finding.severity))], ['error']);
    assert.equal(resolveShellCheckFindings(analysis, mapped, { ruleSeverities: { shellcheck: 'off' } }).length, 0);
    assert.equal(resolveShellCheckFindings(analysis, mapped, { suppressionComments: false }).length, 6);
  });

  it('a setting for a code (SC2086) applies to that code only and wins over the setting for shellcheck', () => {
    const describe = (findings: ReturnType<typeof resolveShellCheckFindings>): string[] => findings.map((finding) => `${text.slice(finding.at.start, finding.at.end)} ${finding.message.slice(0, 6)} ${finding.severity}`);
    assert.deepEqual(describe(resolveShellCheckFindings(analysis, mapped, { ruleSeverities: { SC2086: 'off' } })), ['$a SC2154 warning']);
    assert.deepEqual(describe(resolveShellCheckFindings(analysis, mapped, { ruleSeverities: { shellcheck: 'info', SC2154: 'error' } })), ['$a SC2154 error', '$c SC2086 info']);
    assert.equal(resolveShellCheckFindings(analysis, mapped, { ruleSeverities: { shellcheck: 'off', SC2154: 'error' } }).length, 0, '`shellcheck: off` runs no ShellCheck at all');
  });

  it('no-unused-suppression leaves ShellCheck codes and the rule alone', () => {
    assert.deepEqual(analysis.findings.filter((finding) => finding.ruleId === 'no-unused-suppression'), []);
  });
});

describe('shellcheck: json1', () => {
  it('reads comments and their fixes, and refuses other output', () => {
    const output = '{"comments":[{"file":"-","line":1,"endLine":1,"column":6,"endColumn":8,"level":"info","code":2086,"message":"m","fix":{"replacements":[{"column":6,"endColumn":6,"endLine":1,"insertionPoint":"afterEnd","line":1,"precedence":7,"replacement":"\\""}]}},{"line":0}]}';
    assert.deepEqual(parseJson1(output), [{ line: 1, column: 6, endLine: 1, endColumn: 8, level: 'info', code: 2086, message: 'm', replacements: [{ line: 1, column: 6, endLine: 1, endColumn: 6, replacement: '"' }] }]);
    assert.equal(parseJson1('In - line 1:'), undefined);
    assert.equal(parseJson1('[]'), undefined);
  });
});
