/**
 * A loopback HTTP(S) server the test controls: serves `files` by path (`'hang'`: never answers), records every
 * request path. Alpine data tests use it as a mirror.
 */
import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';

export interface Loopback {
  readonly url: string;
  readonly requests: string[];
  files: Map<string, Buffer | 'hang'>;
  close(): Promise<void>;
}

/** Starts the server on 127.0.0.1; with `tls` (a PEM key and certificate) it speaks HTTPS. */
export async function loopback(files: Map<string, Buffer | 'hang'>, tls?: { key: string; cert: string }): Promise<Loopback> {
  const requests: string[] = [];
  const state = { files };
  const handler: http.RequestListener = (request, response) => {
    requests.push(request.url ?? '');
    const key = (request.url ?? '').replace(/^http:\/\/[^/]+/, '');
    const body = state.files.get(key);
    if (body === 'hang') return;
    if (!body) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'content-length': body.length }).end(body);
  };
  const server = tls ? https.createServer(tls, handler) : http.createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `${tls ? 'https' : 'http'}://127.0.0.1:${port}`,
    requests,
    get files() { return state.files; },
    set files(value) { state.files = value; },
    close: () => new Promise((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}
