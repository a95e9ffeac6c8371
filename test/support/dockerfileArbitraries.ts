/**
 * fast-check arbitraries for property tests: realistic Alpine Dockerfiles built from the constructs the rules look
 * at, mutations of existing text (edits, truncations, hostile characters), and the knobs every property shares
 * (`FC_SEED`, `FC_NUM_RUNS`).
 */
import { allRules } from '../../server/src/rules';
import fc from 'fast-check';

/** fast-check parameters: a fixed seed and `numRuns` by default, overridable with `FC_SEED` / `FC_NUM_RUNS`. */
export function propertyParameters(numRuns: number, seed = 20260526): fc.Parameters<unknown> {
  const envSeed = process.env.FC_SEED;
  const envRuns = process.env.FC_NUM_RUNS;
  return {
    seed: envSeed !== undefined && envSeed !== '' ? Number(envSeed) : seed,
    numRuns: envRuns !== undefined && envRuns !== '' ? Number(envRuns) : numRuns,
    // Why: shrinking re-runs the whole pipeline per step; a long but bounded budget still gives a small example.
    endOnFailure: false,
    interruptAfterTimeLimit: 120_000,
    markInterruptAsFailure: false,
  };
}

const pick = <T>(...values: T[]): fc.Arbitrary<T> => fc.constantFrom(...values);

const PACKAGES = [
  'curl', 'git', 'bash', 'ca-certificates', 'python', 'python-dev', 'python2', 'py2-pip', 'py-pip', 'python3',
  'python3-dev', 'py3-pip', 'gcc', 'g++', 'make', 'musl-dev', 'build-base', 'gcompat', 'libc6-compat', 'glibc',
  'glibc-bin', 'nodejs', 'npm', 'openssl-dev', 'libffi-dev', 'postgresql-dev', 'curl=8.5.0-r0', 'git~2.43',
  'tini@community', 'python@edge', '"python"', "'python-dev'", '$PKGS', '${EXTRA}', './local.apk',
  'glibc-2.35-r1.apk', '!foo', 'py3-setuptools', 'py3-numpy', 'nodejs-npm',
];
const APK_FLAGS = ['--no-cache', '--update', '-U', '--update-cache', '-q', '-qU', '--no-progress', '--virtual .build-deps', '-t .deps', '--virtual=.tmp', '--repository=https://dl-cdn.alpinelinux.org/alpine/edge/testing', '-X http://mirror/x', '--virtual .rundeps', '--virtual $NAME', '--', '-X https://nl.alpinelinux.org/alpine/v3.18/main'];
const URLS = [
  'https://nodejs.org/dist/v20.11.0/node-v20.11.0-linux-x64.tar.xz',
  'https://github.com/sgerrand/alpine-pkg-glibc/releases/download/2.35-r1/glibc-2.35-r1.apk',
  'https://example.com/tool-1.2-x86_64-unknown-linux-gnu.tar.gz',
  'https://example.com/tool-1.2-x86_64-unknown-linux-musl.tar.gz',
  'https://dot.net/dotnet-sdk-8.0.100-linux-x64.tar.gz',
  'https://awscli.amazonaws.com/awscli-exe-linux-x86_64.zip',
  'https://example.com/file.tar.gz.sha256',
  '"https://example.com/${VERSION}/glibc.tar.gz"',
];

const apkAdd: fc.Arbitrary<string> = fc
  .tuple(pick('apk', '/sbin/apk', 'apk'), fc.subarray(APK_FLAGS, { maxLength: 3 }), fc.subarray(PACKAGES, { minLength: 0, maxLength: 5 }), fc.boolean())
  .map(([apk, flags, packages, flagsFirst]) => (flagsFirst ? [apk, ...flags, 'add', ...packages] : [apk, 'add', ...flags, ...packages]).join(' '));

