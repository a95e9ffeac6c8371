/** Server options, document selector and the language client itself. */
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { SERVER_NODE_OPTIONS, SETTINGS_SECTION } from '../../server/src/protocol';
import { currentAlpineDataOptions } from './alpineData';
import { explicitSettingsMiddleware, initialSettingsByFolder, type InspectRules } from './settings';

const inspectRules: InspectRules = (scopeUri) =>
  vscode.workspace.getConfiguration(SETTINGS_SECTION, scopeUri === undefined ? undefined : vscode.Uri.parse(scopeUri)).inspect('rules');

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
    // Note: no `synchronize.configurationSection`: the server registers for changes of its section itself, and a
    // second registration would send every change twice.
    // Why: the server starts ShellCheck only when told the workspace is trusted (read once; a restart re-reads it),
    // and fetches Alpine data only when told so (updated by alpinist/alpineDataOptions, see alpineData.ts).
    // Why no workspace diagnostics: the Lint Workspace command and the `alpinist: lint` task put the workspace into the
    // Problems panel; pulled diagnostics beside them would list each finding twice.
    initializationOptions: {
      alpineData: currentAlpineDataOptions(context),
      workspaceDiagnostics: false,
      // What VS Code sends when the server registers for settings changes, so the server can tell that echo from a change.
      settings: JSON.parse(JSON.stringify(vscode.workspace.getConfiguration().get(SETTINGS_SECTION) ?? null)) as unknown,
      settingsByFolder: initialSettingsByFolder(
        (vscode.workspace.workspaceFolders ?? []).map((folder) => folder.uri.toString()),
        (scopeUri) => vscode.workspace.getConfiguration(SETTINGS_SECTION, scopeUri === undefined ? undefined : vscode.Uri.parse(scopeUri)),
        inspectRules,
      ),
      shellcheck: {
        workspaceTrusted: vscode.workspace.isTrusted,
        enable: vscode.workspace.getConfiguration(SETTINGS_SECTION).get<boolean>('shellcheck.enable', true),
        path: vscode.workspace.getConfiguration(SETTINGS_SECTION).get<string>('shellcheck.path', 'shellcheck'),
      },
    },
    middleware: { workspace: explicitSettingsMiddleware(inspectRules) },
    outputChannel,
    traceOutputChannel: outputChannel,
  };
  return new LanguageClient('alpinist', 'Alpinist', serverOptions, clientOptions);
}
