/**
 * The features dockerfile-language-service provides as they are: formatting, symbols, folding, highlights,
 * definition, rename, links and signature help.
 */
import { guard, withDocument, type FeatureContext } from './context';

export function registerLibraryFeatures(context: FeatureContext): void {
  const { connection, service } = context;
  connection.onDocumentFormatting(withDocument(context, 'formatting', [], (document, params) => service.format(document.getText(), params.options)));
  connection.onDocumentRangeFormatting(withDocument(context, 'rangeFormatting', [], (document, params) => service.formatRange(document.getText(), params.range, params.options)));
  connection.onDocumentOnTypeFormatting(withDocument(context, 'onTypeFormatting', [], (document, params) => service.formatOnType(document.getText(), params.position, params.ch, params.options)));
  connection.onDocumentSymbol(withDocument(context, 'documentSymbol', [], (document) => service.computeSymbols({ uri: document.uri }, document.getText())));
  connection.onFoldingRanges(withDocument(context, 'foldingRange', [], (document) => service.computeFoldingRanges(document.getText())));
  connection.onDocumentHighlight(withDocument(context, 'documentHighlight', [], (document, params) => service.computeHighlightRanges(document.getText(), params.position)));
  connection.onDefinition(withDocument(context, 'definition', null, (document, params) => service.computeDefinition({ uri: document.uri }, document.getText(), params.position)));
  connection.onPrepareRename(withDocument(context, 'prepareRename', null, (document, params) => service.prepareRename(document.getText(), params.position)));
  connection.onRenameRequest(
    withDocument(context, 'rename', null, (document, params) => ({ changes: { [document.uri]: service.computeRename({ uri: document.uri }, document.getText(), params.position, params.newName) } })),
  );
  connection.onDocumentLinks(withDocument(context, 'documentLinks', [], (document) => service.computeLinks(document.getText())));
  connection.onDocumentLinkResolve(guard(connection, 'documentLinkResolve', null as never, (link) => service.resolveLink(link)));
  connection.onSignatureHelp(withDocument(context, 'signatureHelp', null, (document, params) => service.computeSignatureHelp(document.getText(), params.position)));
}
