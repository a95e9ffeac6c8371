/** ShellCheck in the language server: own diagnostics first, ShellCheck's republished later; nothing when untrusted. */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { PublishDiagnosticsParams } from 'vscode-languageserver';
import { analyze } from '../../../server/src/analysis/analysis';
import { createShellCheckDiagnostics, readShellCheckOptions } from '../../../server/src/lsp/shellcheckDiagnostics';

describe('shellcheck diagnostics in the language server', function () {
  if (process.platform === 'win32') return;
  let directory = '';
  let marker = '';
  let executable = '';
  const comment = '{"comments":[{"line":2,"endLine":2,"column":6,"endColumn":8,"level":"info","code":2086,"message":"Double quote.","fix":null}]}';
  before(() => {
    directory = fs.mkdtempSync(path.join(os.tmpdir(), 'alpinist-lsp-shellcheck-'));
    marker = path.join(directory, 'started');
    executable = path.join(directory, 'shellcheck');
    fs.writeFileSync(executable, `#!/bin/sh\ntouch ${marker}\nif [ "$1" = "--version" ]; then echo "version: 0.9.0"; exit 0; fi\ncat >/dev/null\necho '${comment}'\nexit 1\n`, { mode: 0o755 });
  });
  after(() => fs.rmSync(directory, { recursive: true, force: true }));

  const text = 'FROM debian:12\nRUN echo $b\n';

  async function publishOnce(options: unknown, versionNow: number): Promise<{ sent: PublishDiagnosticsParams[]; logs: string[] }> {
    const sent: PublishDiagnosticsParams[] = [];
    const logs: string[] = [];
    const diagnostics = createShellCheckDiagnostics(readShellCheckOptions(options), { send: async (params) => void sent.push(params), versionOf: () => versionNow, log: (line) => logs.push(line) });
    diagnostics.publish('file:///Dockerfile', 3, analyze(text), {}, []);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    return { sent, logs };
  }

  it('starts no process when the client does not say the workspace is trusted', async () => {
    for (const options of [undefined, { path: executable }, { path: executable, workspaceTrusted: false }, { path: executable, workspaceTrusted: 'yes' }]) {
      const { sent, logs } = await publishOnce(options, 3);
      assert.deepEqual([sent, logs], [[], []]);
    }
    assert.equal(fs.existsSync(marker), false);
  });

  it('republishes with ShellCheck findings for the same version, and drops them for an older one', async () => {
    const { sent } = await publishOnce({ path: executable, workspaceTrusted: true }, 3);
    assert.equal(sent.length, 1);
    assert.equal(sent[0].version, 3);
    assert.deepEqual(sent[0].diagnostics.map((diagnostic) => [diagnostic.code, diagnostic.message, diagnostic.range.start.character, diagnostic.codeDescription?.href]), [
      ['shellcheck', 'SC2086: Double quote.', 9, 'https://www.shellcheck.net/wiki/SC2086'],
    ]);
    const stale = await publishOnce({ path: executable, workspaceTrusted: true }, 4);
    assert.deepEqual(stale.sent, []);
  });

  it('a missing ShellCheck is one line in the log, and enable: false silences it', async () => {
    const missing = await publishOnce({ path: path.join(directory, 'absent'), workspaceTrusted: true }, 3);
    assert.equal(missing.logs.length, 1);
    assert.match(missing.logs[0], /^ShellCheck not found/);
    const silenced = await publishOnce({ path: path.join(directory, 'absent'), workspaceTrusted: true, enable: false }, 3);
    assert.deepEqual(silenced.logs, []);
  });
});
