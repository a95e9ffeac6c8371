/**
 * The chunked parse and the per-version caches must not change a single result: syntax diagnostics equal the
 * library's own `validate()`, and a document linted edit after edit equals a fresh analysis of the same text.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { DockerfileParser } from 'dockerfile-ast';
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyze, type Analysis } from '../../../server/src/analysis/analysis';
import { getDockerfileService } from '../../../server/src/dockerfile/languageService';
import { parseInChunks, withArgumentScansKept } from '../../../server/src/dockerfile/parse';
import { SYNTAX_CODES_BY_RULE, validateParsed } from '../../../server/src/dockerfile/validation';
import { createDocumentLinter } from '../../../server/src/analysis/documentLinter';
import { corpusPath } from '../../support/corpus';

const TODAY = '2026-01-01';

/** Files whose structure stresses the chunk boundaries. */
const EDGE_CASES = [
  'ARG BASE=alpine\nFROM $BASE AS a\nRUN apk add curl\nFROM ${BASE}:3.20 AS b\nEXPOSE $PORT\n',
  'FROM a AS x\nFROM b AS x\n# dockerfile-utils: ignore\nFROM c AS x\nCMD a\nCMD b\n',
  'FROM alpine\nRUN echo \\\nFROM x\nFROM y\nRUN <<EOF\nFROM z\nEOF\nFROM w\nRUN apk add \\\n\n# comment\nFROM v\n',
  '# escape=`\nFROM alpine\nRUN apk add `\n  curl\nFROM debian\nRUN apt-get install x\n',
  'RUN apk add x\nFROM alpine\r\nRUN apk add y\r\nFROM alpine AS b\rRUN apk add z\r',
  'FROM alpine\n  FROM alpine AS indented\nonbuild run apk add x\nFROM\\\n alpine\n',
  // Variable modifiers: reported in ENV, LABEL, WORKDIR and an ONBUILD line, let through in RUN, CMD and ENTRYPOINT.
  'FROM alpine\nENV A=${B:} C=${D:x}\nRUN echo ${A:} ${B:x} $C\nCMD echo ${A:}\nENTRYPOINT ["sh", "${A:x}"]\nONBUILD RUN echo ${A:}\nLABEL a=${B:}\nWORKDIR ${W:x}\n',
  // JSON in single quotes (after flags, over lines, as a trigger), and heredoc bodies with blank lines, one of them
  // opened by a `<<` that a line continuation splits.
  "FROM alpine\nRUN ['echo', 'a']\nCMD  ['a']\nCOPY --chown=a ['a', 'b']\nADD \\\n ['x', \\\n'y']\nVOLUME ['/v']\nONBUILD RUN ['a']\nRUN <\\\n<EOF\nhello\n\nEOF\nRUN cat <<EOF\na\n\nb\nEOF\nENV A=1 \\\n\n B=2\n",
  // Missing arguments: allowed for RUN (also as an ONBUILD trigger), reported for the others.
  'FROM alpine\nRUN\nRUN \\\n\nONBUILD RUN\nONBUILD\nENTRYPOINT\nVOLUME\nRUN ["a", \'b\']\nRUN --mount=type=cache,target=/x\n',
];

function corpusTexts(): string[] {
  const directory = corpusPath('real');
  if (!directory) return [];
  return readdirSync(directory)
    .filter((name) => !name.endsWith('.tsv'))
    .sort()
    .map((name) => readFileSync(path.join(directory, name), 'utf8'));
}

const sorted = (values: readonly unknown[]): string[] => values.map((value) => JSON.stringify(value)).sort();

function comparable(analysis: Analysis) {
  return {
    findings: analysis.findings.map((finding) => ({ ruleId: finding.ruleId, range: finding.range, message: finding.message, severity: finding.severity, fixes: finding.fixes })),
    suppressions: analysis.suppressions,
    failures: analysis.failures,
    // Why the RUN models too: after an edit they are moved, not rebuilt, and every rule reads their offsets.
    runs: analysis.model.runs.map(({ start, end, bodyStart, flagsStart, form, mounts, commands, apkCalls, exports }) => ({ start, end, bodyStart, flagsStart, form, mounts, commands, apkCalls, exports })),
  };
}

