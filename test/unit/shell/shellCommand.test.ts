/** The `ShellCommand` helpers rules use instead of splitting strings. */
import assert from 'node:assert/strict';
import { parseDockerfile } from '../../../server/src/dockerfile/model';
import { argumentsOf, findFlag, firstOperand, hasFlag, isCommand, type ShellCommand } from '../../../server/src/shell/shellCommand';

function commandOf(run: string): ShellCommand {
  const commands = parseDockerfile(`RUN ${run}`).runs[0].commands;
  assert.equal(commands.length, 1, `one command in ${run}`);
  return commands[0];
}

describe('ShellCommand helpers', () => {
  const isCommandCases: [string, string, string | undefined, boolean][] = [
    ['pip install x', 'pip', 'install', true],
    ['pip -q install x', 'pip', 'install', true],
    ['pip install x', 'pip', undefined, true],
    ['pip3 install x', 'pip', 'install', false],
    ['/usr/bin/pip install x', 'pip', 'install', true],
    ['pip download install', 'pip', 'install', false],
    ['pip "install" x', 'pip', 'install', true],
    ['"$PIP" install x', 'pip', 'install', false],
  ];
  for (const [run, name, subcommand, expected] of isCommandCases) {
    it(`isCommand(${run}, ${name}, ${subcommand ?? '—'}) is ${expected}`, () => {
      assert.equal(isCommand(commandOf(run), name, subcommand), expected);
    });
  }

  const flagCases: [string, string[], string | undefined][] = [
    ['apk add --no-cache x', ['--no-cache'], '--no-cache'],
    ['pip install --no-cache-dir x', ['--no-cache'], undefined],
    ['pip install --index-url=https://x y', ['--index-url'], '--index-url=https://x'],
    ['apk add -qU x', ['-U'], '-qU'],
    ['apk add -qU x', ['-u'], undefined],
    ['apk add --quiet x', ['-q'], undefined],
    ['apk add -U x', ['--update-cache', '-U'], '-U'],
    ['apk add -- --no-cache', ['--no-cache'], undefined],
    ['apk add "$FLAGS" x', ['--no-cache'], undefined],
    ['apk add x --no-cache', ['--no-cache'], '--no-cache'],
  ];
  for (const [run, spellings, expected] of flagCases) {
    it(`findFlag(${run}, ${spellings.join(' ')}) is ${expected ?? 'undefined'}`, () => {
      const command = commandOf(run);
      assert.equal(findFlag(command, ...spellings)?.value, expected);
      assert.equal(hasFlag(command, ...spellings), expected !== undefined);
    });
  }

  it('argumentsOf drops the command name; firstOperand skips flags', () => {
    const command = commandOf('apk --no-cache add curl');
    assert.deepEqual(argumentsOf(command).map((word) => word.value), ['--no-cache', 'add', 'curl']);
    assert.equal(firstOperand(command)?.value, 'add');
    assert.equal(firstOperand(commandOf('apk -U')), undefined);
  });
});
