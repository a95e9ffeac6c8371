/**
 * The `$alpinist` problem matcher (package.json) reads what the `alpinist: lint` task prints: the CLI's text format
 * in a terminal (code frames included), one problem per finding with its file, position, severity, rule and message.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { runAlpinist, useTempDirectory } from '../support/cliHarness';

const root = path.resolve(__dirname, '..', '..');
const manifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {
  contributes: {
    problemMatchers: { name: string; fileLocation: string[]; pattern: { regexp: string; file: number; line: number; column: number; severity: number; code: number; message: number } }[];
    taskDefinitions: { type: string }[];
    commands: { command: string }[];
  };
  activationEvents: string[];
};

describe('alpinist task problem matcher', () => {
  const directory = useTempDirectory();
  const matcher = manifest.contributes.problemMatchers.find((candidate) => candidate.name === 'alpinist');

  it('is contributed with the task type and the Lint Workspace command', () => {
    assert.ok(matcher);
    assert.deepEqual(matcher.fileLocation, ['relative', '${workspaceFolder}']);
    assert.ok(manifest.contributes.taskDefinitions.some((definition) => definition.type === 'alpinist'));
    assert.ok(manifest.contributes.commands.some((command) => command.command === 'alpinist.lintWorkspace'));
    assert.ok(manifest.activationEvents.includes('onTaskType:alpinist'));
  });

  it('matches every finding of the task’s output, and nothing else, in a terminal with code frames', async () => {
    assert.ok(matcher);
    directory.write('Dockerfile', readFileSync(path.join(root, 'examples', 'Dockerfile'), 'utf8'));
    directory.write('svc/app.Dockerfile', 'FROM alpine:3.20\nRUN apk add python\n');
    const text = await runAlpinist(['lint', '--no-color', '--format', 'text', '--failure-threshold', 'none', '.'], { isStdoutTTY: true });
    const json = await runAlpinist(['lint', '--format', 'json', '--failure-threshold', 'none', '.']);
    assert.equal(text.code, 0);
    assert.match(text.stdout, /\|/, 'code frames are printed in a terminal');
    const regexp = new RegExp(matcher.pattern.regexp);
    const { pattern } = matcher;
    const problems = text.stdout
      .split('\n')
      .map((line) => regexp.exec(line))
      .filter((match) => match !== null)
      .map((match) => ({ file: match[pattern.file], line: Number(match[pattern.line]), column: Number(match[pattern.column]), severity: match[pattern.severity], code: match[pattern.code], message: match[pattern.message] }));
    const report = JSON.parse(json.stdout) as { file: string; findings: { ruleId: string; severity: string; message: string; range: { start: { line: number; character: number } } }[] }[];
    const expected = report.flatMap((file) =>
      file.findings.map((finding) => ({ file: file.file, line: finding.range.start.line + 1, column: finding.range.start.character + 1, severity: finding.severity, code: finding.ruleId, message: finding.message })),
    );
    assert.ok(expected.length >= 7);
    assert.deepEqual(problems, expected);
  });
});
