/**
 * The injection grammar (syntaxes/alpinist.injection.tmLanguage.json) on top of the host `source.dockerfile` grammar,
 * tokenized line by line like the editor does.
 */
import assert from 'node:assert/strict';
import type { IGrammar } from 'vscode-textmate';
import { describeLine, loadDockerfileGrammar, scopesAt, tokenizeWith, type Token } from '../../support/grammar';

const RUN_BODY = 'meta.embedded.shell.alpinist';
const RUN_INSTRUCTION = 'meta.instruction.run.alpinist';
const APK = 'support.function.apk.alpinist';
const APK_SUBCOMMAND = 'keyword.other.apk-subcommand.alpinist';
const COMMAND = 'entity.name.command.shell';
const OPTION = 'constant.other.option.shell';
const CONTINUATION = 'constant.character.escape.line-continuation.alpinist';
const RULE_ID = 'constant.other.rule-id.alpinist';

let grammar: IGrammar;
let hostOnly: IGrammar;

const tokenize = (text: string): Token[][] => tokenizeWith(grammar, text);
const lines = (...parts: string[]): string => parts.join('\n');

/** True when `scopes` holds `scope` itself or a more specific scope under it (`a.b` matches `a.b.c`). */
function hasScope(scopes: readonly string[], scope: string): boolean {
  return scopes.some((candidate) => candidate === scope || candidate.startsWith(`${scope}.`));
}

function assertScope(line: readonly Token[], tokenText: string, scope: string, occurrence = 0): void {
  const scopes = scopesAt(line, tokenText, occurrence);
  assert.ok(hasScope(scopes, scope), `${JSON.stringify(tokenText)} should have ${scope}, has: ${scopes.join(' ')}\n${describeLine(line)}`);
}

function assertNoScope(line: readonly Token[], tokenText: string, scope: string, occurrence = 0): void {
  const scopes = scopesAt(line, tokenText, occurrence);
  assert.ok(!hasScope(scopes, scope), `${JSON.stringify(tokenText)} should not have ${scope}, has: ${scopes.join(' ')}`);
}

/** No token of the line comes from a RUN body. */
function assertNotShell(line: readonly Token[]): void {
  for (const token of line) {
    assert.ok(
      !hasScope(token.scopes, RUN_BODY) && !hasScope(token.scopes, RUN_INSTRUCTION) && !token.scopes.some((scope) => scope.endsWith('.shell')),
      `line should not be shell-scoped:\n${describeLine(line)}`,
    );
  }
}

/** The injection leaves these lines exactly as the host grammar alone tokenizes them. */
function assertSameAsHost(text: string, lineIndexes: readonly number[]): void {
  const ours = tokenize(text);
  const host = tokenizeWith(hostOnly, text);
  for (const index of lineIndexes) assert.deepEqual(ours[index], host[index], `line ${index} differs from the host grammar`);
}

