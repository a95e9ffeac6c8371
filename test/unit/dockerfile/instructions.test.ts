/** Typed instructions: every fact with the exact text its offsets cover, in every form Docker accepts. */
import assert from 'node:assert/strict';
import { hasKeyword, parseDockerfile, type DockerfileModel, type Instruction, type InstructionOf } from '../../../server/src/dockerfile/model';
import type { Span } from '../../../server/src/util/span';

function parse(text: string): DockerfileModel {
  return parseDockerfile(text);
}

/** The text a span covers. */
function at(model: DockerfileModel, span: Span | undefined): string | undefined {
  return span === undefined ? undefined : model.text.slice(span.start, span.end);
}

function only<K extends Instruction['keyword']>(model: DockerfileModel, keyword: K): InstructionOf<K> {
  const found = model.instructions.filter(hasKeyword(keyword));
  assert.equal(found.length, 1, `one ${keyword}`);
  return found[0];
}

describe('typed instructions', () => {
  it('FROM: image, --platform, AS and the stage name, keyword as written', () => {
    const model = parse('from --platform=$BUILDPLATFORM golang:1.22-alpine3.20 As Build\n');
    const from = only(model, 'FROM');
    assert.equal(at(model, from.image), 'golang:1.22-alpine3.20');
    assert.equal(from.platform?.value, '$BUILDPLATFORM');
    assert.equal(at(model, from.platform), '--platform=$BUILDPLATFORM');
    assert.equal(at(model, from.platform?.valueSpan), '$BUILDPLATFORM');
    assert.equal(at(model, from.asKeyword), 'As');
    assert.equal(at(model, from.stageName), 'Build');
    assert.equal(from.keywordText, 'from');
    assert.equal(model.stages[0].name, 'build');
    assert.equal(model.stages[0].from, from);
  });

  it('FROM without AS has no stage name', () => {
    const from = only(parse('FROM alpine\n'), 'FROM');
    assert.equal(from.asKeyword, undefined);
    assert.equal(from.stageName, undefined);
  });

  it('COPY: flags with values and spans, sources and destination in shell and exec form', () => {
    const model = parse('FROM alpine\nCOPY --from=build --chown=app:app --chmod=755 --link --exclude=*.md --exclude=tmp a.txt "b c" /dst/\nCOPY ["x y", "/z/"]\n');
    const [shell, exec] = model.instructions.filter((instruction) => instruction.keyword === 'COPY');
    assert.ok(shell.keyword === 'COPY' && exec.keyword === 'COPY');
    assert.equal(shell.form, 'shell');
    assert.equal(shell.from?.value, 'build');
    assert.equal(at(model, shell.chown?.valueSpan), 'app:app');
    assert.equal(at(model, shell.chown?.nameSpan), 'chown');
    assert.equal(shell.chmod?.value, '755');
    assert.equal(shell.link?.value, undefined);
    assert.equal(at(model, shell.link), '--link');
    assert.deepEqual(shell.excludes.map((flag) => flag.value), ['*.md', 'tmp']);
    // Docker splits a shell-form COPY on blanks; quotes do not group words there (use the JSON form).
    assert.deepEqual(shell.sources.map((source) => at(model, source)), ['a.txt', '"b', 'c"']);
    assert.equal(at(model, shell.destination), '/dst/');
    assert.equal(shell.isFromContext, false);
    assert.equal(exec.form, 'exec');
    assert.deepEqual(exec.sources.map((source) => source.value), ['x y']);
    assert.equal(at(model, exec.sources[0]), '"x y"');
    assert.equal(exec.destination?.value, '/z/');
    assert.equal(exec.isFromContext, true);
  });

  it('ADD: --checksum, --keep-git-dir, remote sources are not from the context', () => {
    const model = parse('FROM alpine\nADD --checksum=sha256:abc --keep-git-dir=true https://example.org/x.tgz /x\n');
    const add = only(model, 'ADD');
    assert.equal(add.checksum?.value, 'sha256:abc');
    assert.equal(add.keepGitDir?.value, 'true');
    assert.equal(add.isFromContext, false);
    assert.equal(add.copiesWholeContext, false);
  });

  it('COPY . and COPY ./* copy the whole context', () => {
    const model = parse('FROM alpine\nCOPY . /app\nCOPY --from=0 . /app\n');
    const [whole, fromStage] = model.instructions.filter((instruction) => instruction.keyword === 'COPY');
    assert.ok(whole.keyword === 'COPY' && fromStage.keyword === 'COPY');
    assert.equal(whole.copiesWholeContext, true);
    assert.equal(fromStage.copiesWholeContext, false);
  });

  it('COPY with a heredoc', () => {
    const model = parse('FROM alpine\nCOPY <<EOF /etc/motd\nhello\nEOF\n');
    const copy = only(model, 'COPY');
    assert.equal(copy.heredocs.length, 1);
    assert.equal(copy.heredocs[0].name, 'EOF');
    assert.equal(at(model, copy.heredocs[0].contentSpan), 'hello');
  });

  it('ENV and ARG: properties with names, values, value spans, and the legacy form', () => {
    const model = parse('ARG VERSION=3.20 OTHER\nFROM alpine:$VERSION\nENV A=1 B="two words"\nENV LEGACY some value\n');
    const [arg] = model.instructions.filter((instruction) => instruction.keyword === 'ARG');
    assert.ok(arg.keyword === 'ARG');
    assert.deepEqual(arg.properties.map((property) => [property.name, property.value, property.operator]), [['VERSION', '3.20', '='], ['OTHER', undefined, undefined]]);
    assert.equal(at(model, arg.properties[0].nameSpan), 'VERSION');
    const [env, legacy] = model.instructions.filter((instruction) => instruction.keyword === 'ENV');
    assert.ok(env.keyword === 'ENV' && legacy.keyword === 'ENV');
    assert.deepEqual(env.properties.map((property) => [property.name, property.value, property.rawValue]), [['A', '1', '1'], ['B', 'two words', '"two words"']]);
    assert.equal(at(model, env.properties[1].valueSpan), '"two words"');
    assert.equal(legacy.properties[0].operator, ' ');
    assert.equal(legacy.properties[0].name, 'LEGACY');
    assert.equal(legacy.properties[0].value, 'some value');
  });

  it('LABEL properties', () => {
    const label = only(parse('FROM alpine\nLABEL org.opencontainers.image.title="x" maintainer=me\n'), 'LABEL');
    assert.deepEqual(label.properties.map((property) => [property.name, property.value]), [['org.opencontainers.image.title', 'x'], ['maintainer', 'me']]);
  });

  it('CMD, ENTRYPOINT and SHELL in exec and shell form', () => {
    const model = parse('FROM alpine\nCMD ["/bin/sh", "-c", "echo hi"]\nENTRYPOINT exec tini -- app\nSHELL ["/bin/ash", "-eo", "pipefail", "-c"]\n');
    const cmd = only(model, 'CMD');
    assert.equal(cmd.command.form, 'exec');
    assert.deepEqual(cmd.command.words.map((word) => word.value), ['/bin/sh', '-c', 'echo hi']);
    assert.equal(at(model, cmd.command.span), '["/bin/sh", "-c", "echo hi"]');
    const entrypoint = only(model, 'ENTRYPOINT');
    assert.equal(entrypoint.command.form, 'shell');
    assert.deepEqual(entrypoint.command.words.map((word) => word.value), ['exec', 'tini', '--', 'app']);
    assert.deepEqual(only(model, 'SHELL').command.words.map((word) => word.value), ['/bin/ash', '-eo', 'pipefail', '-c']);
  });

  it('an empty exec form is exec form', () => {
    assert.equal(only(parse('FROM alpine\nCMD []\n'), 'CMD').command.form, 'exec');
  });

  it('HEALTHCHECK: options, CMD in both forms, NONE', () => {
    const model = parse('FROM alpine\nHEALTHCHECK --interval=30s CMD ["wget", "-q", "localhost"]\n');
    const check = only(model, 'HEALTHCHECK');
    assert.equal(check.flag('interval')?.value, '30s');
    assert.equal(check.subcommand?.value, 'CMD');
    assert.equal(check.command?.form, 'exec');
    assert.deepEqual(check.command?.words.map((word) => word.value), ['wget', '-q', 'localhost']);
    const none = only(parse('FROM alpine\nHEALTHCHECK NONE\n'), 'HEALTHCHECK');
    assert.equal(none.command, undefined);
    const shell = only(parse('FROM alpine\nHEALTHCHECK CMD curl -f http://localhost/\n'), 'HEALTHCHECK');
    assert.deepEqual(shell.command?.words.map((word) => word.value), ['curl', '-f', 'http://localhost/']);
  });

  it('WORKDIR, USER, EXPOSE, VOLUME, STOPSIGNAL, MAINTAINER', () => {
    const model = parse('FROM alpine\nWORKDIR /srv/app\nUSER app:staff\nEXPOSE 80 443/tcp 53/UDP\nVOLUME ["/data", "/logs"]\nSTOPSIGNAL SIGTERM\nMAINTAINER Jane <jane@example.org>\n');
    assert.equal(only(model, 'WORKDIR').path, '/srv/app');
    const user = only(model, 'USER');
    assert.deepEqual([user.user, user.userName, user.group], ['app:staff', 'app', 'staff']);
    assert.deepEqual(only(model, 'EXPOSE').ports.map((port) => [port.port, port.protocol, at(model, port.token)]), [['80', undefined, '80'], ['443', 'tcp', '443/tcp'], ['53', 'UDP', '53/UDP']]);
    const volume = only(model, 'VOLUME');
    assert.equal(volume.form, 'exec');
    assert.deepEqual(volume.paths.map((path) => path.value), ['/data', '/logs']);
    assert.equal(only(model, 'STOPSIGNAL').arguments[0].value, 'SIGTERM');
    assert.equal(only(model, 'MAINTAINER').argumentsText, 'Jane <jane@example.org>');
  });

  it('keyword spans cover the keyword as written: indented, any case, split by a continuation, a trigger\'s, CRLF (a blank after the break ends it, as dockerfile-ast reads it)', () => {
    const text = 'FROM alpine\n  run echo a\nR\\\nUN echo b\r\nONBUILD  Copy . /x\nexpose 80\n\tHEALTHCHECK NONE\nWork\\\n  dir /a\nFROM\n';
    const model = parse(text);
    assert.deepEqual(model.instructions.map((instruction) => at(model, instruction.keywordSpan)), ['FROM', 'run', 'R\\\nUN', 'Copy', 'expose', 'HEALTHCHECK', 'Work', 'FROM']);
    const escaped = parse('# escape=`\nFROM alpine\nRU`\nN echo\n');
    assert.deepEqual(escaped.instructions.map((instruction) => at(escaped, instruction.keywordSpan)), ['FROM', 'RU`\nN']);
  });

  it('ONBUILD triggers are typed by their trigger, with the ONBUILD keyword span', () => {
    const model = parse('FROM alpine\nONBUILD COPY --chown=a . /app\nONBUILD RUN apk add curl\nONBUILD\n');
    const [copy, run, bare] = model.stages[0].instructions;
    assert.ok(copy.keyword === 'COPY');
    assert.equal(copy.isOnbuild, true);
    assert.equal(at(model, copy.onbuildKeyword), 'ONBUILD');
    assert.equal(at(model, copy.keywordSpan), 'COPY');
    assert.equal(copy.chown?.value, 'a');
    assert.equal(at(model, copy), 'ONBUILD COPY --chown=a . /app');
    assert.ok(run.keyword === 'RUN');
    assert.equal(run.isOnbuild, true);
    assert.equal(run.apkCalls[0].subcommand, 'add');
    assert.equal(bare.keyword, 'ONBUILD');
    assert.equal(bare.isOnbuild, false);
  });

  it('unknown instructions keep their written keyword', () => {
    const model = parse('FROM alpine\nFORM x\n');
    const unknown = model.stages[0].instructions[0];
    assert.equal(unknown.keyword, 'UNKNOWN');
    assert.equal(unknown.keywordText, 'FORM');
  });

  it('continuation lines inside an instruction keep every offset exact', () => {
    const model = parse('FROM alpine\nCOPY --chown=app \\\n  src/ \\\n  /dst/\n');
    const copy = only(model, 'COPY');
    assert.equal(at(model, copy.sources[0]), 'src/');
    assert.equal(at(model, copy.destination), '/dst/');
    assert.equal(copy.argumentsText.replace(/\s+/g, ' ').trim(), 'src/ /dst/');
  });

  it('RUN heredocs and their content span', () => {
    const model = parse('FROM alpine\nRUN <<EOF\napk add curl\nEOF\n');
    const run = only(model, 'RUN');
    assert.equal(run.form, 'heredoc');
    assert.equal(at(model, run.heredocs[0].nameSpan), 'EOF');
    assert.equal(at(model, run.heredocs[0].contentSpan), 'apk add curl');
  });

  it('parser directives and comments with their spans', () => {
    const model = parse('# syntax=docker/dockerfile:1\n# check=skip=JSONArgsRecommended\n\n# a comment\nFROM alpine\n');
    assert.deepEqual(model.directives.map((directive) => [directive.name, directive.value, at(model, directive.valueSpan)]), [
      ['syntax', 'docker/dockerfile:1', 'docker/dockerfile:1'],
      ['check', 'skip=JSONArgsRecommended', 'skip=JSONArgsRecommended'],
    ]);
    assert.deepEqual(model.comments.map((comment) => [comment.content, at(model, comment)]), [['a comment', '# a comment']]);
  });

  it('stages know the stages built on them and their own ARGs', () => {
    const model = parse('ARG BASE=3.20\nFROM alpine:$BASE AS base\nARG BASE\nARG OWN=x\nFROM base\nFROM base AS other\n');
    const [base, child, other] = model.stages;
    assert.deepEqual(base.children, [child, other]);
    assert.deepEqual(base.args.map((entry) => [entry.name, entry.value]), [['BASE', '3.20'], ['OWN', 'x']]);
    assert.equal(base.resolvedImage, 'alpine:3.20');
  });
});
