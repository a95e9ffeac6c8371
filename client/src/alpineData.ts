/**
 * Alpine data on the client side, kept thin: the options sent to the server (again when trust is granted or a
 * setting changes), and a status-bar item while the server fetches (`alpinist/alpineDataStatus`). The server writes
 * one line per fetch to the output channel itself.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { ALPINE_DATA_OPTIONS_NOTIFICATION, ALPINE_DATA_STATUS_NOTIFICATION, Commands, type AlpineDataClientOptions, type AlpineDataStatus } from '../../server/src/protocol';
import { affectsAlpineData, alpineDataOptions } from './alpineDataOptions';

export function currentAlpineDataOptions(context: vscode.ExtensionContext): AlpineDataClientOptions {
  return alpineDataOptions((section, key) => vscode.workspace.getConfiguration(section).get(key), vscode.workspace.isTrusted, context.globalStorageUri.fsPath);
}

export function registerAlpineData(context: vscode.ExtensionContext, client: LanguageClient): void {
  const item = vscode.window.createStatusBarItem('alpinist.alpineData', vscode.StatusBarAlignment.Left);
  item.name = 'Alpinist: Alpine data';
  item.text = '$(sync~spin) Alpine data';
  item.command = Commands.showOutput;
  const send = (): void => void client.sendNotification(ALPINE_DATA_OPTIONS_NOTIFICATION, currentAlpineDataOptions(context)).catch(() => undefined);
  context.subscriptions.push(
    item,
    client.onNotification(ALPINE_DATA_STATUS_NOTIFICATION, (status: AlpineDataStatus) => {
      item.tooltip = status.message;
      if (status.busy) item.show();
      else item.hide();
    }),
    // A server that stops (restart, crash) while it downloads sends no end: the item goes with it.
    client.onDidChangeState(() => item.hide()),
    vscode.workspace.onDidGrantWorkspaceTrust(send),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (affectsAlpineData((section) => event.affectsConfiguration(section))) send();
    }),
  );
}