const simpleCommand: fc.Arbitrary<string> = fc.oneof(
  { weight: 6, arbitrary: apkAdd },
  { weight: 2, arbitrary: pick('apk update', 'apk update -q', 'apk -U upgrade', 'apk upgrade --no-cache', 'apk cache clean', 'apk cache purge', 'apk info', 'apk --no-cache update', 'apk upgrade --update', 'apk upgrade -qU', 'apk add --update -q') },
  {
    weight: 1,
    arbitrary: pick(
      'echo "http://nl.alpinelinux.org/alpine/v3.18/main" >> /etc/apk/repositories',
      'echo "@edge https://dl-cdn.alpinelinux.org/alpine/edge/community" >> /etc/apk/repositories',
      'echo "https://dl-cdn.alpinelinux.org/alpine/latest-stable/main" > /etc/apk/repositories',
      'printf "%s\\n" "http://dl-cdn.alpinelinux.org/alpine/edge/testing" | tee -a /etc/apk/repositories',
    ),
  },
  { weight: 2, arbitrary: fc.subarray(PACKAGES, { minLength: 1, maxLength: 3 }).map((packages) => `apk del ${packages.join(' ')}`) },
  { weight: 1, arbitrary: pick('apk del .build-deps', 'apk del --purge .deps', 'apk del .tmp', 'apk del $NAME') },
  { weight: 3, arbitrary: pick('rm -rf /var/cache/apk/*', 'rm -rf /var/cache/apk/* /tmp/*', 'rm -rf /tmp/* /var/cache/apk/*', 'rm -f /var/cache/apk/*', 'rm -rf ~/.cache/pip') },
  {
    weight: 3,
    arbitrary: fc
      .tuple(pick('pip', 'pip3', 'pip3.12', 'python3 -m pip', 'python -m pip', '/venv/bin/pip', 'python3 -mpip'), fc.subarray(['--no-cache-dir', '--upgrade', '--break-system-packages', '--user', '--prefix=/opt', '-r requirements.txt', '--no-cache'], { maxLength: 2 }), fc.subarray(['flask', 'numpy', 'requests==2.31', 'torch-2.1.0-cp311-cp311-manylinux_2_17_x86_64.whl'], { minLength: 1, maxLength: 2 }))
      .map(([pip, options, packages]) => [pip, 'install', ...options, ...packages].join(' ')),
  },
  { weight: 1, arbitrary: pick('pip config set global.no-cache-dir false', 'python3 -m venv /venv', '. /venv/bin/activate', 'python3 -m ensurepip', 'pip cache purge', 'export PIP_NO_CACHE_DIR=1', 'export PIP_BREAK_SYSTEM_PACKAGES=1') },
  { weight: 2, arbitrary: fc.tuple(pick('curl -fsSL -o /tmp/x', 'wget -q', 'curl -L'), pick(...URLS)).map(([tool, url]) => `${tool} ${url}`) },
  { weight: 1, arbitrary: pick('apt-get update', 'apt-get install -y curl', 'yum install -y git', 'command -v apt-get && apt-get install -y curl', 'apt-get install -y x || apk add x') },
  { weight: 2, arbitrary: pick('echo hello', 'make -j$(nproc)', 'cd /src', './configure --prefix=/usr', 'true', 'echo "a && b"', "echo 'x;y'", 'ls | wc -l', 'X=1 make', 'sleep 1 &') },
);

/** A command, sometimes wrapped in a construct that makes it conditional or nested. */
const command: fc.Arbitrary<string> = fc.oneof(
  { weight: 8, arbitrary: simpleCommand },
  { weight: 1, arbitrary: simpleCommand.map((inner) => `if [ -f /etc/alpine-release ]; then ${inner}; fi`) },
  { weight: 1, arbitrary: simpleCommand.map((inner) => `(${inner})`) },
  { weight: 1, arbitrary: simpleCommand.map((inner) => `for p in a b; do ${inner}; done`) },
  { weight: 1, arbitrary: simpleCommand.map((inner) => `[ -x /sbin/apk ] && ${inner}`) },
);

/** `&&` most of the time, as real Dockerfiles do, with continuations in between. */
const separator: fc.Arbitrary<(escape: string, eol: string) => string> = fc.oneof(
  { weight: 6, arbitrary: fc.constant((escape: string, eol: string) => ` && ${escape}${eol}    `) },
  { weight: 4, arbitrary: fc.constant(() => ' && ') },
  { weight: 2, arbitrary: fc.constant((escape: string, eol: string) => `; ${escape}${eol}    `) },
  { weight: 1, arbitrary: fc.constant(() => ' || ') },
  { weight: 1, arbitrary: fc.constant(() => ' | ') },
  { weight: 1, arbitrary: fc.constant((escape: string, eol: string) => ` ${escape}${eol}    && `) },
  { weight: 1, arbitrary: fc.constant((escape: string, eol: string) => ` && ${escape}${eol}    # a comment inside the continuation${eol}    `) },
);

type Part = (escape: string, eol: string) => string;

