import rule from '../../../server/src/rules/pip-no-externally-managed-install';
import assert from 'node:assert/strict';
import { applyEdits } from '../../../server/src/edits/edits';
import { findingsOf, ruleTester } from '../../support/ruleTester';

const BREAK = 'Add `--break-system-packages` to `pip install`';

ruleTester.run(rule, {
  valid: [
    { name: 'Alpine 3.18 is not externally managed', code: 'FROM alpine:3.18\nRUN apk add --no-cache py3-pip && pip install flask' },
    { name: 'python:*-alpine has its own Python in /usr/local', code: 'FROM python:3.12-alpine3.20\nRUN apk add --no-cache py3-pip && pip install flask' },
    { name: 'Debian is out of scope', code: 'FROM debian:bookworm\nRUN apt-get install -y python3-pip && pip install flask' },
    { name: 'no Python from apk in the stage', code: 'FROM alpine:3.20\nRUN pip install flask' },
    { name: 'flag given', code: 'FROM alpine:3.20\nRUN apk add --no-cache py3-pip && pip install --break-system-packages flask' },
    { name: 'environment variable', code: 'FROM alpine:3.20\nENV PIP_BREAK_SYSTEM_PACKAGES=1\nRUN apk add --no-cache py3-pip && pip install flask' },
    { name: 'assignment before the command', code: 'FROM alpine:3.20\nRUN apk add --no-cache py3-pip && PIP_BREAK_SYSTEM_PACKAGES=true pip3 install flask' },
    { name: 'pip config', code: 'FROM alpine:3.20\nRUN apk add --no-cache py3-pip && pip config set global.break-system-packages true\nRUN pip install flask' },
    { name: 'marker file removed', code: 'FROM alpine:3.20\nRUN apk add --no-cache py3-pip && rm /usr/lib/python3*/EXTERNALLY-MANAGED\nRUN pip install flask' },
    {
      name: 'virtual environment on PATH',
      code: 'FROM alpine:3.20\nRUN apk add --no-cache python3 && python3 -m venv /app\nENV PATH="/app/bin:$PATH"\nRUN pip install flask',
    },
    { name: 'PATH entry named like a venv', code: 'FROM alpine:3.20\nRUN apk add --no-cache py3-pip\nENV PATH=/opt/venv/bin:$PATH\nRUN pip install flask' },
    { name: 'VIRTUAL_ENV set', code: 'FROM alpine:3.20\nRUN apk add --no-cache py3-pip\nENV VIRTUAL_ENV=/srv/env\nRUN pip install flask' },
    { name: 'the venv pip by path', code: 'FROM alpine:3.20\nRUN apk add --no-cache python3 && python3 -m venv /opt/v && /opt/v/bin/pip install flask' },
    { name: 'activated in the same RUN', code: 'FROM alpine:3.20\nRUN apk add --no-cache python3 && python3 -m venv /v && . /v/bin/activate && pip install flask' },
    { name: '--target and --prefix skip the check', code: 'FROM alpine:3.20\nRUN apk add --no-cache py3-pip && pip install --target /deps flask && pip install --prefix=/install flask' },
    { name: 'pipx manages its own venvs', code: 'FROM alpine:3.20\nRUN apk add --no-cache pipx && pipx install black' },
    { name: 'pip upgraded in a virtual environment', code: 'FROM alpine:3.20\nRUN apk add --no-cache py3-pip && python3 -m venv /v && /v/bin/pip install --upgrade pip' },
    { name: 'pip forced over an ensurepip pip, not py3-pip', code: 'FROM alpine:3.20\nRUN apk add --no-cache python3 && pip install --break-system-packages --upgrade pip' },
    { name: 'pip named without an upgrade does nothing', code: 'FROM alpine:3.20\nRUN apk add --no-cache py3-pip && pip install --break-system-packages pip' },
    { name: 'the python image has no py3-pip', code: 'FROM python:3.12-alpine\nRUN pip install --break-system-packages --upgrade pip' },
    { name: 'pip download does not install', code: 'FROM alpine:3.20\nRUN apk add --no-cache py3-pip && pip download -d /wheels flask' },
  ],
  invalid: [
    {
      name: 'pip install on a pinned affected release',
      code: 'FROM alpine:3.20\nRUN apk add --no-cache py3-pip\nRUN «pip install» flask',
      output: null,
      severity: 'error',
      messageIncludes: 'on Alpine 3.20',
      suggestions: [{ title: BREAK, output: 'FROM alpine:3.20\nRUN apk add --no-cache py3-pip\nRUN pip install --break-system-packages flask' }],
    },
    {
      name: 'untagged alpine is the latest release',
      code: 'FROM alpine\nRUN apk add py3-pip && «pip3 install» -r requirements.txt',
      output: null,
      severity: 'warning',
      messageIncludes: 'including the latest release',
      suggestions: [{ title: 'Add `--break-system-packages` to `pip3 install`', output: 'FROM alpine\nRUN apk add py3-pip && pip3 install --break-system-packages -r requirements.txt' }],
    },
    {
      name: 'edge',
      code: 'FROM alpine:edge\nRUN apk add --no-cache python3 && «python3 -m pip install» --upgrade flask',
      output: null,
      severity: 'error',
      suggestions: [{ title: 'Add `--break-system-packages` to `python3 -m pip install`', output: 'FROM alpine:edge\nRUN apk add --no-cache python3 && python3 -m pip install --break-system-packages --upgrade flask' }],
    },
    {
      name: 'upgrading pip over py3-pip: no --break-system-packages suggestion',
      code: 'FROM alpine:edge\nRUN apk add --no-cache python3 py3-pip && «python3 -m pip install» --upgrade pip',
      output: null,
      severity: 'error',
      messageIncludes: "`python3 -m pip install` into Alpine's system Python fails with `externally-managed-environment` on Alpine edge (PEP 668); Alpine's `py3-pip` already provides pip, and upgrading it with pip would overwrite that package's files.",
      suggestions: [],
    },
    {
      name: 'pip upgraded over py3-pip with --break-system-packages',
      code: 'FROM alpine:3.20\nRUN apk add --no-cache py3-pip && pip install --upgrade «pip» --break-system-packages && pip install --break-system-packages flask',
      output: null,
      severity: 'warning',
      messageIncludes: "`pip` upgrades pip over Alpine's `py3-pip` here (`--break-system-packages` lets pip replace its files): apk still lists those files as `py3-pip`'s, so `apk audit` reports them changed and a later upgrade of `py3-pip` leaves a mix of both; keep Alpine's pip, or upgrade pip inside a virtual environment.",
      suggestions: [{ title: 'Remove the upgrade of pip', output: 'FROM alpine:3.20\nRUN apk add --no-cache py3-pip && pip install --break-system-packages flask' }],
    },
    {
      name: 'pip upgraded over py3-pip with PIP_BREAK_SYSTEM_PACKAGES, beside other packages, on a release before 3.19',
      code: 'FROM alpine:3.18\nENV PIP_BREAK_SYSTEM_PACKAGES=1\nRUN apk add --no-cache py3-pip\nRUN pip3 install -U «pip» setuptools wheel',
      output: null,
      messageIncludes: '(`PIP_BREAK_SYSTEM_PACKAGES` lets pip replace its files)',
      suggestions: [{ title: 'Remove `pip` from `pip3 install`', output: 'FROM alpine:3.18\nENV PIP_BREAK_SYSTEM_PACKAGES=1\nRUN apk add --no-cache py3-pip\nRUN pip3 install -U setuptools wheel' }],
    },
    {
      name: 'a pinned pip with the marker deleted: the whole RUN is the upgrade',
      code: 'FROM alpine:3.20\nRUN apk add --no-cache py3-pip && rm /usr/lib/python3*/EXTERNALLY-MANAGED\nRUN python3 -m pip install «pip==24.0»\nCMD ["python3"]',
      output: null,
      messageIncludes: '(the deleted `EXTERNALLY-MANAGED` marker lets pip replace its files)',
      suggestions: [{ title: 'Remove the upgrade of pip', output: 'FROM alpine:3.20\nRUN apk add --no-cache py3-pip && rm /usr/lib/python3*/EXTERNALLY-MANAGED\nCMD ["python3"]' }],
    },
    {
      name: '--user installs are refused too',
      code: 'FROM alpine:3.19\nRUN apk add --no-cache py3-pip && «pip install» --user flask',
      output: null,
      suggestions: [{ title: BREAK, output: 'FROM alpine:3.19\nRUN apk add --no-cache py3-pip && pip install --break-system-packages --user flask' }],
    },
    {
      name: 'a false PIP_BREAK_SYSTEM_PACKAGES does not help',
      code: 'FROM alpine:3.21\nENV PIP_BREAK_SYSTEM_PACKAGES=0\nRUN apk add --no-cache py3-pip && «pip install» flask',
      output: null,
    },
    {
      name: 'venv created but the system pip is used',
      code: 'FROM alpine:3.21\nRUN apk add --no-cache py3-pip && python3 -m venv /venv && «pip install» flask',
      output: null,
    },
    {
      name: 'multi-stage: the stage built on an Alpine stage, not the python:alpine one',
      code: 'FROM alpine:3.21 AS base\nRUN apk add --no-cache py3-pip\nFROM base\nRUN «pip install» flask\nFROM python:3.12-alpine\nRUN pip install flask',
      output: null,
    },
    {
      name: 'another official image on Alpine with apk Python',
      code: 'FROM node:20-alpine3.20\nRUN apk add --no-cache python3 py3-pip && «pip3 install» awscli',
      output: null,
      severity: 'error',
    },
    {
      name: 'exec form',
      code: 'FROM alpine:3.20\nRUN apk add --no-cache py3-pip\nRUN [«"pip3", "install"», "flask"]',
      output: null,
      suggestions: [{ title: 'Add `--break-system-packages` to `pip3 install`', output: 'FROM alpine:3.20\nRUN apk add --no-cache py3-pip\nRUN ["pip3", "install", "--break-system-packages", "flask"]' }],
    },
    {
      name: 'heredoc',
      code: 'FROM alpine:3.20\nRUN <<EOF\napk add --no-cache py3-pip\n«pip install» flask\nEOF\n',
      output: null,
      suggestions: [{ title: BREAK, output: 'FROM alpine:3.20\nRUN <<EOF\napk add --no-cache py3-pip\npip install --break-system-packages flask\nEOF\n' }],
    },
    {
      name: 'ensurepip is refused as well',
      code: 'FROM alpine:3.19\nRUN apk add --no-cache python3 && «python3 -m ensurepip» --upgrade',
      output: null,
      messageIncludes: '`py3-pip`',
    },
  ],
});

