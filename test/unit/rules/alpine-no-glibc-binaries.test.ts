import rule from '../../../server/src/rules/alpine-no-glibc-binaries';
import { ruleTester } from '../../support/ruleTester';

const RIPGREP = 'https://github.com/BurntSushi/ripgrep/releases/download/14.1.0/ripgrep-14.1.0-x86_64-unknown-linux';
const NODE = 'https://nodejs.org/dist/v20.11.0/node-v20.11.0-linux-x64.tar.xz';
const SGERRAND = 'https://github.com/sgerrand/alpine-pkg-glibc/releases/download/2.35-r0';

ruleTester.run(rule, {
  valid: [
    { name: 'musl build', code: `FROM alpine:3.20\nRUN curl -fsSLO ${RIPGREP}-musl.tar.gz` },
    { name: 'Node.js musl build', code: 'FROM alpine:3.20\nRUN wget https://unofficial-builds.nodejs.org/download/release/v20.11.0/node-v20.11.0-linux-x64-musl.tar.xz' },
    { name: 'a plain linux-amd64 tarball says nothing about the libc', code: 'FROM alpine:3.20\nRUN wget https://get.helm.sh/helm-v3.14.0-linux-amd64.tar.gz' },
    { name: 'Debian stage', code: `FROM debian:bookworm-slim\nRUN curl -fsSLO ${RIPGREP}-gnu.tar.gz` },
    { name: 'checksum of a glibc build', code: `FROM alpine:3.20\nRUN curl -fsSLO ${RIPGREP}-gnu.tar.gz.sha256` },
    { name: 'the sgerrand signing key alone', code: `FROM alpine:3.20\nRUN wget -O /etc/apk/keys/sgerrand.rsa.pub ${SGERRAND}/sgerrand.rsa.pub` },
    { name: 'rust target name is not a download', code: 'FROM alpine:3.20\nRUN rustup target add x86_64-unknown-linux-gnu' },
    { name: 'manylinux platform for a cross download', code: 'FROM python:3.12-alpine\nRUN pip install --platform manylinux2014_x86_64 --only-binary=:all: --target /pkg numpy' },
    { name: 'Temurin Alpine build', code: 'FROM alpine:3.20\nADD https://github.com/adoptium/temurin21-binaries/releases/download/jdk-21.0.2%2B13/OpenJDK21U-jre_x64_alpine-linux_hotspot_21.0.2_13.tar.gz /opt/' },
    {
      name: 'Alpine stage that only downloads for a Debian stage',
      code: `FROM alpine:3.20 AS fetch\nRUN wget ${NODE}\nFROM debian:bookworm-slim\nCOPY --from=fetch /node-v20.11.0-linux-x64.tar.xz /tmp/`,
    },
    { name: 'gcompat itself', code: 'FROM alpine:3.20\nRUN apk add --no-cache gcompat' },
    {
      name: 'a variable holding a musl build',
      code: `FROM alpine:3.20\nENV RG_URL=${RIPGREP}-musl.tar.gz\nRUN curl -fsSL -o rg.tgz "$RG_URL"`,
    },
    { name: 'a variable of the RUN itself is not guessed', code: 'FROM alpine:3.20\nRUN URL=https://x.example/a-linux-gnu.tgz; curl -o a.tgz "$URL"' },
    { name: 'a variable used before the ENV that sets it', code: `FROM alpine:3.20\nRUN curl -o a.tgz "$RG_URL"\nENV RG_URL=${RIPGREP}-gnu.tar.gz` },
    { name: 'an ARG without a value', code: 'FROM alpine:3.20\nARG JDK_URL\nRUN curl -o jdk.tgz "$JDK_URL"' },
    { name: 'Liberica musl JDK', code: 'FROM alpine:3.20\nRUN wget https://download.bell-sw.com/java/21.0.2+14/bellsoft-jdk21.0.2+14-linux-x64-musl.tar.gz' },
    { name: 'Corretto Alpine JDK', code: 'FROM alpine:3.20\nRUN wget https://corretto.aws/downloads/latest/amazon-corretto-21-x64-alpine-jdk.tar.gz' },
    { name: 'Zulu musl JDK', code: 'FROM alpine:3.20\nRUN wget https://cdn.azul.com/zulu/bin/zulu21.32.17-ca-jdk21.0.2-linux_musl_x64.tar.gz' },
    { name: 'a static linux-amd64 binary named like a JDK tool is not a JDK', code: 'FROM alpine:3.20\nRUN wget https://github.com/jqlang/jq/releases/download/jq-1.7.1/jq-linux-amd64' },
    { name: 'a script named after glibc, copied from the context', code: 'FROM alpine:3.20\nCOPY install-glibc.sh glibc.conf /tmp/' },
    { name: 'a link to musl under another name', code: 'FROM alpine:3.20\nRUN ln -s /lib/ld-musl-x86_64.so.1 /usr/lib/libc.so' },
    { name: 'glibc loader linked to something else', code: 'FROM alpine:3.20\nRUN ln -s /usr/glibc-compat/lib/ld-linux-x86-64.so.2 /lib64/ld-linux-x86-64.so.2 || true' },
  ],
  invalid: [
    {
      name: 'linux-gnu release asset',
      code: `FROM alpine:3.20\nRUN curl -fsSLO «${RIPGREP}-gnu.tar.gz»`,
      output: null,
      messageIncludes: '`ripgrep-14.1.0-x86_64-unknown-linux-gnu.tar.gz` is a glibc build',
      severity: 'warning',
    },
    {
      name: 'Node.js glibc tarball from nodejs.org',
      code: `FROM alpine:3.20\nRUN wget -q «${NODE}» && tar -xJf node-v20.11.0-linux-x64.tar.xz`,
      output: null,
      messageIncludes: 'apk add nodejs',
    },
    {
      name: 'ADD a Node.js tarball',
      code: `FROM node:20-alpine\nADD «${NODE}» /tmp/`,
      output: null,
    },
    {
      name: 'ADD in exec form: the .NET SDK',
      code: 'FROM alpine:3.20\nADD [«"https://dotnetcli.azureedge.net/dotnet/Sdk/8.0.100/dotnet-sdk-8.0.100-linux-x64.tar.gz"», "/tmp/"]',
      output: null,
      messageIncludes: '`linux-musl`',
    },
    {
      name: 'sgerrand glibc: one finding per instruction',
      code: `FROM alpine:3.20\nRUN wget -O /etc/apk/keys/sgerrand.rsa.pub ${SGERRAND}/sgerrand.rsa.pub && \\\n    wget «${SGERRAND}/glibc-2.35-r0.apk» ${SGERRAND}/glibc-bin-2.35-r0.apk && \\\n    apk add glibc-2.35-r0.apk glibc-bin-2.35-r0.apk`,
      output: null,
      messageIncludes: 'third-party glibc package',
    },
    {
      name: 'apk add glibc from an added repository',
      code: 'FROM alpine:3.20\nRUN echo "https://example.com/sgerrand" >> /etc/apk/repositories && apk add --no-cache «glibc»',
      output: null,
    },
    {
      name: 'manylinux wheel given to pip',
      code: 'FROM python:3.12-alpine\nRUN pip install «/tmp/numpy-1.26.4-cp312-cp312-manylinux_2_17_x86_64.manylinux2014_x86_64.whl»',
      output: null,
      messageIncludes: '`manylinux` wheel',
    },
    {
      name: 'gcompat installed: still reported, as info',
      code: 'FROM alpine:3.20\nRUN apk add --no-cache gcompat\nRUN curl -fsSLO «https://cdn.mysql.com/Downloads/MySQL-8.0/mysql-8.0.36-linux-glibc2.28-x86_64.tar.xz»',
      output: null,
      severity: 'info',
      messageIncludes: '`gcompat`',
    },
    {
      name: 'gcompat does not make pip accept manylinux wheels',
      code: 'FROM python:3.12-alpine\nRUN apk add --no-cache gcompat\nRUN pip install «/tmp/x-1.0-cp312-cp312-manylinux2014_x86_64.whl»',
      output: null,
      severity: 'warning',
    },
    {
      name: 'quoted URL with a variable',
      code: 'FROM alpine:3.20\nARG V=1.0\nRUN wget -O /tmp/t.tgz «"https://example.com/releases/v${V}/tool-${V}-aarch64-linux-gnu.tgz"»',
      output: null,
      messageIncludes: '`tool-1.0-aarch64-linux-gnu.tgz` is a glibc build',
    },
    {
      name: 'AWS CLI v2 installer',
      code: 'FROM alpine:3.20\nRUN curl -fsSL «"https://awscli.amazonaws.com/awscli-exe-linux-x86_64.zip"» -o awscliv2.zip',
      output: null,
      messageIncludes: '`apk add aws-cli`',
    },
    {
      name: 'heredoc',
      code: 'FROM alpine:3.20\nRUN <<EOF\nset -e\ncurl -fsSLO «https://static.rust-lang.org/rustup/dist/x86_64-unknown-linux-gnu/rustup-init»\nEOF\n',
      output: null,
    },
    {
      name: 'ONBUILD ADD of the Temurin glibc build',
      code: 'FROM alpine:3.20\nONBUILD ADD «https://github.com/adoptium/temurin21-binaries/releases/download/jdk-21.0.2%2B13/OpenJDK21U-jre_x64_linux_hotspot_21.0.2_13.tar.gz» /opt/',
      output: null,
      messageIncludes: '`alpine-linux`',
    },
    {
      name: 'multi-stage: an Alpine builder copied into an Alpine stage',
      code: `FROM alpine:3.20 AS fetch\nRUN wget «${NODE}»\nFROM alpine:3.20\nCOPY --from=fetch /node-v20.11.0-linux-x64.tar.xz /tmp/`,
      output: null,
    },
    {
      name: 'a glibc URL in an ENV value, used by a later RUN',
      code: `FROM alpine:3.20\nENV RG_URL=${RIPGREP}-gnu.tar.gz\nRUN curl -fsSL -o rg.tgz «"$RG_URL"»`,
      output: null,
      messageIncludes: `\`ripgrep-14.1.0-x86_64-unknown-linux-gnu.tar.gz\` (from \`$RG_URL\`) is a glibc build, which does not run on musl-based Alpine; use a musl build (\`linux-musl\`), the Alpine package, \`gcompat\` or a glibc-based image.`,
    },
    {
      name: 'an ARG default naming other variables: the Oracle JDK',
      code: 'FROM alpine:3.20\nARG JDK_VERSION=8u231\nARG JDK_URL=https://download.example.com/java/jdk-${JDK_VERSION}-linux-x64.tar.gz\nRUN wget -q -O /tmp/jdk.tgz «${JDK_URL}» && tar -xzf /tmp/jdk.tgz -C /opt',
      output: null,
      messageIncludes: '`jdk-8u231-linux-x64.tar.gz` (from `${JDK_URL}`) is a glibc build of the JDK, which does not run on musl-based Alpine; use the vendor\'s `alpine-linux`/`musl` build, Alpine\'s `openjdk*` packages or an `eclipse-temurin:*-alpine` image.',
    },
    {
      name: 'ENV inherited from the stage it builds on',
      code: `FROM alpine:3.20 AS base\nENV RG_URL=${RIPGREP}-gnu.tar.gz\nFROM base\nRUN curl -o rg.tgz «$RG_URL»`,
      output: null,
      messageIncludes: '(from `$RG_URL`)',
    },
    {
      name: 'vendor JDK archives named linux-x64 / linux_x64 / x64-linux',
      code: 'FROM alpine:3.20\nRUN wget «https://download.java.net/java/GA/jdk21.0.2/f2283984656d49e1b6ef0bb1a1c83e5f/13/GPL/openjdk-21.0.2_linux-x64_bin.tar.gz»\nRUN wget «https://cdn.azul.com/zulu/bin/zulu21.32.17-ca-jdk21.0.2-linux_x64.tar.gz»\nRUN wget «https://corretto.aws/downloads/latest/amazon-corretto-21-x64-linux-jdk.tar.gz»',
      output: null,
      messageIncludes: 'glibc build of the JDK',
    },
    {
      name: 'a JDK copied from the build context',
      code: 'FROM alpine:3.20\nCOPY «jdk-8u231-linux-x64.tar.gz» /opt/',
      output: null,
      messageIncludes: '`jdk-8u231-linux-x64.tar.gz` is a glibc build of the JDK',
    },
    {
      name: 'hand-made glibc loader pointing at musl',
      code: 'FROM alpine:3.20\nRUN mkdir -p /lib64 && ln -sf /lib/libc.musl-x86_64.so.1 «/lib64/ld-linux-x86-64.so.2»',
      output: null,
      messageIncludes: '`/lib64/ld-linux-x86-64.so.2` is made a link to musl, so glibc programs start against a C library they were not built for and fail at the first symbol musl lacks; use a musl build, `gcompat` (a compatibility layer over musl) or a glibc-based image.',
    },
    {
      name: 'hand-made loader: gcompat does not make it right',
      code: 'FROM alpine:3.20\nRUN apk add --no-cache gcompat\nRUN ln -s /lib/ld-musl-aarch64.so.1 «/lib/ld-linux-aarch64.so.1»',
      output: null,
      severity: 'warning',
    },
    {
      name: 'the sgerrand install across RUNs: once per stage',
      code: `FROM alpine:3.20\nENV GLIBC_VERSION=2.35-r0\nRUN wget -q «${SGERRAND}/glibc-\${GLIBC_VERSION}.apk»\nRUN apk add --allow-untrusted glibc-\${GLIBC_VERSION}.apk\nRUN apk add glibc-bin`,
      output: null,
      messageIncludes: '`glibc-2.35-r0.apk` is the third-party glibc package',
    },
    {
      name: 'the same download in two stages: once in each',
      code: `FROM alpine:3.20 AS a\nRUN curl -fsSLO «${RIPGREP}-gnu.tar.gz»\nRUN curl -fsSLO ${RIPGREP}-gnu.tar.gz\nFROM alpine:3.20\nRUN curl -fsSLO «${RIPGREP}-gnu.tar.gz»`,
      output: null,
    },
    {
      name: 'apk add of a glibc apk named in a variable',
      code: 'FROM alpine:3.20\nARG GLIBC_APK=glibc-2.35-r0.apk\nRUN apk add --allow-untrusted «/tmp/$GLIBC_APK»',
      output: null,
      messageIncludes: '`glibc-2.35-r0.apk` (from `/tmp/$GLIBC_APK`) is the third-party glibc package',
    },
    {
      name: 'apk add of a glibc apk with a variable in its name',
      code: 'FROM alpine:3.20\nARG V=2.35-r0\nRUN apk add --allow-untrusted «"glibc-bin-${V}.apk"»',
      output: null,
      messageIncludes: '`glibc-bin-2.35-r0.apk` is the third-party glibc package',
    },
    {
      name: 'ADD from a variable',
      code: `FROM alpine:3.20\nARG NODE_URL=${NODE}\nADD «$NODE_URL» /tmp/`,
      output: null,
      messageIncludes: 'glibc build of Node.js',
    },
    {
      name: 'unknown base that runs apk',
      code: `FROM registry.example.com/base:1\nRUN apk add --no-cache curl && curl -fsSLO «${RIPGREP}-gnu.tar.gz»`,
      output: null,
    },
  ],
});
