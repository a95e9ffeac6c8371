/**
 * What every feature handler is given, and the two wrappers every handler goes through: `guard` (a failing handler
 * logs and answers its fallback, it never takes the server down) and `withDocument` (the open document the request
 * names, and cancellation: a request cancelled while it waited in the queue answers RequestCancelled unstarted).
 */
import { LSPErrorCodes, ResponseError, type CancellationToken, type Connection, type TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { getDockerfileService } from '../../dockerfile/languageService';
import type { DocumentAnalyses } from '../documentAnalyses';

export interface FeatureContext {
  readonly connection: Connection;
  readonly documents: TextDocuments<TextDocument>;
  readonly service: ReturnType<typeof getDockerfileService>;
  readonly analyses: DocumentAnalyses;
  readonly log: (message: string) => void;
  /** Whether the client can open documents (`window/showDocument`). */
  readonly canShowDocument: () => boolean;
}

/** The answer to a request the client cancelled. */
export function cancelled(): ResponseError<void> {
  return new ResponseError(LSPErrorCodes.RequestCancelled, 'The request was cancelled.');
}

/** Throws the RequestCancelled answer when `token` is cancelled; call between chunks of a long computation. */
export function throwIfCancelled(token: CancellationToken | undefined): void {
  if (token?.isCancellationRequested) throw cancelled();
}

/** Lets queued messages (a `$/cancelRequest`, a newer change) be read, then checks `token`. */
export async function yieldTurn(token: CancellationToken | undefined): Promise<void> {
  await new Promise((resolve) => setImmediate(resolve));
  throwIfCancelled(token);
}

export function guard<P, R>(connection: Connection, name: string, fallback: R, handler: (params: P, token?: CancellationToken) => R | Promise<R>): (params: P, token?: CancellationToken) => Promise<R> {
  return async (params: P, token?: CancellationToken) => {
    try {
      return await handler(params, token);
    } catch (error) {
      if (error instanceof ResponseError) throw error;
      connection.console.error(`${name} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      return fallback;
    }
  };
}

export function withDocument<P extends { textDocument: { uri: string } }, R>(
  context: FeatureContext,
  name: string,
  fallback: R,
  handler: (document: TextDocument, params: P, token?: CancellationToken) => R | Promise<R>,
): (params: P, token?: CancellationToken) => Promise<R> {
  return guard<P, R>(context.connection, name, fallback, (params, token) => {
    throwIfCancelled(token);
    const document = context.documents.get(params.textDocument.uri);
    return document ? handler(document, params, token) : fallback;
  });
}
