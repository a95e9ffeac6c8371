/**
 * The LSP lifecycle, enforced before any handler sees a message: before `initialize`, requests are answered
 * ServerNotInitialized and notifications (but `exit`) dropped; a second `initialize` is refused; after `shutdown`,
 * requests are refused with InvalidRequest and notifications (but `exit`) dropped. `exit` itself is the library's:
 * the process ends with 0 after `shutdown`, 1 otherwise. Why a message strategy: it sees every message in order,
 * before dispatch, so no handler has to know the state.
 */
import { ErrorCodes, ResponseError, type Connection, type ConnectionOptions } from 'vscode-languageserver';
import { Message, type NotificationMessage, type RequestMessage } from 'vscode-jsonrpc';

/** The method a refused request is turned into; its handler answers with the error the request carries. */
const REFUSED_METHOD = '$/alpinist/refused';

interface Refusal {
  readonly code: number;
  readonly message: string;
}

/** Connection options with the lifecycle's message strategy; pass them to `createConnection`. */
export function lifecycleOptions(): ConnectionOptions {
  let state: 'new' | 'initialized' | 'shutdown' = 'new';
  const refuse = (request: RequestMessage, refusal: Refusal): RequestMessage => ({ jsonrpc: request.jsonrpc, id: request.id, method: REFUSED_METHOD, params: refusal });
  return {
    messageStrategy: {
      handleMessage(message, next) {
        if (Message.isRequest(message)) {
          if (message.method === REFUSED_METHOD) return next(refuse(message, { code: ErrorCodes.MethodNotFound, message: `Unhandled method ${REFUSED_METHOD}` }));
          if (state === 'shutdown') return next(refuse(message, { code: ErrorCodes.InvalidRequest, message: `The server is shut down: ${message.method} refused.` }));
          if (message.method === 'initialize') {
            if (state === 'initialized') return next(refuse(message, { code: ErrorCodes.InvalidRequest, message: 'The server is already initialized.' }));
            state = 'initialized';
            return next(message);
          }
          if (state === 'new') return next(refuse(message, { code: ErrorCodes.ServerNotInitialized, message: `The server is not initialized: ${message.method} refused.` }));
          if (message.method === 'shutdown') state = 'shutdown';
          return next(message);
        }
        if (Message.isNotification(message) && (message as NotificationMessage).method !== 'exit' && state !== 'initialized') return undefined;
        return next(message);
      },
    },
  };
}

/** Answers the requests the lifecycle refused; call once on a connection created with `lifecycleOptions`. */
export function registerLifecycle(connection: Connection): void {
  connection.onRequest(REFUSED_METHOD, (refusal: Refusal) => new ResponseError(refusal.code, refusal.message));
}
