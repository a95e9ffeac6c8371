/** Client-side commands: restart the server and show its output. */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';

export function registerCommands(context: vscode.ExtensionContext, client: LanguageClient, outputChannel: vscode.LogOutputChannel): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('alpinist.restartServer', async () => {
      await client.restart();
    }),
    vscode.commands.registerCommand('alpinist.showOutput', () => outputChannel.show(true)),
  );
}
