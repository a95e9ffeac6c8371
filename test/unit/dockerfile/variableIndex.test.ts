/**
 * The indexed variable resolution that dockerfile-ast is patched with answers exactly as the library's own scans:
 * every ENV/ARG name of a file, at the first and last line of every instruction, over the corpus and hand-made cases.
 * (On a line outside every stage the library's own resolution recurses without end; the index answers there.)
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { DockerfileParser } from 'dockerfile-ast';
import { installLibraryPatches, libraryVariableResolution } from '../../../server/src/dockerfile/parse';
import { corpusPath } from '../../support/corpus';

type Resolve = (variable: string, line: number) => unknown;

function compare(text: string, label: string): number {
  const dockerfile = DockerfileParser.parse(text);
  const names = new Set<string>(['NOT_DEFINED', 'PATH']);
  for (const instruction of dockerfile.getInstructions()) {
    const properties = (instruction as unknown as { getProperties?(): { getName(): string }[] }).getProperties?.() ?? [];
    for (const property of properties) names.add(property.getName());
  }
  const lines = new Set<number>();
  for (const instruction of dockerfile.getInstructions()) {
    lines.add(instruction.getRange().start.line);
    lines.add(instruction.getRange().end.line);
  }
  let checked = 0;
  const ownResolve = (dockerfile as unknown as { resolveVariable: Resolve }).resolveVariable.bind(dockerfile);
  const libraryResolve = (libraryVariableResolution.dockerfile as Resolve).bind(dockerfile);
  for (const name of names) {
    for (const line of lines) {
      assert.equal(ownResolve(name, line), libraryResolve(name, line), `${label}: resolveVariable(${name}, ${line})`);
      const image = dockerfile.getContainingImage({ line, character: 0 });
      if (image) {
        const own = (image as unknown as { resolveVariable: Resolve }).resolveVariable.bind(image);
        const library = (libraryVariableResolution.template as Resolve).bind(image);
        assert.equal(own(name, line), library(name, line), `${label}: stage resolveVariable(${name}, ${line})`);
      }
      for (const instruction of dockerfile.getInstructions()) {
        if (instruction.getRange().start.line !== line) continue;
        const own = (instruction as unknown as { isBuildVariable: Resolve }).isBuildVariable.bind(instruction);
        const library = (libraryVariableResolution.instruction as Resolve).bind(instruction);
        assert.equal(own(name, line), library(name, line), `${label}: isBuildVariable(${name}, ${line})`);
      }
      checked++;
    }
  }
  return checked;
}

describe('indexed variable resolution (dockerfile-ast patch)', () => {
  before(() => installLibraryPatches());

  const cases = [
    'ARG A=1\nARG B\nFROM alpine:$A\nENV C=$A D=x\nARG A\nARG B=2\nENV C=again C=twice\nRUN echo $A $B $C\nFROM alpine AS two\nARG A\nENV D=$A\nRUN echo $D\n',
    'FROM alpine\nENV A=1\nENV A=2\nARG A=3\nRUN echo $A\nENV \\\n  B=multi \\\n  C=line\nRUN echo $B\n',
    'ARG BASE\nFROM $BASE\nARG BASE\nRUN echo $BASE\n',
    'ENV X=1\nFROM alpine\nRUN echo $X\n',
    '',
  ];
  cases.forEach((text, index) => {
    it(`hand-made case ${index + 1}`, () => {
      compare(text, `case ${index + 1}`);
    });
  });

  const directory = corpusPath('real');
  if (!directory) {
    it('skipped: ../shared/corpus/real is not present');
    return;
  }
  it('every file of the corpus', function () {
    this.timeout(120_000);
    let checked = 0;
    for (const file of readdirSync(directory).filter((name) => !name.endsWith('.tsv') && !name.endsWith('.md'))) {
      checked += compare(readFileSync(path.join(directory, file), 'utf8'), file);
    }
    assert.ok(checked > 1000, `${checked} checks`);
  });
});
