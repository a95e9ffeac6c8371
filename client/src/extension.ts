/** Activation: start the Alpinist language server; deactivation: stop it. */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { registerAlpineData } from './alpineData';
import { registerCommands } from './commands';
import { createLanguageClient } from './languageClient';
import { registerTasks } from './tasks';

let client: LanguageClient | undefined;

/** When this bundle was evaluated (its imports, vscode-languageclient above all, were loaded just before). */
const loadedAt = Date.now();

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const activatedAt = Date.now();
  const outputChannel = vscode.window.createOutputChannel('Alpinist', { log: true });
  context.subscriptions.push(outputChannel);
  client = createLanguageClient(context, outputChannel);
  registerCommands(context, client, outputChannel);
  registerAlpineData(context, client);
  registerTasks(context);
  await client.start();
  // The server logs its own milestones with the first diagnostics; together they show where the first squiggle's
  // time goes (the e2e suite reads both lines).
  outputChannel.info(`Startup timings (client): bundle loaded at ${loadedAt}, activate at ${activatedAt}, language client started at ${Date.now()} (epoch ms)`);
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
