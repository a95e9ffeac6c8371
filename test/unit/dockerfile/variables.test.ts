/** The one variable resolver: expansion forms, and which value a name has where. */
import assert from 'node:assert/strict';
import { parseDockerfile } from '../../../server/src/dockerfile/model';
import { expandAt, expandVariables, variableAt } from '../../../server/src/dockerfile/variables';

describe('expandVariables', () => {
  const values: Record<string, string> = { SET: 'v', EMPTY: '' };
  const lookup = (name: string): string | undefined => values[name];
  const cases: readonly (readonly [string, string | undefined])[] = [
    ['plain', 'plain'],
    ['$SET/x', 'v/x'],
    ['${SET}x', 'vx'],
    ['$UNSET', undefined],
    ['${UNSET:-d}', 'd'],
    ['${UNSET-d}', 'd'],
    ['${EMPTY:-d}', 'd'],
    ['${EMPTY-d}', ''],
    ['${SET:-d}', 'v'],
    ['${SET:+alt}', 'alt'],
    ['${EMPTY:+alt}', ''],
    ['${EMPTY+alt}', 'alt'],
    ['${UNSET+alt}', ''],
    ['$EMPTY', ''],
  ];
  for (const [text, expected] of cases) {
    it(`${text} → ${String(expected)}`, () => assert.equal(expandVariables(text, lookup), expected));
  }

  it('treats an empty value as unknown where asked (FROM lines)', () => {
    assert.equal(expandVariables('alpine:$EMPTY', lookup, { emptyIsUnknown: true }), undefined);
  });

  it('treats a value holding a variable as unknown where asked', () => {
    assert.equal(expandVariables('$X', () => '$Y', { nestedIsUnknown: true }), undefined);
    assert.equal(expandVariables('$X', () => '$Y'), '$Y');
  });

  it('leaves overlong text unresolved', () => {
    assert.equal(expandVariables(`$SET${'x'.repeat(5000)}`, lookup), undefined);
  });
});

describe('variableAt', () => {
  const text = [
    'ARG VERSION=3.20',
    'FROM alpine:$VERSION AS base',
    'ARG VERSION',
    'ARG MODE=dev',
    'ENV MODE=prod',
    'ENV DIR=/srv',
    'WORKDIR $DIR/app',
    'FROM base AS child',
    'ARG OWN',
    'WORKDIR ${DIR}/child',
    '',
  ].join('\n');
  const model = parseDockerfile(text);
  const [base, child] = model.stages;
  const offsetOf = (needle: string): number => text.indexOf(needle);

  it('a redeclared global ARG takes its default', () => {
    assert.equal(variableAt(base, 'VERSION', offsetOf('WORKDIR $DIR'))?.value, '3.20');
  });

  it('ENV wins over ARG of the same name', () => {
    const found = variableAt(base, 'MODE', offsetOf('WORKDIR $DIR'));
    assert.deepEqual([found?.kind, found?.value], ['env', 'prod']);
    assert.equal(variableAt(base, 'MODE', offsetOf('WORKDIR $DIR'), 'arg')?.value, 'dev');
  });

  it('only what is set before the point counts', () => {
    assert.equal(variableAt(base, 'DIR', offsetOf('ENV DIR')), undefined);
    assert.equal(variableAt(base, 'DIR', offsetOf('WORKDIR $DIR'))?.value, '/srv');
  });

  it('ENV is inherited by a stage built on this one; ARG is not', () => {
    assert.equal(variableAt(child, 'DIR', offsetOf('WORKDIR ${DIR}'))?.value, '/srv');
    assert.equal(variableAt(child, 'VERSION', offsetOf('WORKDIR ${DIR}')), undefined);
  });

  it('an ARG without a value has no value we can know', () => {
    assert.equal(variableAt(child, 'OWN', text.length), undefined);
  });

  it('expandAt expands a word where it stands and removes quotes around the result', () => {
    assert.equal(expandAt(child, offsetOf('WORKDIR ${DIR}'), '${DIR}/child'), '/srv/child');
    assert.equal(expandAt(child, offsetOf('WORKDIR ${DIR}'), '"$DIR"'), '/srv');
    assert.equal(expandAt(child, offsetOf('WORKDIR ${DIR}'), '$OWN/x'), undefined);
  });

  it('FROM lines see the global ARGs', () => {
    assert.equal(base.resolvedImage, 'alpine:3.20');
  });
});
