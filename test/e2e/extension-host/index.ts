/**
 * Test runner loaded by VS Code's extension host (`--extensionTestsPath`): runs every `*.test.ts` beside it with mocha
 * (TypeScript through tsx, as in the other suites) and writes the outcome as JSON to $ALPINIST_EXTHOST_RESULT.
 * `@vscode/test-cli` (.vscode-test.mjs) runs the same test files with its own runner.
 */
import { readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import Mocha from 'mocha';

export interface ExtensionHostResult {
  readonly passes: string[];
  readonly failures: { title: string; error: string }[];
}

export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', timeout: 60_000, color: false, reporter: 'spec' });
  for (const file of readdirSync(__dirname).filter((name) => name.endsWith('.test.ts')).sort()) mocha.addFile(path.join(__dirname, file));
  const result: ExtensionHostResult = { passes: [], failures: [] };
  const write = (): void => {
    if (process.env.ALPINIST_EXTHOST_RESULT) writeFileSync(process.env.ALPINIST_EXTHOST_RESULT, JSON.stringify(result, null, 2));
  };
  return new Promise((resolve, reject) => {
    try {
      const runner = mocha.run((failures) => {
        write();
        if (failures > 0) reject(new Error(`${failures} extension-host tests failed`));
        else resolve();
      });
      runner.on('pass', (test) => result.passes.push(`${test.fullTitle()} (${test.duration ?? 0} ms)`));
      runner.on('fail', (test, error: Error) => result.failures.push({ title: test.fullTitle(), error: String(error.stack ?? error) }));
    } catch (error) {
      result.failures.push({ title: 'loading the suite', error: String((error as Error).stack ?? error) });
      write();
      reject(error as Error);
    }
  });
}
