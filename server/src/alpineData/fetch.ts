/**
 * One HTTPS GET with the limits Alpine data needs: a timeout, a size cap, an optional HTTP proxy (CONNECT for HTTPS),
 * and no redirects to anything but HTTPS. Plain `http://` is refused, except to 127.0.0.1 when the caller admits it
 * (tests serve from loopback).
 */
import http from 'node:http';
import https from 'node:https';
import type { Socket } from 'node:net';
import tls from 'node:tls';

export interface FetchLimits {
  readonly timeoutMs: number;
  readonly maxBytes: number;
  /** `http://host:port` of a proxy (HTTPS_PROXY, the editor's `http.proxy`); undefined for a direct connection. */
  readonly proxy?: string;
  /** Admits `http://127.0.0.1…` URLs (tests only). */
  readonly allowLoopbackHttp?: boolean;
  /** Extra certificate authorities (PEM), e.g. a test's self-signed certificate. */
  readonly ca?: string;
}

export class FetchError extends Error {}

function isLoopbackHttp(url: URL): boolean {
  return url.protocol === 'http:' && url.hostname === '127.0.0.1';
}

/** Whether `text` is a URL this module may fetch. */
export function isFetchableUrl(text: string, allowLoopbackHttp = false): boolean {
  try {
    const url = new URL(text);
    return url.protocol === 'https:' || (allowLoopbackHttp && isLoopbackHttp(url));
  } catch {
    return false;
  }
}

/** Whether the host is listed in NO_PROXY (`host`, `.domain`, `*`). */
function bypassesProxy(host: string): boolean {
  const list = (process.env.NO_PROXY ?? process.env.no_proxy ?? '').split(',').map((entry) => entry.trim().toLowerCase()).filter(Boolean);
  return list.some((entry) => entry === '*' || host === entry || (entry.startsWith('.') ? host.endsWith(entry) : host.endsWith(`.${entry}`)));
}

/** GETs `address`; resolves with the body, rejects with a {@link FetchError} that says what went wrong. */
export function fetchBytes(address: string, limits: FetchLimits, redirects = 3): Promise<Buffer> {
  let url: URL;
  try {
    url = new URL(address);
  } catch {
    return Promise.reject(new FetchError(`${address} is not a URL`));
  }
  if (url.protocol !== 'https:' && !(limits.allowLoopbackHttp && isLoopbackHttp(url))) {
    return Promise.reject(new FetchError(`${address} is not an https:// URL; Alpine data is fetched over HTTPS only`));
  }
  return new Promise<Buffer>((resolve, reject) => {
    let settled = false;
    const done = (error: Error | undefined, body?: Buffer): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (error) reject(error);
      else resolve(body as Buffer);
    };
    const timer = setTimeout(() => {
      request?.destroy();
      done(new FetchError(`${url.host} did not answer within ${Math.round(limits.timeoutMs / 1000)} s`));
    }, limits.timeoutMs);
    let request: http.ClientRequest | undefined;
    const onResponse = (response: http.IncomingMessage): void => {
      const status = response.statusCode ?? 0;
      if (status >= 300 && status < 400 && response.headers.location && redirects > 0) {
        response.resume();
        const next = new URL(response.headers.location, url).toString();
        fetchBytes(next, limits, redirects - 1).then((body) => done(undefined, body), (error: Error) => done(error));
        return;
      }
      if (status !== 200) {
        response.resume();
        done(new FetchError(`${url.toString()} answered HTTP ${status}`));
        return;
      }
      const length = Number(response.headers['content-length']);
      if (Number.isFinite(length) && length > limits.maxBytes) {
        response.destroy();
        done(new FetchError(`${url.toString()} is ${length} bytes, more than the limit of ${limits.maxBytes}`));
        return;
      }
      const chunks: Buffer[] = [];
      let received = 0;
      response.on('data', (chunk: Buffer) => {
        received += chunk.length;
        if (received > limits.maxBytes) {
          response.destroy();
          done(new FetchError(`${url.toString()} sent more than the limit of ${limits.maxBytes} bytes`));
          return;
        }
        chunks.push(chunk);
      });
      response.on('end', () => done(undefined, Buffer.concat(chunks)));
      response.on('error', (error) => done(new FetchError(`${url.host}: ${error.message}`)));
    };
    const onError = (error: Error): void => done(new FetchError(`${url.host}: ${error.message}`));
    const proxy = limits.proxy && !bypassesProxy(url.hostname) ? new URL(limits.proxy) : undefined;
    const headers = { 'user-agent': 'alpinist (Alpine package index)', accept: '*/*' };
    if (!proxy) {
      request = (url.protocol === 'https:' ? https : http).get(url, { headers, ca: limits.ca }, onResponse);
      request.on('error', onError);
      return;
    }
    if (url.protocol === 'http:') {
      // Plain HTTP through a proxy: the absolute URL in the request line.
      request = http.get({ host: proxy.hostname, port: proxy.port || 80, path: url.toString(), headers: { ...headers, host: url.host } }, onResponse);
      request.on('error', onError);
      return;
    }
    const target = `${url.hostname}:${url.port || 443}`;
    const connect = http.request({ host: proxy.hostname, port: proxy.port || 80, method: 'CONNECT', path: target, headers: { host: target } });
    request = connect;
    connect.on('connect', (response: http.IncomingMessage, socket: Socket) => {
      if (response.statusCode !== 200) {
        socket.destroy();
        done(new FetchError(`the proxy ${proxy.host} refused the tunnel to ${target} (HTTP ${response.statusCode ?? 0})`));
        return;
      }
      const secure = tls.connect({ socket, servername: url.hostname, ca: limits.ca });
      request = https.get(url, { headers, createConnection: () => secure, agent: false }, onResponse);
      request.on('error', onError);
    });
    connect.on('error', onError);
    connect.end();
  });
}