const runFlags = pick('', '', '', '--mount=type=cache,target=/var/cache/apk ', '--mount=type=cache,target=/root/.cache/pip ', '--network=none ', '--mount=type=tmpfs,target=/var/cache/apk ');

const shellRun: fc.Arbitrary<Part> = fc
  .tuple(runFlags, fc.array(fc.tuple(command, separator), { minLength: 1, maxLength: 5 }), pick('RUN', 'RUN', 'run', 'ONBUILD RUN'))
  .map(([flags, steps, keyword]) => (escape: string, eol: string) => {
    let body = '';
    steps.forEach(([step, join], index) => {
      body += (index === 0 ? '' : join(escape, eol)) + step;
    });
    return `${keyword} ${flags}${body}`;
  });

const execRun: fc.Arbitrary<Part> = fc
  .tuple(fc.subarray(['apk', 'add', '--no-cache', '-U', 'curl', 'python', 'update'], { minLength: 1 }), pick('RUN', 'RUN', 'ONBUILD RUN'))
  .map(([words, keyword]) => () => `${keyword} [${words.map((word) => JSON.stringify(word)).join(', ')}]`);

const heredocRun: fc.Arbitrary<Part> = fc
  .tuple(fc.array(command, { minLength: 1, maxLength: 4 }), pick('<<EOF', '<<-EOF', '<<"EOF"', '<<EOF sh', '<<EOF bash -e', '<<EOF cat > /x.sh'))
  .map(([commands, marker]) => (_escape: string, eol: string) => `RUN ${marker}${eol}${commands.join(eol)}${eol}EOF`);

/** Every rule id and hadolint code of the registry, and ids that name nothing. */
const RULE_IDS = [...allRules.map((rule) => rule.id), 'all', 'not-a-rule'];
const HADOLINT_CODES = [...new Set(allRules.flatMap((rule) => rule.hadolint ?? [])), 'DL9999'];

const suppression: fc.Arbitrary<Part> = fc
  .tuple(pick('alpinist', 'alpinist', 'hadolint'), pick('', '', 'stage ', 'global '), fc.subarray([...RULE_IDS, ...HADOLINT_CODES], { minLength: 1, maxLength: 3 }))
  .map(([tool, scope, ids]) => () => `# ${tool} ${scope}ignore=${ids.join(',')}`);

const otherInstruction: fc.Arbitrary<Part> = pick<Part>(
  () => 'ENV PIP_NO_CACHE_DIR=1',
  () => 'ENV PATH=/venv/bin:$PATH',
  () => 'ENV VIRTUAL_ENV=/venv',
  () => 'ENV LANG=C.UTF-8',
  () => 'ARG PKGS="curl git"',
  () => 'WORKDIR /app',
  () => 'COPY --from=build /out /usr/local/bin/',
  () => 'COPY . .',
  () => 'ADD https://nodejs.org/dist/v20.11.0/node-v20.11.0-linux-x64.tar.xz /opt/',
  () => 'ADD ["https://example.com/x-linux-gnu.tar.gz", "/opt/"]',
  () => 'CMD ["sh"]',
  () => 'ENTRYPOINT ["/sbin/tini", "--"]',
  () => 'USER nobody',
  () => 'EXPOSE 8080',
  () => 'HEALTHCHECK CMD wget -q localhost || exit 1',
  () => '# just a comment',
  () => '',
  () => 'ONBUILD COPY . /src',
  () => 'SHELL ["/bin/ash", "-eo", "pipefail", "-c"]',
  (escape, eol) => `LABEL a=b ${escape}${eol}      c=d`,
);

const from: fc.Arbitrary<Part> = fc
  .tuple(
    pick('FROM', 'FROM', 'from'),
    pick('', '', '--platform=$BUILDPLATFORM '),
    pick(
      'alpine', 'alpine:3.20', 'alpine:3.18', 'alpine:3.11', 'alpine:latest', 'alpine:edge', 'alpine:3.24', 'docker.io/library/alpine:3.19',
      'python:3.12-alpine3.20', 'node:22-alpine', 'golang:1.22-alpine', 'ghcr.io/acme/alpine:3.21', 'debian:bookworm-slim', 'ubuntu:24.04',
      'centos:7', 'scratch', 'busybox', 'build', 'alpine@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef',
      '${BASE}', 'alpine:${ALPINE_VERSION}', '$BASE:latest',
    ),
    pick('', '', ' AS build', ' as runtime', ' AS base'),
  )
  .map(([keyword, platform, image, alias]) => () => `${keyword} ${platform}${image}${alias}`);

