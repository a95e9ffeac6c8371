/** Activation: start the Alpinist language server; deactivation: stop it. */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { registerAlpineData } from './alpineData';
import { registerCommands } from './commands';
import { createLanguageClient } from './languageClient';
import { registerTasks } from './tasks';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const outputChannel = vscode.window.createOutputChannel('Alpinist', { log: true });
  context.subscriptions.push(outputChannel);
  client = createLanguageClient(context, outputChannel);
  registerCommands(context, client, outputChannel);
  registerAlpineData(context, client);
  registerTasks(context);
  await client.start();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
