/** The Dockerfile model: stages and their base image facts, global ARGs, ENV inheritance and RUN mounts. */
import assert from 'node:assert/strict';
import type { BaseFamily } from '../../../server/src/dockerfile/image';
import { parseDockerfile, type Stage } from '../../../server/src/dockerfile/model';

interface ExpectedStage {
  readonly name?: string;
  /** The image after global ARG substitution; undefined when it cannot be resolved (or there is no FROM). */
  readonly resolvedImage?: string;
  readonly family: BaseFamily;
  readonly alpineRelease?: string;
  readonly isAlpineLike: boolean;
  /** Index of the stage this one builds on. */
  readonly parent?: number;
  /** True for the stage of instructions written before any FROM. */
  readonly isImplicit?: boolean;
  /** Keywords of the stage's instructions after FROM; checked when given. */
  readonly keywords?: readonly string[];
}

function describeStage(stage: Stage, expected: ExpectedStage | undefined) {
  return {
    name: stage.name,
    resolvedImage: stage.resolvedImage,
    family: stage.family,
    alpineRelease: stage.alpineRelease,
    isAlpineLike: stage.isAlpineLike,
    parent: stage.parent?.index,
    isImplicit: stage.from === undefined,
    keywords: expected?.keywords === undefined ? undefined : stage.instructions.map((instruction) => instruction.keyword),
  };
}

function normalize(expected: ExpectedStage) {
  return {
    name: expected.name,
    resolvedImage: expected.resolvedImage,
    family: expected.family,
    alpineRelease: expected.alpineRelease,
    isAlpineLike: expected.isAlpineLike,
    parent: expected.parent,
    isImplicit: expected.isImplicit ?? false,
    keywords: expected.keywords,
  };
}

const cases: { name: string; code: string; stages: ExpectedStage[] }[] = [
  {
    name: 'named stages; FROM <stage> inherits family and release, names compare case-insensitively',
    code: 'FROM alpine:3.20 AS Builder\nRUN apk add x\nFROM builder\nRUN a\nFROM debian AS final',
    stages: [
      { name: 'builder', resolvedImage: 'alpine:3.20', family: 'alpine', alpineRelease: '3.20', isAlpineLike: true, keywords: ['RUN'] },
      { resolvedImage: 'builder', family: 'alpine', alpineRelease: '3.20', isAlpineLike: true, parent: 0, keywords: ['RUN'] },
      { name: 'final', resolvedImage: 'debian', family: 'debian', isAlpineLike: false, keywords: [] },
    ],
  },
  {
    name: 'a chain of stages',
    code: 'FROM alpine:3.20 AS base\nFROM BASE AS next\nFROM next',
    stages: [
      { name: 'base', resolvedImage: 'alpine:3.20', family: 'alpine', alpineRelease: '3.20', isAlpineLike: true },
      { name: 'next', resolvedImage: 'BASE', family: 'alpine', alpineRelease: '3.20', isAlpineLike: true, parent: 0 },
      { resolvedImage: 'next', family: 'alpine', alpineRelease: '3.20', isAlpineLike: true, parent: 1 },
    ],
  },
  {
    name: 'global ARG defaults resolve in FROM: ${V}, $V, ${W:-default}, ${V:-default}',
    code: 'ARG V=3.20\nFROM alpine:${V}\nFROM alpine:$V\nFROM alpine:${W:-3.19}\nFROM alpine:${V:-3.19}',
    stages: [
      { resolvedImage: 'alpine:3.20', family: 'alpine', alpineRelease: '3.20', isAlpineLike: true },
      { resolvedImage: 'alpine:3.20', family: 'alpine', alpineRelease: '3.20', isAlpineLike: true },
      { resolvedImage: 'alpine:3.19', family: 'alpine', alpineRelease: '3.19', isAlpineLike: true },
      { resolvedImage: 'alpine:3.20', family: 'alpine', alpineRelease: '3.20', isAlpineLike: true },
    ],
  },
  {
    name: 'several ARGs, quoted values and redeclarations',
    code: 'ARG IMAGE=alpine\nARG TAG="3.18"\nARG TAG=3.19 EXTRA=edge\nFROM ${IMAGE}:${TAG}\nFROM $IMAGE:$EXTRA',
    stages: [
      { resolvedImage: 'alpine:3.19', family: 'alpine', alpineRelease: '3.19', isAlpineLike: true },
      { resolvedImage: 'alpine:edge', family: 'alpine', alpineRelease: 'edge', isAlpineLike: true },
    ],
  },
  {
    name: 'an ARG without a default, an undeclared variable, and an ARG inside a stage do not resolve',
    code: 'ARG V\nFROM alpine:${V}\nFROM $BASE\nFROM alpine\nARG LATER=3.20\nFROM alpine:${LATER}',
    stages: [
      { family: 'unknown', isAlpineLike: false },
      { family: 'unknown', isAlpineLike: false },
      { resolvedImage: 'alpine', family: 'alpine', isAlpineLike: true, keywords: ['ARG'] },
      { family: 'unknown', isAlpineLike: false },
    ],
  },
  {
    name: 'an unknown family is Alpine-like when the stage or a parent stage runs apk',
    code: 'FROM $X\nRUN echo\nFROM $X AS b\nRUN apk add x\nFROM b\nFROM internal/base\nRUN ["apk", "add", "y"]\nFROM python:3.12-slim\nRUN apk add z',
    stages: [
      { family: 'unknown', isAlpineLike: false },
      { name: 'b', family: 'unknown', isAlpineLike: true },
      { resolvedImage: 'b', family: 'unknown', isAlpineLike: true, parent: 1 },
      { resolvedImage: 'internal/base', family: 'unknown', isAlpineLike: true },
      { resolvedImage: 'python:3.12-slim', family: 'debian', isAlpineLike: false },
    ],
  },
  {
    name: 'instructions before FROM form an implicit stage; ARGs before FROM stay global',
    code: 'ARG X=1\nENV A=1\nRUN apk add x\nFROM alpine',
    stages: [
      { family: 'unknown', isAlpineLike: true, isImplicit: true, keywords: ['ENV', 'RUN'] },
      { resolvedImage: 'alpine', family: 'alpine', isAlpineLike: true, keywords: [] },
    ],
  },
  {
    name: 'FROM flags are not part of the image',
    code: 'FROM --platform=$BUILDPLATFORM alpine:3.19 AS x',
    stages: [{ name: 'x', resolvedImage: 'alpine:3.19', family: 'alpine', alpineRelease: '3.19', isAlpineLike: true }],
  },
  {
    name: 'ONBUILD triggers keep their keyword',
    code: 'FROM alpine\nONBUILD RUN apk add y\nONBUILD ENV A=1',
    stages: [{ resolvedImage: 'alpine', family: 'alpine', isAlpineLike: true, keywords: ['RUN', 'ENV'] }],
  },
];

