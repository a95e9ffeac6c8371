/**
 * The features dockerfile-language-service provides as they are: formatting, symbols, folding, highlights,
 * definition, rename, links and signature help.
 */
import { guard, withDocument, type FeatureContext } from './context';

export function registerLibraryFeatures(context: FeatureContext): void {
  const { connection } = context;
  connection.onDocumentFormatting(withDocument(context, 'formatting', [], (document, params) => context.service.format(document.getText(), params.options)));
  connection.onDocumentRangeFormatting(withDocument(context, 'rangeFormatting', [], (document, params) => context.service.formatRange(document.getText(), params.range, params.options)));
  connection.onDocumentOnTypeFormatting(withDocument(context, 'onTypeFormatting', [], (document, params) => context.service.formatOnType(document.getText(), params.position, params.ch, params.options)));
  connection.onDocumentSymbol(withDocument(context, 'documentSymbol', [], (document) => context.service.computeSymbols({ uri: document.uri }, document.getText())));
  connection.onFoldingRanges(withDocument(context, 'foldingRange', [], (document) => context.service.computeFoldingRanges(document.getText())));
  connection.onDocumentHighlight(withDocument(context, 'documentHighlight', [], (document, params) => context.service.computeHighlightRanges(document.getText(), params.position)));
  connection.onDefinition(withDocument(context, 'definition', null, (document, params) => context.service.computeDefinition({ uri: document.uri }, document.getText(), params.position)));
  connection.onPrepareRename(withDocument(context, 'prepareRename', null, (document, params) => context.service.prepareRename(document.getText(), params.position)));
  connection.onRenameRequest(
    withDocument(context, 'rename', null, (document, params) => ({ changes: { [document.uri]: context.service.computeRename({ uri: document.uri }, document.getText(), params.position, params.newName) } })),
  );
  connection.onDocumentLinks(withDocument(context, 'documentLinks', [], (document) => context.service.computeLinks(document.getText())));
  connection.onDocumentLinkResolve(guard(connection, 'documentLinkResolve', null as never, (link) => context.service.resolveLink(link)));
  connection.onSignatureHelp(withDocument(context, 'signatureHelp', null, (document, params) => context.service.computeSignatureHelp(document.getText(), params.position)));
}
