/** Which programs later instructions run, and which packages they need (rules deleting packages and the split ask this). */
import assert from 'node:assert/strict';
import { containerUses, describeUse, laterUseOfPackage } from '../../../server/src/dockerfile/laterUses';
import { parseDockerfile } from '../../../server/src/dockerfile/model';
import { programsLostWith } from '../../../server/src/knowledge/packagePrograms';

/** The later use of `name` after the first occurrence of `marker` in the stage holding it, described. */
function useAfter(text: string, marker: string, name: string): string | undefined {
  const model = parseDockerfile(text);
  const offset = text.indexOf(marker);
  const stage = model.stages.find((candidate) => candidate.from && candidate.from.start <= offset && candidate.instructions.some((instruction) => instruction.end >= offset));
  assert.ok(stage);
  const run = model.runs.find((candidate) => candidate.start <= offset && offset < candidate.end);
  const use = laterUseOfPackage(stage, offset, name);
  return use && `${describeUse(use, stage, offset, run?.end)} @${text.slice(use.at.start, use.at.end)}`;
}

describe('later uses of programs', () => {
  it('knows which programs a package takes with it', () => {
    assert.deepEqual(programsLostWith('tini'), ['tini']);
    assert.deepEqual(programsLostWith('nodejs'), ['node']);
    assert.deepEqual(programsLostWith('build-base'), ['gcc', 'cc', 'g++', 'c++', 'make']);
    assert.deepEqual(programsLostWith('wget'), [], 'BusyBox keeps its own wget');
    assert.deepEqual(programsLostWith('openssl-dev'), []);
    assert.deepEqual(programsLostWith('libffi'), []);
    assert.deepEqual(programsLostWith('py3-requests'), []);
  });

  it('finds the container program, through wrappers', () => {
    const model = parseDockerfile('FROM alpine:3.20\nENTRYPOINT ["/sbin/tini", "--"]\nCMD ["su-exec", "app", "python3", "-m", "app"]\nHEALTHCHECK CMD curl -f http://localhost/\n');
    assert.deepEqual(containerUses(model.stages[0]).map((use) => `${use.kind}:${use.program}`).sort(), ['CMD:python3', 'CMD:su-exec', 'ENTRYPOINT:tini', 'HEALTHCHECK:curl']);
  });

  it('only the last CMD counts, and a stage inherits its parent stage\'s', () => {
    const model = parseDockerfile('FROM alpine:3.20 AS base\nCMD ["tini"]\nCMD ["node"]\nFROM base\nRUN true\n');
    assert.deepEqual(containerUses(model.stages[1]).map((use) => use.program), ['node']);
  });

  const cases: [string, string, string, string, string | undefined][] = [
    ['CMD', 'FROM alpine:3.20\nRUN apk add -t .deps tini && apk del .deps\nCMD ["tini", "--", "app"]\n', 'apk del', 'tini', '`CMD` runs `tini` @"tini"'],
    ['later in the same RUN', 'FROM alpine:3.20\nRUN apk add -t .deps curl && apk del .deps && curl -fsSL x\n', 'apk del', 'curl', 'this RUN runs `curl` afterwards @curl'],
    ['before the deletion is fine', 'FROM alpine:3.20\nRUN apk add -t .deps curl && curl -fsSL x && apk del .deps\n', 'apk del', 'curl', undefined],
    ['a later RUN', 'FROM alpine:3.20\nRUN apk add -t .deps git && apk del .deps\nRUN git clone x\n', 'apk del', 'git', 'a later RUN runs `git` @git'],
    ['a stage built on it', 'FROM alpine:3.20 AS base\nRUN apk add -t .deps git && apk del .deps\nFROM base AS app\nRUN git clone x\n', 'apk del', 'git', 'a RUN of stage `app` runs `git` @git'],
    ['an unrelated stage does not count', 'FROM alpine:3.20\nRUN apk add -t .deps git && apk del .deps\nFROM alpine:3.20\nRUN git clone x\n', 'apk del', 'git', undefined],
    ['the python image has its own python3', 'FROM python:3.12-alpine\nRUN apk add -t .deps python3 && apk del .deps\nCMD ["python3", "app.py"]\n', 'apk del', 'python3', undefined],
    ['BusyBox wget stays', 'FROM alpine:3.20\nRUN apk add -t .deps wget && apk del .deps\nRUN wget -q x\n', 'apk del', 'wget', undefined],
    ['a healthcheck', 'FROM alpine:3.20\nRUN apk add -t .deps curl && apk del .deps\nHEALTHCHECK CMD curl -f http://localhost/\n', 'apk del', 'curl', '`HEALTHCHECK` runs `curl` @curl'],
  ];
  for (const [name, text, marker, pkg, expected] of cases) {
    it(name, () => assert.equal(useAfter(text, marker, pkg), expected));
  }
});
