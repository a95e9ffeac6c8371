/** What the server offers (`initialize`), and the client's capabilities that the library's features depend on. */
import { CodeActionKind, TextDocumentSyncKind, type InitializeParams, type ServerCapabilities } from 'vscode-languageserver';
import { SEMANTIC_TOKEN_LEGEND, setDockerfileServiceCapabilities } from '../dockerfile/languageService';
import { Commands, FIX_ALL_KIND } from '../protocol';

export const SERVER_CAPABILITIES: ServerCapabilities = {
  textDocumentSync: TextDocumentSyncKind.Incremental,
  completionProvider: { triggerCharacters: ['=', ' ', '$', '-'], resolveProvider: true },
  hoverProvider: true,
  codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, CodeActionKind.RefactorRewrite, FIX_ALL_KIND] },
  documentFormattingProvider: true,
  documentRangeFormattingProvider: true,
  documentOnTypeFormattingProvider: { firstTriggerCharacter: '\\', moreTriggerCharacter: ['`'] },
  documentSymbolProvider: true,
  foldingRangeProvider: true,
  documentHighlightProvider: true,
  definitionProvider: true,
  renameProvider: { prepareProvider: true },
  documentLinkProvider: { resolveProvider: true },
  semanticTokensProvider: { legend: SEMANTIC_TOKEN_LEGEND, full: true, range: true },
  signatureHelpProvider: { triggerCharacters: ['-', '[', ',', ' ', '='] },
  executeCommandProvider: { commands: [Commands.showDocumentation] },
  workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
};

/** Tells dockerfile-language-service what the client supports (snippets, Markdown, folding limits). */
export function configureLibrary(capabilities: InitializeParams['capabilities']): void {
  setDockerfileServiceCapabilities({
    completion: {
      completionItem: {
        deprecatedSupport: capabilities.textDocument?.completion?.completionItem?.deprecatedSupport,
        documentationFormat: capabilities.textDocument?.completion?.completionItem?.documentationFormat,
        snippetSupport: capabilities.textDocument?.completion?.completionItem?.snippetSupport,
      },
    },
    hover: { contentFormat: capabilities.textDocument?.hover?.contentFormat },
    foldingRange: {
      lineFoldingOnly: capabilities.textDocument?.foldingRange?.lineFoldingOnly,
      rangeLimit: capabilities.textDocument?.foldingRange?.rangeLimit,
    },
  });
}