describe('grammar: Alpinist injection into source.dockerfile', () => {
  before(async () => {
    grammar = await loadDockerfileGrammar();
    hostOnly = await loadDockerfileGrammar({ withInjection: false });
  });

  it('scopes apk, its subcommand and its flags in a one-line RUN', () => {
    const [line] = tokenize('RUN apk add --no-cache curl');
    assertScope(line, 'RUN', 'keyword.other.special-method.dockerfile');
    assertScope(line, 'apk', APK);
    assertScope(line, 'add', APK_SUBCOMMAND);
    assertScope(line, '--no-cache', OPTION);
    assertScope(line, 'curl', RUN_BODY);
    assertNoScope(line, 'curl', COMMAND);
  });

  it('finds the apk subcommand after global options, for every common applet', () => {
    for (const subcommand of ['add', 'del', 'update', 'upgrade', 'cache', 'info', 'search', 'fix']) {
      const [line] = tokenize(`RUN apk -U --repository https://example.org/alpine ${subcommand} foo`);
      assertScope(line, '-U', OPTION);
      assertScope(line, '--repository', OPTION);
      assertScope(line, subcommand, APK_SUBCOMMAND);
      assertNoScope(line, 'https://example.org/alpine', APK_SUBCOMMAND);
    }
    // A package named like an applet is not a subcommand; `apk` not in command position is not the apk command.
    const [line] = tokenize('RUN apk add info && echo apk');
    assertScope(line, 'add', APK_SUBCOMMAND);
    assertNoScope(line, 'info', APK_SUBCOMMAND);
    assertNoScope(line, 'apk', APK, 1);
  });

  it('treats lowercase `run` and `ONBUILD RUN` as RUN instructions', () => {
    const [lower, onbuild] = tokenize(lines('run apk upgrade', 'onbuild RUN apk add make'));
    assertScope(lower, 'run', 'keyword.other.special-method.dockerfile');
    assertScope(lower, 'apk', APK);
    assertScope(lower, 'upgrade', APK_SUBCOMMAND);
    assertScope(onbuild, 'onbuild', 'keyword.control.dockerfile');
    assertScope(onbuild, 'apk', APK);
  });

  it('keeps continuation lines in the RUN body and ends it at the first line without a continuation', () => {
    const tokens = tokenize(
      lines('RUN apk add --no-cache \\', '      bash \\', '      git && \\', '    rm -rf /var/cache/apk/* || true', 'CMD ["sh"]'),
    );
    assertScope(tokens[0], '\\', CONTINUATION);
    assertScope(tokens[1], 'bash', RUN_BODY);
    assertNoScope(tokens[1], 'bash', COMMAND); // still an argument of `apk add`
    assertScope(tokens[2], 'git', 'meta.command.apk.alpinist');
    assertScope(tokens[2], '&&', 'keyword.operator.logical.and.shell');
    assertScope(tokens[3], 'rm', COMMAND);
    assertScope(tokens[3], '-rf', OPTION);
    assertScope(tokens[3], '||', 'keyword.operator.logical.or.shell');
    assertScope(tokens[3], 'true', COMMAND);
    assertScope(tokens[4], 'CMD', 'keyword.other.special-method.dockerfile');
    assertNotShell(tokens[4]);
  });

  it('skips comment lines and blank lines inside a continued RUN, as Docker does', () => {
    // Docker also accepts spaces after the continuation backslash.
    const tokens = tokenize(lines('RUN apk add \\  ', '    # hadolint ignore=DL3018', '', '    curl \\', '  && apk info', 'USER nobody'));
    assertScope(tokens[1], '#', 'comment.line.number-sign.dockerfile');
    assertScope(tokens[1], '#', RUN_BODY);
    // A pragma inside an instruction is not a suppression (server/src/analysis/suppressions.ts ignores it too).
    assertNoScope(tokens[1], 'hadolint ignore=DL3018', RULE_ID);
    assertScope(tokens[3], 'curl', 'meta.command.apk.alpinist');
    assertScope(tokens[4], 'apk', APK);
    assertScope(tokens[4], 'info', APK_SUBCOMMAND);
    assertNotShell(tokens[5]);
  });

  it('scopes strings, variables and operators', () => {
    const [line] = tokenize(`RUN echo "$HOME \${FOO:-x}" 'no $expansion'; cat /etc/os-release | grep -q alpine`);
    assertScope(line, 'echo', COMMAND);
    assertScope(line, '"', 'string.quoted.double.shell');
    assertScope(line, 'HOME', 'variable.other.normal.shell');
    assertScope(line, '${', 'variable.other.bracket.shell');
    assertScope(line, 'FOO:-x', 'variable.other.bracket.shell');
    assertScope(line, 'no $expansion', 'string.quoted.single.shell');
    assertNoScope(line, 'no $expansion', 'variable');
    assertScope(line, ';', 'punctuation.terminator.statement.semicolon.shell');
    assertScope(line, 'cat', COMMAND);
    assertScope(line, '|', 'keyword.operator.pipe.shell');
    assertScope(line, 'grep', COMMAND);
    assertScope(line, '-q', OPTION);
  });

  it('continues a quoted string across a continuation line, and ends an unterminated one with the instruction', () => {
    const tokens = tokenize(lines('RUN echo "multi \\', '  line" && apk fix', 'RUN echo \'oops', 'WORKDIR /app'));
    assertScope(tokens[1], 'line', 'string.quoted.double.shell');
    assertScope(tokens[1], 'apk', APK);
    assertScope(tokens[2], 'oops', 'string.quoted.single.shell');
    assertNotShell(tokens[3]);
  });

  it('scopes shell comments; a comment ending in a continuation swallows the next line', () => {
    const tokens = tokenize(lines('RUN apk add curl # install curl \\', '    && echo hidden', 'RUN true'));
    assertScope(tokens[0], '#', 'comment.line.number-sign.shell');
    assertScope(tokens[1], '&& echo hidden', 'comment.line.number-sign.shell');
    assertScope(tokens[2], 'true', COMMAND);
  });

  it('highlights command substitutions, backticks, redirections, loops and assignments', () => {
    const [line] = tokenize('RUN for p in a b; do echo $p; done; v=$(apk info -v | wc -l) && echo `date` 2>&1 >/dev/null');
    assertScope(line, 'for', 'keyword.control.shell');
    assertScope(line, 'p', 'variable.other.loop.shell');
    assertScope(line, 'done', 'keyword.control.shell');
    assertScope(line, 'v', 'variable.other.assignment.shell');
    assertScope(line, '$(', 'meta.interpolation.command.shell');
    assertScope(line, 'apk', APK);
    assertScope(line, 'info', APK_SUBCOMMAND);
    assertScope(line, 'wc', COMMAND);
    assertScope(line, 'date', 'string.interpolated.backtick.shell');
    assertScope(line, 'date', COMMAND);
    assertScope(line, '2>&1', 'keyword.operator.redirect.shell');
  });

  it('highlights a RUN <<EOF heredoc body as shell and ends it at the terminator', () => {
    const tokens = tokenize(lines('RUN <<EOF', 'apk add --no-cache curl', 'echo "done" && exit 0', 'EOF', 'CMD ["curl"]'));
    assertScope(tokens[0], '<<', 'keyword.operator.heredoc.shell');
    assertScope(tokens[0], 'EOF', 'punctuation.definition.string.heredoc.delimiter.shell');
    assertScope(tokens[1], 'apk', APK);
    assertScope(tokens[1], 'add', APK_SUBCOMMAND);
    assertScope(tokens[1], '--no-cache', OPTION);
    assertScope(tokens[2], 'echo', COMMAND);
    assertScope(tokens[2], '&&', 'keyword.operator.logical.and.shell');
    assertScope(tokens[3], 'EOF', 'punctuation.definition.string.heredoc.delimiter.shell');
    assertNotShell(tokens[4]);
  });

  it('supports <<-EOF with a tab-indented terminator, and a heredoc fed to a shell', () => {
    const tokens = tokenize(lines('RUN sh <<-SCRIPT', '\tset -eux', '\tapk del .build-deps', '\tSCRIPT', 'ENV A=1'));
    assertScope(tokens[0], 'sh', COMMAND);
    assertScope(tokens[0], '<<-', 'keyword.operator.heredoc.shell');
    assertScope(tokens[1], 'set', COMMAND);
    assertScope(tokens[2], 'del', APK_SUBCOMMAND);
    assertScope(tokens[3], 'SCRIPT', 'punctuation.definition.string.heredoc.delimiter.shell');
    assertNotShell(tokens[4]);
  });

  it("treats a heredoc fed to another command as data: expansions only without quotes (<<'EOF')", () => {
    const tokens = tokenize(
      lines(
        "RUN cat <<'CONF' > /etc/apk/repositories && echo ok",
        'https://dl-cdn.alpinelinux.org/alpine/$VERSION/main',
        'CONF',
        'RUN cat <<CONF >> /etc/profile',
        'export PATH=$PATH:/opt/bin',
        'CONF',
      ),
    );
    assertScope(tokens[0], "'", 'punctuation.definition.string.heredoc.quote.shell');
    assertScope(tokens[0], '>', 'keyword.operator.redirect.shell');
    assertScope(tokens[0], '&&', 'keyword.operator.logical.and.shell');
    assertScope(tokens[0], 'echo', COMMAND);
    assertScope(tokens[1], 'https://dl-cdn.alpinelinux.org/alpine/$VERSION/main', 'string.unquoted.heredoc.shell');
    assertScope(tokens[2], 'CONF', 'punctuation.definition.string.heredoc.delimiter.shell');
    assertScope(tokens[4], 'PATH', 'variable.other.normal.shell');
    assertScope(tokens[4], 'export PATH=', 'string.unquoted.heredoc.shell');
    assertNoScope(tokens[4], 'export PATH=', COMMAND);
  });

  it('scopes suppression comments: tool and `ignore` as keywords, each rule id as a constant', () => {
    const tokens = tokenize(
      lines(
        '# alpinist ignore=apk-prefer-no-cache,apk-pin-versions # reason',
        '# hadolint ignore=DL3018',
        '#hadolint global ignore=DL3018, DL3019',
        '# just a comment',
        'RUN apk add curl',
      ),
    );
    assertScope(tokens[0], 'alpinist', 'keyword.other.suppression.tool.alpinist');
    assertScope(tokens[0], 'ignore', 'keyword.other.suppression.ignore.alpinist');
    assertScope(tokens[0], 'apk-prefer-no-cache', RULE_ID);
    assertScope(tokens[0], 'apk-pin-versions', RULE_ID);
    assertScope(tokens[0], ',', 'punctuation.separator.comma.alpinist');
    assertNoScope(tokens[0], '# reason', RULE_ID);
    assertScope(tokens[0], '# reason', 'comment.line.number-sign');
    assertScope(tokens[1], 'hadolint', 'keyword.other.suppression.tool.alpinist');
    assertScope(tokens[1], 'DL3018', RULE_ID);
    assertScope(tokens[2], 'global', 'storage.modifier.suppression-scope.alpinist');
    assertScope(tokens[2], 'DL3019', RULE_ID);
    assertSameAsHost(lines('# just a comment'), [0]);
  });

  it('leaves ENV, CMD and the JSON exec form of RUN exactly as the host grammar has them', () => {
    const text = lines(
      'FROM alpine:3.20 AS build',
      'ENV APK_FLAGS="--no-cache" PATH=$PATH:/opt/bin',
      'RUN ["apk", "add", "--no-cache", "curl"]',
      'RUN --network=none ["/bin/sh", "-c", "echo hi"]',
      'CMD ["sh", "-c", "apk info && echo $HOME"]',
      'run [ ]',
    );
    assertSameAsHost(text, [0, 1, 2, 3, 4, 5]);
    for (const line of tokenize(text)) assertNotShell(line);
    // `[ … ]` that is not JSON is the shell's test command: shell form.
    const [test] = tokenize('RUN [ -f /etc/alpine-release ] && apk info');
    assertScope(test, '[', COMMAND);
    assertScope(test, 'apk', APK);
  });

  it('scopes RUN flags before the shell command', () => {
    const [line] = tokenize('RUN --mount=type=cache,target=/etc/apk/cache --network=default apk add gcc');
    assertScope(line, '--mount', 'entity.other.attribute-name.run-flag.alpinist');
    assertScope(line, 'type=cache,target=/etc/apk/cache', 'string.unquoted.run-flag-value.alpinist');
    assertScope(line, '--network', 'entity.other.attribute-name.run-flag.alpinist');
    assertNoScope(line, '--mount', OPTION);
    assertScope(line, 'apk', APK);
  });

  it('scopes parser directives at the top of the file, and only there', () => {
    const tokens = tokenize(lines('# syntax=docker/dockerfile:1', 'RUN apk add curl', '# syntax=not-a-directive'));
    assertScope(tokens[0], 'syntax', 'keyword.other.directive.alpinist');
    assertScope(tokens[1], 'apk', APK);
    assertSameAsHost(lines('FROM alpine', '# syntax=not-a-directive'), [1]);
  });

  describe('# escape=` (backtick continuation)', () => {
    it('continues RUN on a trailing backtick, not on a trailing backslash', () => {
      const tokens = tokenize(
        lines('# escape=`', 'FROM alpine', 'RUN dir c:\\ && `', '    apk add --no-cache curl', 'COPY a.txt c:\\app\\', 'RUN echo done'),
      );
      assertScope(tokens[0], '`', 'constant.other.directive-value.alpinist');
      assertScope(tokens[2], '`', CONTINUATION);
      assertScope(tokens[3], 'apk', APK);
      assertScope(tokens[3], 'add', APK_SUBCOMMAND);
      assertScope(tokens[3], '--no-cache', OPTION);
      assertScope(tokens[4], 'COPY', 'keyword.other.special-method.dockerfile');
      assertNotShell(tokens[4]);
      assertScope(tokens[5], 'echo done', RUN_BODY);
    });

    it('keeps backslash continuation when the directive is not at the top of the file', () => {
      const tokens = tokenize(lines('FROM alpine', '# escape=`', 'RUN apk add \\', '    curl', 'USER nobody'));
      assertScope(tokens[2], '\\', CONTINUATION);
      assertScope(tokens[3], 'curl', 'meta.command.apk.alpinist');
      assertNotShell(tokens[4]);
    });
  });
});
