/**
 * Starts the real language server in-process, linked to a JSON-RPC client by two in-memory streams, and offers
 * helpers to open documents and wait for diagnostics. No child processes and no sleeps.
 */
import { PassThrough } from 'node:stream';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import type { Diagnostic, InitializeResult, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { createLanguageServer } from '../../server/src/lsp/languageServer';
import { lifecycleOptions } from '../../server/src/lsp/lifecycle';

export interface Harness {
  readonly client: MessageConnection;
  readonly initializeResult: InitializeResult;
  /** Settings answered to `workspace/configuration`, by section. */
  settings: Record<string, unknown>;
  readonly shownDocuments: unknown[];
  /** Every `workspace/configuration` item the server asked for. */
  readonly configurationRequests: { scopeUri?: string; section?: string }[];
  readonly logs: string[];
  /** `window/showMessage` notifications and `window/showMessageRequest` requests, as received. */
  readonly shownMessages: { type: number; message: string }[];
  /** Every registration the server asked for through `client/registerCapability`. */
  readonly registrations: { method: string; registerOptions?: unknown }[];
  open(uri: string, text: string, version?: number): Promise<Diagnostic[]>;
  change(uri: string, text: string, version: number): Promise<Diagnostic[]>;
  /** Resolves with the next diagnostics published for `uri` (optionally for a given document version). */
  nextDiagnostics(uri: string, version?: number, timeoutMs?: number): Promise<Diagnostic[]>;
  request<R>(method: string, params: unknown): Promise<R>;
  notify(method: string, params: unknown): Promise<void>;
  dispose(): void;
}

export const CLIENT_CAPABILITIES = {
  workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true }, applyEdit: true, workspaceEdit: { documentChanges: true } },
  window: { showDocument: { support: true }, workDoneProgress: true },
  textDocument: {
    synchronization: { dynamicRegistration: false, didSave: true },
    publishDiagnostics: { relatedInformation: true, versionSupport: true, codeDescriptionSupport: true, dataSupport: true, tagSupport: { valueSet: [1, 2] } },
    completion: { completionItem: { snippetSupport: true, documentationFormat: ['markdown', 'plaintext'], deprecatedSupport: true } },
    hover: { contentFormat: ['markdown', 'plaintext'] },
    codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'refactor', 'source', 'source.fixAll'] } }, isPreferredSupport: true, dataSupport: true },
    foldingRange: { lineFoldingOnly: true },
    semanticTokens: { requests: { full: true }, tokenTypes: [], tokenModifiers: [], formats: ['relative'] },
  },
};

export async function startHarness(
  settings: Record<string, unknown> = { alpinist: { enable: true, rules: {} } },
  initializationOptions?: unknown,
  capabilities: unknown = CLIENT_CAPABILITIES,
  /** More `initialize` params, such as `workspaceFolders`. */
  initializeParams: Record<string, unknown> = {},
): Promise<Harness> {
  const clientToServer = new PassThrough();
  const serverToClient = new PassThrough();
  const serverConnection = createConnection(ProposedFeatures.all, new StreamMessageReader(clientToServer), new StreamMessageWriter(serverToClient), lifecycleOptions());
  createLanguageServer(serverConnection);
  serverConnection.listen();
  const client = createMessageConnection(new StreamMessageReader(serverToClient), new StreamMessageWriter(clientToServer));
  const waiters: { uri: string; version?: number; resolve: (diagnostics: Diagnostic[]) => void }[] = [];
  const shownDocuments: unknown[] = [];
  const logs: string[] = [];
  const harness = { settings } as Harness & { settings: Record<string, unknown> };
  client.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
    for (let index = waiters.length - 1; index >= 0; index--) {
      const waiter = waiters[index];
      if (waiter.uri === params.uri && (waiter.version === undefined || waiter.version === params.version)) {
        waiters.splice(index, 1);
        waiter.resolve(params.diagnostics);
      }
    }
  });
  client.onNotification('window/logMessage', (params: { message: string }) => {
    logs.push(params.message);
  });
  const configurationRequests: { scopeUri?: string; section?: string }[] = [];
  client.onRequest('workspace/configuration', (params: { items: { scopeUri?: string; section?: string }[] }) => {
    configurationRequests.push(...params.items);
    return params.items.map((item) => {
      // Settings keyed by a folder URI apply to that folder only, as VS Code's folder settings do.
      const scoped = item.scopeUri === undefined ? undefined : (harness.settings[item.scopeUri] as Record<string, unknown> | undefined);
      const source = scoped ?? harness.settings;
      return (item.section ? source[item.section] : source) ?? null;
    });
  });
  const shownMessages: { type: number; message: string }[] = [];
  client.onNotification('window/showMessage', (params: { type: number; message: string }) => void shownMessages.push(params));
  client.onRequest('window/showMessageRequest', (params: { type: number; message: string }) => {
    shownMessages.push({ type: params.type, message: params.message });
    return null;
  });
  const registrations: { method: string; registerOptions?: unknown }[] = [];
  client.onRequest('client/registerCapability', (params: { registrations: { method: string; registerOptions?: unknown }[] }) => {
    registrations.push(...params.registrations);
    return null;
  });
  client.onRequest('window/workDoneProgress/create', () => null);
  client.onRequest('window/showDocument', (params: unknown) => {
    shownDocuments.push(params);
    return { success: true };
  });
  client.listen();
  const initializeResult = await client.sendRequest<InitializeResult>('initialize', { processId: null, rootUri: null, capabilities, initializationOptions, ...initializeParams });
  await client.sendNotification('initialized', {});

  const nextDiagnostics = (uri: string, version?: number, timeoutMs = 10000): Promise<Diagnostic[]> =>
    new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`No diagnostics for ${uri} (version ${version}) within ${timeoutMs} ms`)), timeoutMs);
      waiters.push({ uri, version, resolve: (diagnostics) => { clearTimeout(timer); resolve(diagnostics); } });
    });

  return Object.assign(harness, {
    client,
    initializeResult,
    shownDocuments,
    configurationRequests,
    logs,
    shownMessages,
    registrations,
    nextDiagnostics,
    async open(uri: string, text: string, version = 1) {
      const diagnostics = nextDiagnostics(uri, version);
      await client.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'dockerfile', version, text } });
      return diagnostics;
    },
    async change(uri: string, text: string, version: number) {
      const diagnostics = nextDiagnostics(uri, version);
      await client.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });
      return diagnostics;
    },
    request: <R>(method: string, params: unknown) => client.sendRequest<R>(method, params),
    notify: (method: string, params: unknown) => client.sendNotification(method, params),
    dispose() {
      client.dispose();
      serverConnection.dispose();
      clientToServer.destroy();
      serverToClient.destroy();
    },
  });
}