/** One-command RUNs, the shape of the layer rules' findings (`RUN apk update`, `RUN apk del .build-deps`). */
const singleRun: fc.Arbitrary<Part> = fc
  .tuple(pick('apk update', 'apk update -q', 'apk add --virtual .build-deps gcc musl-dev', 'apk add -t .deps make', 'apk add curl', 'apk add -U git', 'apk del .build-deps', 'apk del gcc musl-dev', 'apk del curl', 'rm -rf /var/cache/apk/*', 'apk cache clean', 'apk upgrade', 'pip install flask'), runFlags)
  .map(([body, flags]) => () => `RUN ${flags}${body}`);

const instruction: fc.Arbitrary<Part> = fc.oneof(
  { weight: 6, arbitrary: shellRun },
  { weight: 4, arbitrary: singleRun },
  { weight: 1, arbitrary: execRun },
  { weight: 1, arbitrary: heredocRun },
  { weight: 1, arbitrary: suppression },
  { weight: 3, arbitrary: otherInstruction },
  { weight: 1, arbitrary: from },
);

const stage: fc.Arbitrary<Part[]> = fc.tuple(fc.option(suppression, { freq: 5 }), from, fc.array(instruction, { minLength: 1, maxLength: 6 })).map(([pragma, first, rest]) => [...(pragma ? [pragma] : []), first, ...rest]);

/** A whole Dockerfile: optional escape directive and global ARGs, one to three stages, LF or CRLF, odd indentation. */
export const dockerfileArbitrary: fc.Arbitrary<string> = fc
  .tuple(
    pick('\\', '\\', '\\', '`'),
    pick('\n', '\n', '\r\n'),
    fc.subarray(['ARG BASE=alpine:3.20', 'ARG ALPINE_VERSION=3.19', '# alpinist global ignore=from-require-pinned-tag', '# syntax=docker/dockerfile:1'], { maxLength: 2 }),
    fc.array(stage, { minLength: 1, maxLength: 3 }),
    pick('', '', '  ', '\t'),
    fc.boolean(),
  )
  .map(([escape, eol, preamble, stages, indent, trailingNewline]) => {
    const lines: string[] = [];
    if (escape === '`') lines.push('# escape=`');
    lines.push(...preamble);
    for (const parts of stages) for (const part of parts) lines.push(indent + part(escape, eol));
    return lines.join(eol) + (trailingNewline ? eol : '');
  });

/** Instructions of one stage, without FROM: many of them make one long stage. */
export const stageBodyArbitrary: fc.Arbitrary<string> = fc
  .array(fc.oneof({ weight: 6, arbitrary: shellRun }, { weight: 4, arbitrary: singleRun }, { weight: 1, arbitrary: heredocRun }, { weight: 2, arbitrary: otherInstruction }), { minLength: 1, maxLength: 12 })
  .map((parts) => parts.map((part) => part('\\', '\n')).join('\n'));

/** Characters that matter to Dockerfile, shell and our parsers, for random insertions. */
const SIGNIFICANT = ['\\', '`', '\n', '\r\n', '\r', ' ', '\t', '"', "'", '$', '{', '}', '(', ')', '[', ']', '&&', '||', ';', '|', '&', '#', '=', ',', '<<EOF', 'EOF', '--', '-U', 'apk', ' add ', '\u0000', '\uFEFF', '\uD800', '\uDC00', '😀', 'é'];

/** One random edit of `text`: insert, delete or replace a span, duplicate or drop a line, or truncate. */
export function mutationOf(text: string): fc.Arbitrary<string> {
  const position = fc.integer({ min: 0, max: text.length });
  const insertion = fc.oneof(fc.constantFrom(...SIGNIFICANT), fc.string({ maxLength: 8 }), fc.string({ unit: 'binary', maxLength: 4 }));
  return fc.oneof(
    fc.tuple(position, insertion).map(([at, inserted]) => text.slice(0, at) + inserted + text.slice(at)),
    fc.tuple(position, fc.integer({ min: 1, max: 40 })).map(([at, length]) => text.slice(0, at) + text.slice(at + length)),
    fc.tuple(position, fc.integer({ min: 1, max: 12 }), insertion).map(([at, length, inserted]) => text.slice(0, at) + inserted + text.slice(at + length)),
    position.map((at) => text.slice(0, at)),
    position.map((at) => {
      const lineStart = text.lastIndexOf('\n', at - 1) + 1;
      const lineEnd = text.indexOf('\n', at);
      const line = text.slice(lineStart, lineEnd === -1 ? text.length : lineEnd + 1);
      return text.slice(0, lineStart) + line + line + text.slice(lineStart + line.length);
    }),
    position.map((at) => {
      const lineStart = text.lastIndexOf('\n', at - 1) + 1;
      const lineEnd = text.indexOf('\n', at);
      return text.slice(0, lineStart) + (lineEnd === -1 ? '' : text.slice(lineEnd + 1));
    }),
  );
}

