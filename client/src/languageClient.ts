/** Server options, document selector and the language client itself. */
import type * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { SERVER_NODE_OPTIONS } from '../../server/src/protocol';

export function createLanguageClient(context: vscode.ExtensionContext, outputChannel: vscode.LogOutputChannel): LanguageClient {
  const module = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc, options: { execArgv: [...SERVER_NODE_OPTIONS] } },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'dockerfile' },
      { scheme: 'untitled', language: 'dockerfile' },
      { scheme: 'vscode-vfs', language: 'dockerfile' },
      { scheme: 'vscode-remote', language: 'dockerfile' },
    ],
    synchronize: { configurationSection: 'alpinist' },
    outputChannel,
    traceOutputChannel: outputChannel,
  };
  return new LanguageClient('alpinist', 'Alpinist', serverOptions, clientOptions);
}
