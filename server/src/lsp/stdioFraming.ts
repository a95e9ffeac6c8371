/**
 * Watches the framing of the messages a client sends on stdin, beside the library's reader, and ends the process
 * when it is broken. Why: vscode-jsonrpc reports a missing or non-numeric `Content-Length` to nobody and then reads
 * the body as headers, so the connection hangs without a word. Here a bad header is logged on stderr (one line) and
 * the process exits with 1, as it does when the client goes away without `shutdown`. Linear: header bytes are
 * scanned once, body bytes are counted, not read.
 */

/** Largest message accepted (256 MiB), far above any Dockerfile a client would send. */
export const MAX_MESSAGE_BYTES = 256 * 1024 * 1024;
/** Longest header section; real ones are under a hundred bytes. */
const MAX_HEADER_BYTES = 8192;
const CONTENT_LENGTH = /^content-length: *(\d+) *$/i;

/** Checks a stream of message bytes; returns a one-line reason at the first broken header, else undefined. */
export function createFramingCheck(): (chunk: Uint8Array) => string | undefined {
  let header = '';
  let bodyLeft = 0;
  let broken: string | undefined;
  return (chunk) => {
    let index = 0;
    while (broken === undefined && index < chunk.length) {
      if (bodyLeft > 0) {
        const taken = Math.min(bodyLeft, chunk.length - index);
        bodyLeft -= taken;
        index += taken;
        continue;
      }
      // Header bytes are ASCII; read up to the end of the chunk or the blank line, whichever comes first.
      header += String.fromCharCode(chunk[index]);
      index++;
      if (header.endsWith('\r\n\r\n')) {
        broken = checkHeader(header);
        if (broken === undefined) bodyLeft = Number(CONTENT_LENGTH.exec(header.split('\r\n').find((line) => CONTENT_LENGTH.test(line)) ?? '')?.[1]);
        header = '';
        // A zero-length body is allowed; nothing to count.
      } else if (header.length > MAX_HEADER_BYTES) {
        broken = `a message header longer than ${MAX_HEADER_BYTES} bytes`;
      }
    }
    return broken;
  };
}

function checkHeader(header: string): string | undefined {
  const lines = header.slice(0, -4).split('\r\n');
  const lengths = lines.filter((line) => /^content-length:/i.test(line));
  if (lengths.length !== 1) return lengths.length === 0 ? 'a message without Content-Length' : 'a message with several Content-Length headers';
  const match = CONTENT_LENGTH.exec(lengths[0]);
  if (!match) return `a Content-Length that is not a number: ${JSON.stringify(lengths[0].slice(0, 60))}`;
  const length = Number(match[1]);
  if (length > MAX_MESSAGE_BYTES) return `a Content-Length of ${match[1].slice(0, 20)} bytes, above the limit of ${MAX_MESSAGE_BYTES}`;
  return undefined;
}

/** Ends the process (after one line on stderr) when the client's framing on `input` breaks. */
export function exitOnBrokenFraming(input: NodeJS.ReadableStream, exit: (code: number) => void = (code) => process.exit(code)): void {
  const check = createFramingCheck();
  const listener = (chunk: Buffer | string): void => {
    const reason = check(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
    if (reason === undefined) return;
    process.stderr.write(`alpinist: the client sent ${reason}; the connection cannot go on, exiting.\n`);
    input.removeListener('data', listener);
    exit(1);
  };
  input.on('data', listener);
}