describe('Dockerfile model: stages', () => {
  for (const testCase of cases) {
    it(testCase.name, () => {
      const model = parseDockerfile(testCase.code);
      assert.deepEqual(
        model.stages.map((stage, index) => describeStage(stage, testCase.stages[index])),
        testCase.stages.map(normalize),
      );
    });
  }

  it('lists every instruction in order, global ARGs without a stage', () => {
    const model = parseDockerfile('ARG V=3.20\nFROM alpine:$V AS a\nRUN x\nFROM a\nENV B=2');
    assert.deepEqual(
      model.instructions.map((instruction) => [instruction.keyword, instruction.stage?.index]),
      [['ARG', undefined], ['FROM', 0], ['RUN', 0], ['FROM', 1], ['ENV', 1]],
    );
    assert.equal(model.stages[1].from?.stage, model.stages[1]);
  });

  it('marks ONBUILD RUN and keeps it in the stage runs', () => {
    const model = parseDockerfile('FROM alpine\nONBUILD RUN apk add x\nRUN apk add y');
    assert.deepEqual(model.runs.map((run) => [run.isOnbuild, run.apkCalls[0].packages[0].name]), [[true, 'x'], [false, 'y']]);
    assert.deepEqual(model.stages[0].runs, model.runs);
  });

  it('never throws on bad input', () => {
    for (const code of ['', 'FROM', 'FROM \nRUN', 'FROM alpine AS', 'ARG\nFROM ${', 'ONBUILD', 'ONBUILD RUN', '\u0000\ud800', 'FROM a AS a\nFROM a AS a\nFROM a']) {
      assert.doesNotThrow(() => parseDockerfile(code), code);
    }
  });
});

