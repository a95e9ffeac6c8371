import rule from '../../../server/src/rules/pip-require-no-cache-dir';
import { ruleTester } from '../../support/ruleTester';

ruleTester.run(rule, {
  valid: [
    'FROM python:3.12-slim\nRUN pip install --no-cache-dir flask',
    'FROM python:3.12-slim\nRUN pip3 install flask --no-cache-dir',
    { name: 'general option before the subcommand', code: 'FROM python:3.12-slim\nRUN pip --no-cache-dir install flask' },
    { name: 'pip accepts the unambiguous prefix --no-cache', code: 'FROM python:3.12-alpine\nRUN pip install --no-cache --upgrade pip' },
    { name: 'exec form with the flag', code: 'FROM python:3.12\nRUN ["python3", "-m", "pip", "install", "--no-cache-dir", "flask"]' },
    { name: 'ENV PIP_NO_CACHE_DIR', code: 'FROM python:3.12\nENV PIP_NO_CACHE_DIR=1\nRUN pip install flask' },
    { name: 'pip disables the cache for a false PIP_NO_CACHE_DIR too', code: 'FROM python:3.12\nENV PIP_NO_CACHE_DIR=false\nRUN pip install flask' },
    { name: 'ARG PIP_NO_CACHE_DIR', code: 'FROM python:3.12\nARG PIP_NO_CACHE_DIR=1\nRUN pip install flask' },
    { name: 'assignment before the command', code: 'FROM python:3.12\nRUN PIP_NO_CACHE_DIR=1 pip install flask' },
    { name: 'export in a heredoc', code: 'FROM python:3.12\nRUN <<EOF\nexport PIP_NO_CACHE_DIR=1\npip install flask\nEOF\n' },
    { name: 'ENV inherited from the parent stage', code: 'FROM python:3.12 AS base\nENV PIP_NO_CACHE_DIR=on\nFROM base\nRUN pip install flask' },
    { name: 'pip config set earlier', code: 'FROM python:3.12\nRUN pip config set global.no-cache-dir false\nRUN pip install flask' },
    { name: 'cache mount at the default path', code: 'FROM python:3.12\nRUN --mount=type=cache,target=/root/.cache/pip pip install flask' },
    { name: 'cache mount at ~/.cache of another user', code: 'FROM python:3.12\nUSER app\nRUN --mount=type=cache,target=/home/app/.cache pip install --user flask' },
    { name: 'cache mount at PIP_CACHE_DIR', code: 'FROM python:3.12\nENV PIP_CACHE_DIR=/pip-cache\nRUN --mount=type=cache,target=/pip-cache pip install flask' },
    { name: 'cache removed later in the same RUN', code: 'FROM python:3.12\nRUN pip install flask && rm -rf /root/.cache/pip' },
    { name: 'pip cache purge later in the same RUN', code: 'FROM python:3.12\nRUN pip install flask && pip cache purge' },
    { name: 'pip download is not an install', code: 'FROM python:3.12\nRUN pip download -d /wheels flask' },
    { name: 'pipx, pipenv and uv are other tools', code: 'FROM python:3.12\nRUN pipx install black && pipenv install && python -m pipx install ruff && uv pip install flask' },
    { name: 'setup.py install is not pip', code: 'FROM python:3.12\nRUN python3 setup.py install' },
    { name: 'pip install inside a string', code: 'FROM python:3.12\nRUN echo "pip install flask"' },
  ],
  invalid: [
    {
      name: 'plain pip install',
      code: 'FROM python:3.12-alpine\nRUN «pip install» flask',
      output: 'FROM python:3.12-alpine\nRUN pip install --no-cache-dir flask',
      messageIncludes: '`pip install` without `--no-cache-dir`',
      severity: 'info',
    },
    {
      name: 'pip3 on a continuation line',
      code: 'FROM alpine:3.18\nRUN apk add --no-cache py3-pip && \\\n    «pip3 install» -r requirements.txt',
      output: 'FROM alpine:3.18\nRUN apk add --no-cache py3-pip && \\\n    pip3 install --no-cache-dir -r requirements.txt',
    },
    {
      name: 'python3 -m pip install',
      code: 'FROM python:3.12\nRUN «python3 -m pip install» --upgrade pip',
      output: 'FROM python:3.12\nRUN python3 -m pip install --no-cache-dir --upgrade pip',
      messageIncludes: '`python3 -m pip install`',
    },
    {
      name: 'general option before the subcommand',
      code: 'FROM python:3.12\nRUN «pip --quiet install» flask',
      output: 'FROM python:3.12\nRUN pip --quiet install --no-cache-dir flask',
    },
    {
      name: 'absolute path and versioned name',
      code: 'FROM python:3.12\nRUN «/usr/local/bin/pip3.12 install» flask',
      output: 'FROM python:3.12\nRUN /usr/local/bin/pip3.12 install --no-cache-dir flask',
    },
    {
      name: 'exec form',
      code: 'FROM python:3.12\nRUN [«"python3", "-m", "pip", "install"», "flask"]',
      output: 'FROM python:3.12\nRUN ["python3", "-m", "pip", "install", "--no-cache-dir", "flask"]',
    },
    {
      name: 'heredoc script',
      code: 'FROM python:3.12\nRUN <<EOF\nset -e\n«pip install» flask\nEOF\n',
      output: 'FROM python:3.12\nRUN <<EOF\nset -e\npip install --no-cache-dir flask\nEOF\n',
    },
    {
      name: 'two installs in one RUN',
      code: 'FROM python:3.12\nRUN «pip install» -U pip && «pip install» flask',
      output: 'FROM python:3.12\nRUN pip install --no-cache-dir -U pip && pip install --no-cache-dir flask',
    },
    {
      name: 'ENV of an unrelated stage does not count',
      code: 'FROM python:3.12 AS base\nENV PIP_NO_CACHE_DIR=1\nRUN pip install a\nFROM python:3.12\nRUN «pip install» b',
      output: 'FROM python:3.12 AS base\nENV PIP_NO_CACHE_DIR=1\nRUN pip install a\nFROM python:3.12\nRUN pip install --no-cache-dir b',
    },
    {
      name: 'ENV after the RUN does not count',
      code: 'FROM python:3.12\nRUN «pip install» a\nENV PIP_NO_CACHE_DIR=1',
      output: 'FROM python:3.12\nRUN pip install --no-cache-dir a\nENV PIP_NO_CACHE_DIR=1',
    },
    {
      name: 'cache mount at another path',
      code: 'FROM python:3.12\nRUN --mount=type=cache,target=/var/cache/apk «pip install» flask',
      output: 'FROM python:3.12\nRUN --mount=type=cache,target=/var/cache/apk pip install --no-cache-dir flask',
    },
    {
      name: '--cache-dir points away from the mount',
      code: 'FROM python:3.12\nRUN --mount=type=cache,target=/root/.cache/pip «pip install» --cache-dir /tmp/pip flask',
      output: 'FROM python:3.12\nRUN --mount=type=cache,target=/root/.cache/pip pip install --no-cache-dir --cache-dir /tmp/pip flask',
    },
    {
      name: 'cache removed before the install does not count',
      code: 'FROM python:3.12\nRUN rm -rf /root/.cache/pip && «pip install» flask',
      output: 'FROM python:3.12\nRUN rm -rf /root/.cache/pip && pip install --no-cache-dir flask',
    },
    {
      name: 'ONBUILD trigger',
      code: 'FROM python:3.12\nONBUILD RUN «pip install» -r requirements.txt',
      output: 'FROM python:3.12\nONBUILD RUN pip install --no-cache-dir -r requirements.txt',
    },
  ],
});
