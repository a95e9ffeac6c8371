/**
 * One write per LSP message on stdout. Why: vscode-jsonrpc writes a message's `Content-Length` header and its body as
 * two writes, and each write to a pipe is a system call that also wakes the editor's reader; joined, every message
 * (diagnostics after each keystroke, every answer) costs one. The header is held back (its write reported done at
 * once, which the library awaits) and sent in front of the body that the library always writes next.
 */
const HEADER = /^Content-Length: \d+\r\n\r\n$/;

type WriteCallback = (error?: Error | null) => void;

export function joinHeaderWrites(stream: NodeJS.WritableStream): void {
  const write = stream.write.bind(stream) as (chunk: string | Uint8Array, encoding?: BufferEncoding, callback?: WriteCallback) => boolean;
  let header: string | undefined;
  stream.write = function joinedWrite(chunk: string | Uint8Array, encoding?: BufferEncoding | WriteCallback, callback?: WriteCallback): boolean {
    if (typeof encoding === 'function') {
      callback = encoding;
      encoding = undefined;
    }
    if (typeof chunk === 'string' && encoding === 'ascii' && HEADER.test(chunk)) {
      // A header still held here never got its body: send it as it was.
      if (header !== undefined) write(header, 'ascii');
      header = chunk;
      callback?.();
      return true;
    }
    if (header === undefined) return write(chunk, encoding, callback);
    const body = typeof chunk === 'string' ? Buffer.from(chunk, encoding) : chunk;
    const joined = Buffer.concat([Buffer.from(header, 'ascii'), body]);
    header = undefined;
    return write(joined, undefined, callback);
  } as typeof stream.write;
}
