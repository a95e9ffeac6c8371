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
      messageIncludes: '`tool-${V}-aarch64-linux-gnu.tgz`',
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
      name: 'unknown base that runs apk',
      code: `FROM registry.example.com/base:1\nRUN apk add --no-cache curl && curl -fsSLO «${RIPGREP}-gnu.tar.gz»`,
      output: null,
    },
  ],
});
