import rule from '../../../server/src/rules/no-foreign-package-manager';
import { ruleTester } from '../../support/ruleTester';

ruleTester.run(rule, {
  valid: [
    'FROM alpine:3.20\nRUN apk add --no-cache curl',
    'FROM debian:12\nRUN apt-get update && apt-get install -y curl',
    'FROM rockylinux:9\nRUN dnf install -y curl',
    { name: 'inside if: a multi-distro script', code: 'FROM alpine:3.20\nRUN if command -v apt-get >/dev/null; then apt-get update && apt-get install -y curl; else apk add --no-cache curl; fi' },
    { name: 'inside case on the distribution id', code: 'FROM alpine:3.20\nRUN . /etc/os-release && case "$ID" in \\\n    debian) apt-get install -y curl ;; \\\n    alpine) apk add --no-cache curl ;; \\\n  esac' },
    { name: 'guarded by command -v in the same && list', code: 'FROM alpine:3.20\nRUN command -v apt-get >/dev/null 2>&1 && apt-get install -y curl || apk add --no-cache curl' },
    { name: 'guarded by which', code: 'FROM python:3.12\nRUN which apk && apk add --no-cache gcc' },
    { name: 'guarded by a [ -x ] test', code: 'FROM alpine:3.20\nRUN [ -x /usr/bin/apt-get ] && apt-get install -y curl; \\\n    apk add --no-cache curl' },
    { name: 'fallback to the stage\'s own package manager with ||', code: 'FROM alpine:3.20\nRUN apt-get install -y curl || apk add --no-cache curl' },
    { name: 'own package manager first, foreign one as fallback', code: 'FROM debian:12\nRUN apt-get install -y curl || apk add --no-cache curl' },
    { name: 'unknown base image: no family to compare with', code: 'FROM acme/base:1.0\nRUN apt-get install -y curl && apk add --no-cache jq' },
    { name: 'unresolved ARG image', code: 'FROM $BASE\nRUN apt-get install -y curl' },
    { name: 'Wolfi uses apk too', code: 'FROM cgr.dev/chainguard/wolfi-base\nRUN apk add curl' },
    { name: 'a tool name inside a string or as an argument', code: 'FROM alpine:3.20\nRUN echo "apt-get install curl" && which apt-get; apk add --no-cache dpkg && dpkg --print-architecture' },
    { name: 'official images built FROM alpine without saying so in the tag', code: 'FROM bash:5.2\nRUN apk add --no-cache curl\nFROM composer:2\nRUN apk add --no-cache git\nFROM wordpress:cli-php8.2\nRUN apk add --no-cache less' },
    { name: 'multi-stage: each stage judged by its own base', code: 'FROM golang:1.22 AS build\nRUN apt-get update && apt-get install -y git\nFROM alpine:3.20\nRUN apk add --no-cache ca-certificates\nCOPY --from=build /go/bin/app /app' },
  ],
  invalid: [
    {
      name: 'apt-get in an Alpine stage',
      code: 'FROM alpine:3.20\nRUN «apt-get» update && «apt-get» install -y curl',
      output: null,
      severity: 'error',
      messageIncludes: '`apt-get` is Debian\'s package manager and does not exist in this Alpine-based stage; install packages with `apk add --no-cache`.',
    },
    {
      name: 'apk in a Debian-based official image',
      code: 'FROM python:3.12\nRUN «apk» add --no-cache gcc musl-dev',
      output: null,
      messageIncludes: 'Debian-based stage; install packages with `apt-get install`',
    },
    {
      name: 'apk in a Red Hat stage',
      code: 'FROM centos:7\nRUN «apk» add curl',
      output: null,
      messageIncludes: '`dnf`, `microdnf` or `yum`',
    },
    {
      name: 'apk in an openSUSE stage',
      code: 'FROM opensuse/leap:15.6\nRUN «apk» add curl',
      output: null,
      messageIncludes: '`zypper install`',
    },
    {
      name: 'yum in an Alpine variant of an official image',
      code: 'FROM node:20-alpine\nRUN «yum» install -y git',
      output: null,
      messageIncludes: '`yum` is Red Hat\'s package manager',
    },
    {
      name: 'exec form',
      code: 'FROM alpine:3.20\nRUN [«"apt-get"», "install", "-y", "curl"]',
      output: null,
    },
    {
      name: 'multi-stage: only the Alpine stage',
      code: 'FROM golang:1.22 AS build\nRUN apt-get update\nFROM alpine:3.20\nRUN «apt-get» install -y ca-certificates',
      output: null,
    },
    {
      name: 'stage built on an earlier Alpine stage',
      code: 'FROM alpine:3.20 AS base\nRUN apk add --no-cache curl\nFROM base\nRUN «apt» install curl',
      output: null,
    },
    {
      name: 'ARG before FROM',
      code: 'ARG ALPINE_VERSION=3.20\nFROM alpine:${ALPINE_VERSION}\nRUN «microdnf» install curl',
      output: null,
    },
    {
      name: 'lowercase instructions',
      code: 'from ubuntu:22.04\nrun «apk» add curl',
      output: null,
      messageIncludes: '`apt-get install`',
    },
    {
      name: '|| true does not make it a multi-distro script',
      code: 'FROM alpine:3.20\nRUN «apt-get» update || true',
      output: null,
    },
    {
      name: 'a check in an earlier, separate command does not guard',
      code: 'FROM alpine:3.20\nRUN command -v apt-get; «apt-get» install -y curl',
      output: null,
    },
    {
      name: 'path to the binary',
      code: 'FROM alpine:3.20\nRUN «/usr/bin/zypper» install -y curl',
      output: null,
      messageIncludes: '`zypper` is openSUSE\'s package manager',
    },
    {
      name: 'heredoc script',
      code: 'FROM alpine:3.20\nRUN <<EOF\nset -e\n«aptitude» install -y curl\nEOF\n',
      output: null,
    },
    {
      name: 'the bash image is Alpine-based',
      code: 'FROM bash:5.2\nRUN «apt-get» install -y curl',
      output: null,
      messageIncludes: 'Alpine-based stage',
    },
    {
      name: 'ONBUILD trigger',
      code: 'FROM alpine:3.20\nONBUILD RUN «dnf» install -y curl',
      output: null,
    },
    {
      name: 'continuation lines',
      code: 'FROM alpine:3.20\nRUN set -eux; \\\n    «apt-get» update; \\\n    «apt-get» install -y --no-install-recommends curl',
      output: null,
    },
  ],
});