/** One to `maxEdits` successive mutations of `text`. */
export function mutatedText(text: string, maxEdits = 3): fc.Arbitrary<string> {
  return fc.integer({ min: 1, max: maxEdits }).chain((count) => {
    let arbitrary: fc.Arbitrary<string> = fc.constant(text);
    for (let index = 0; index < count; index++) arbitrary = arbitrary.chain(mutationOf);
    return arbitrary;
  });
}

/** A lone UTF-16 surrogate. */
export const loneSurrogate: fc.Arbitrary<string> = fc.integer({ min: 0xd800, max: 0xdfff }).map((code) => String.fromCharCode(code));

/** Replaces every line break with LF, CRLF or a lone CR, chosen per line. */
export function mixedLineEndings(text: string): fc.Arbitrary<string> {
  const lines = text.split(/\r\n|\r|\n/);
  return fc.array(fc.constantFrom('\n', '\r\n', '\r'), { minLength: lines.length, maxLength: lines.length }).map((endings) =>
    lines.map((line, index) => line + (index < lines.length - 1 ? endings[index] : '')).join(''),
  );
}

/**
 * Instructions that many fixes rewrite (MAINTAINER, ADD, `apk add --update`, pip, apt-get, `COPY . .` before an
 * install, shell-form CMD) and text no fix should touch (comments and strings with non-ASCII characters, heredoc
 * bodies), for the properties of `--fix`.
 */
const fixTarget: fc.Arbitrary<Part> = pick<Part>(
  () => 'MAINTAINER Jane Doe <jane@example.com>',
  () => 'maintainer José Müller',
  () => 'RUN apk add --update py3-pip gcc',
  (escape, eol) => `RUN apk add --no-cache --update gcc g++${escape}${eol}    gfortran musl-dev`,
  () => 'RUN apk update && apk add --update curl',
  () => 'RUN pip install -r requirements.txt',
  () => 'RUN pip install flask',
  () => 'RUN npm install',
  () => 'RUN apt-get update && apt-get install curl',
  () => 'RUN apt install git',
  () => 'COPY . .',
  () => 'COPY . /code/',
  () => 'ADD ./src /src',
  () => 'ADD app.tar.gz /app/',
  () => 'CMD python app.py',
  () => 'ENTRYPOINT npm start',
  () => 'RUN cd /app && make',
  () => 'RUN wget https://example.com/x.tgz',
  () => 'USER root',
  () => '# café ☕ 日本語 😀',
  () => 'RUN echo "héllo wörld 😀" > /greeting',
  () => 'LABEL description="naïve ✓"',
  (_escape, eol) => `RUN <<EOF${eol}apk add --update curl${eol}pip install flask${eol}EOF`,
  (_escape, eol) => `COPY <<EOF /etc/motd${eol}bienvenue à bord — 😀${eol}EOF`,
  (escape, eol) => `RUN apk add --update git && ${escape}${eol}    # résumé of the step${eol}    pip install requests`,
);

const fixTargetStage: fc.Arbitrary<Part[]> = fc
  .tuple(from, fc.array(fc.oneof({ weight: 3, arbitrary: fixTarget }, { weight: 2, arbitrary: instruction }), { minLength: 1, maxLength: 8 }))
  .map(([first, rest]) => [first, ...rest]);

/** A Dockerfile (LF) of one or two stages rich in fixable findings and in text that must survive them. */
export const fixTargetDockerfileArbitrary: fc.Arbitrary<string> = fc
  .tuple(pick('\\', '\\', '\\', '`'), fc.array(fixTargetStage, { minLength: 1, maxLength: 2 }), pick('', '', '  '), fc.boolean())
  .map(([escape, stages, indent, trailingNewline]) => {
    const lines: string[] = [];
    if (escape === '`') lines.push('# escape=`');
    for (const parts of stages) for (const part of parts) lines.push(indent + part(escape, '\n'));
    return lines.join('\n') + (trailingNewline ? '\n' : '');
  });