describe('chunked parse', () => {
  const corpus = corpusTexts();
  const concatenated = corpus.map((text) => (text.endsWith('\n') ? text : `${text}\n`)).join('');
  const texts = [...EDGE_CASES, ...corpus, concatenated];

  it('gives the syntax diagnostics of the library, whatever the chunks', () => {
    const service = getDockerfileService();
    for (const text of texts) {
      const expected = service.validate(text);
      // With and without the argument scans kept for the length of a lint (the linter always keeps them).
      for (const keep of [false, true]) {
        // A minimum of one line per chunk: as many chunks as the file has stages.
        const run = (): { chunks: number; actual: unknown[] } => {
          const parsed = parseInChunks(text, undefined, 1);
          return { chunks: parsed.chunks.length, actual: validateParsed(parsed) };
        };
        const { chunks, actual } = keep ? withArgumentScansKept(run) : run();
        // Note: for files of several chunks the order differs (stage-name duplicates come last); the set does not.
        if (chunks === 1) assert.deepEqual(actual, expected, text.slice(0, 200));
        else assert.deepEqual(sorted(actual), sorted(expected), text.slice(0, 200));
      }
    }
  });

  it('splits a concatenation of files into many chunks that tile it', function () {
    if (corpus.length === 0) this.skip();
    const parsed = parseInChunks(concatenated);
    assert.ok(parsed.chunks.length > 1);
    assert.ok(parseInChunks(concatenated, undefined, 1).chunks.length > corpus.length);
    parsed.chunks.forEach((chunk, index) => assert.equal(chunk.start, index === 0 ? 0 : parsed.chunks[index - 1].end));
    assert.equal(parsed.chunks[parsed.chunks.length - 1].end, concatenated.length);
  });

  it('lints each version after an edit exactly like a fresh analysis', function () {
    const base = corpus.length > 0 ? concatenated.slice(0, 60_000) : EDGE_CASES.join('');
    const linter = createDocumentLinter({ today: TODAY });
    const service = getDockerfileService();
    const insertAt = (text: string, offset: number, insert: string): string => text.slice(0, offset) + insert + text.slice(offset);
    const middle = base.indexOf('apk add', base.length / 2);
    const versions = [
      base,
      insertAt(base, middle + 7, ' python'),
      insertAt(base, middle, 'RUN apk update\n'),
      insertAt(base, Math.floor(base.length / 3), '\\\n'),
      base.replace('FROM', 'RUN <<EOF\nFROM'),
      base,
      // The same RUN three times, then once: moved in place, copied for its twins, then moved back.
      insertAt(base, middle, 'RUN apk add --no-cache curl\n'.repeat(3)),
      insertAt(base, middle, 'RUN apk add --no-cache curl\n'),
      base.slice(0, middle) + base.slice(base.indexOf('\n', middle) + 1),
      base,
      // Another escape character changes what every instruction means, then the same text again.
      `# escape=\`\n${base}`,
      base,
    ];
    for (const text of versions) {
      const result = linter.lint(text);
      assert.deepEqual(comparable(result.analysis), comparable(analyze(text, { today: TODAY })));
      // The linter leaves out some of the library's diagnostics where a rule reports the problem itself: compared on neither side.
      const duplicated = new Set(Object.values(SYNTAX_CODES_BY_RULE));
      assert.deepEqual(sorted(result.syntax.filter((diagnostic) => !duplicated.has(diagnostic.code as number))), sorted(service.validate(text).filter((diagnostic) => !duplicated.has(diagnostic.code as number))));
    }
  });

  it('leaves the previous analysis intact when the same text is linted again, as for new settings', () => {
    // Why: the server may still answer a request from the previous analysis after the next lint.
    const text = corpus.length > 0 ? concatenated.slice(0, 60_000) : EDGE_CASES.join('');
    const linter = createDocumentLinter({ today: TODAY });
    const first = linter.lint(text).analysis;
    const before = comparable(first);
    linter.lint(text, { today: TODAY, ruleSeverities: { 'apk-prefer-no-cache': 'off' } });
    assert.ok(first.model.runs.length > 0);
    for (const run of first.model.runs) assert.ok(run.stage && first.model.stages.includes(run.stage), 'a RUN of the first analysis is in one of its stages');
    for (const stage of first.model.stages) for (const run of stage.runs) assert.equal(run.stage, stage);
    assert.deepEqual(comparable(first), before);
  });

  it("answers FROM's image questions like the library while argument scans are kept, asked twice", () => {
    // Why: the library moves the ends of the range it gets from the image argument; the kept arguments are shared.
    for (const text of ['FROM docker.io/library/alpine:3.20@sha256:abc AS x\n', 'FROM registry:5000/team/app@sha256:def\n', 'FROM alpine\n']) {
      const ask = (): unknown[] => {
        const from = DockerfileParser.parse(text).getFROMs()[0];
        return [from.getImageName(), from.getRegistry(), from.getImageTag(), from.getImageDigest(), from.getImageNameRange(), from.getRegistryRange(), from.getImageTagRange(), from.getImage(), from.getImageRange()];
      };
      const expected = ask();
      withArgumentScansKept(() => {
        const parsed = DockerfileParser.parse(text).getFROMs()[0];
        const twice = (): unknown[] => [parsed.getImageName(), parsed.getRegistry(), parsed.getImageTag(), parsed.getImageDigest(), parsed.getImageNameRange(), parsed.getRegistryRange(), parsed.getImageTagRange(), parsed.getImage(), parsed.getImageRange()];
        assert.deepEqual(twice(), expected, text);
        assert.deepEqual(twice(), expected, text);
      });
    }
  });

  it("indexes lines as the library's TextDocument does, whatever the line breaks", () => {
    const pieces = fc.constantFrom('FROM a\n', 'from\tb', ' ', '\t', '\n', '\r', '\r\n', '\n\r', 'x', '\u2028', 'é');
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 16 }).map((parts) => parts.join('')), (text) => {
        const expected = TextDocument.create('', '', 0, text);
        const actual = parseInChunks(text).document;
        assert.equal(actual.lineCount, expected.lineCount);
        for (let offset = 0; offset <= text.length + 1; offset++) assert.deepEqual(actual.positionAt(offset), expected.positionAt(offset));
        for (let line = 0; line <= expected.lineCount; line++) assert.equal(actual.offsetAt({ line, character: 1 }), expected.offsetAt({ line, character: 1 }));
      }),
      { numRuns: 2000 },
    );
  });
});
