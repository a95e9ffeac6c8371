/**
 * Language server entry point. Speaks LSP over stdio (`--stdio`), node IPC (`--node-ipc`, used by the VS Code
 * client) or a socket (`--socket=N`), as chosen on the command line.
 */
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { createLanguageServer } from './lsp/languageServer';
import { lifecycleOptions } from './lsp/lifecycle';
import { exitOnBrokenFraming } from './lsp/stdioFraming';
import { joinHeaderWrites } from './lsp/stdioWrites';

const args = process.argv.slice(2);
if (args.includes('--version') || args.includes('-v')) {
  process.stdout.write(`${process.env.ALPINIST_VERSION ?? '0.1.0'}\n`);
  process.exit(0);
}
if (!args.some((arg) => arg === '--stdio' || arg === '--node-ipc' || arg.startsWith('--socket') || arg.startsWith('--pipe') || arg.startsWith('--clientProcessId'))) {
  // Why: a bare start would make vscode-languageserver throw an unhelpful error; most LSP clients pass --stdio.
  args.push('--stdio');
  process.argv.push('--stdio');
}

if (process.argv.includes('--stdio')) {
  joinHeaderWrites(process.stdout);
  exitOnBrokenFraming(process.stdin);
}
const connection = createConnection(ProposedFeatures.all, lifecycleOptions());
createLanguageServer(connection);
connection.listen();