describe('pip-no-externally-managed-install: upgrading pip over py3-pip', () => {
  it('offers no `--break-system-packages` suggestion for the upgrade', () => {
    const findings = findingsOf(rule, 'FROM alpine:edge\nRUN apk add --no-cache python3 py3-pip && python3 -m pip install --upgrade pip');
    assert.deepEqual(findings.map((finding) => finding.fixes.length), [0]);
  });
  it('the removal suggestions remove their finding', () => {
    for (const text of [
      'FROM alpine:3.20\nRUN apk add --no-cache py3-pip && pip install --upgrade pip --break-system-packages && pip install --break-system-packages flask',
      'FROM alpine:3.18\nENV PIP_BREAK_SYSTEM_PACKAGES=1\nRUN apk add --no-cache py3-pip\nRUN pip3 install -U pip setuptools wheel',
      'FROM alpine:3.20\nRUN apk add --no-cache py3-pip && rm /usr/lib/python3*/EXTERNALLY-MANAGED\nRUN python3 -m pip install pip==24.0\nCMD ["python3"]',
    ]) {
      const [finding] = findingsOf(rule, text);
      const fixed = applyEdits(text, finding.fixes[0].edits);
      assert.deepEqual(findingsOf(rule, fixed), [], fixed);
    }
  });
});