describe('Dockerfile model: ENV', () => {
  it('inherits ENV from parent stages, in order, and not from unrelated stages', () => {
    const model = parseDockerfile('FROM alpine AS a\nENV A=1 B=2\nENV C 3\nFROM a AS b\nENV D=4\nFROM alpine\nENV E=5');
    assert.deepEqual(
      model.stages.map((stage) => stage.env.map((entry) => `${entry.name}=${entry.value}`)),
      [['A=1', 'B=2', 'C=3'], ['A=1', 'B=2', 'C=3', 'D=4'], ['E=5']],
    );
    assert.equal(model.stages[1].env[3].offset, model.text.indexOf('ENV D=4'));
  });

  it('ONBUILD ENV does not set the variable in this image', () => {
    assert.deepEqual(parseDockerfile('FROM alpine\nONBUILD ENV A=1').stages[0].env, []);
  });

  it('records export NAME=value statements of a RUN', () => {
    const model = parseDockerfile('FROM alpine\nRUN export PIP_NO_CACHE_DIR=1 B="x y" && pip install x');
    assert.deepEqual(model.runs[0].exports.map((word) => word.value), ['PIP_NO_CACHE_DIR=1', 'B="x y"']);
  });
});

describe('Dockerfile model: RUN mounts', () => {
  it('keeps source, from, id and every option of a mount, and --network and --security', () => {
    const model = parseDockerfile('FROM alpine\nRUN --mount=type=bind,from=build,src=/out,target=/in,readonly --mount=type=secret,id=npmrc --network=none --security=insecure a\n');
    const [bind, secret] = model.runs[0].mounts;
    assert.deepEqual({ type: bind.type, from: bind.from, source: bind.source, target: bind.target }, { type: 'bind', from: 'build', source: '/out', target: '/in' });
    assert.deepEqual([...bind.options.keys()], ['type', 'from', 'src', 'target', 'readonly']);
    assert.equal(secret.id, 'npmrc');
    assert.equal(model.runs[0].network, 'none');
    assert.equal(model.runs[0].security, 'insecure');
  });

  it('parses --mount options: type (default bind), target, dst and destination', () => {
    const model = parseDockerfile(
      [
        'FROM alpine',
        'RUN --mount=type=cache,target=/var/cache/apk a',
        'RUN --mount=type=cache,dst=/root/.cache --mount=type=tmpfs,destination=/tmp a',
        'RUN --mount=target=/src a',
        'RUN --mount=type=secret,id=token a',
        'RUN --network=none a',
      ].join('\n'),
    );
    assert.deepEqual(
      model.runs.map((run) => run.mounts.map(({ type, target }) => ({ type, target }))),
      [
        [{ type: 'cache', target: '/var/cache/apk' }],
        [{ type: 'cache', target: '/root/.cache' }, { type: 'tmpfs', target: '/tmp' }],
        [{ type: 'bind', target: '/src' }],
        [{ type: 'secret', target: undefined }],
        [],
      ],
    );
  });

  const cacheCases: [string, boolean][] = [
    ['--mount=type=cache,target=/var/cache/apk', true],
    ['--mount=type=cache,target=/var/cache/apk/', true],
    ['--mount=type=cache,dst=/var/cache/apk', true],
    ['--mount=type=tmpfs,destination=/var/cache/apk', true],
    ['--mount=type=cache,id=apk,sharing=locked,target=/var/cache/apk', true],
    ['--mount=type=secret,id=x --mount=type=cache,target=/var/cache/apk', true],
    ['--mount=type=bind,target=/var/cache/apk', false],
    ['--mount=target=/var/cache/apk', false],
    ['--mount=type=cache,target=/var/cache', false],
    ['--mount=type=cache,target=/var/cache/apk/x', false],
    ['--network=none', false],
  ];
  for (const [flags, expected] of cacheCases) {
    it(`mountsCacheAt('/var/cache/apk') with ${flags} is ${expected}`, () => {
      const run = parseDockerfile(`FROM alpine\nRUN ${flags} apk add x`).runs[0];
      assert.equal(run.mountsCacheAt('/var/cache/apk'), expected);
      assert.equal(run.mountsCacheAt('/var/cache/apk/'), expected);
    });
  }

  it('records where the body and the flags start', () => {
    const model = parseDockerfile('FROM alpine\nRUN --network=none apk add x');
    const run = model.runs[0];
    assert.equal(model.text.slice(run.flagsStart, run.bodyStart), '--network=none ');
    assert.equal(model.text.slice(run.bodyStart, run.end), 'apk add x');
  });
});
