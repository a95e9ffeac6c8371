import assert from 'node:assert/strict';
import { PassThrough, Writable } from 'node:stream';
import { StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import { joinHeaderWrites } from '../../server/src/lsp/stdioWrites';

/** A stream that records each write it receives, as bytes. */
function recorder(): { stream: Writable; writes: Buffer[] } {
  const writes: Buffer[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      writes.push(Buffer.from(chunk));
      callback();
    },
  });
  return { stream, writes };
}

describe('one write per LSP message on stdout', () => {
  it("sends the library's header and body as one write, in order, for every message", async () => {
    const { stream, writes } = recorder();
    joinHeaderWrites(stream);
    const writer = new StreamMessageWriter(stream);
    const messages = [
      { jsonrpc: '2.0', method: 'textDocument/publishDiagnostics', params: { uri: 'file:///a', diagnostics: [{ message: 'é ✓' }] } },
      { jsonrpc: '2.0', id: 1, result: null },
    ];
    for (const message of messages) await writer.write(message as never);
    assert.equal(writes.length, messages.length);
    // What an editor reads back is exactly the messages.
    const pipe = new PassThrough();
    const received: unknown[] = [];
    new StreamMessageReader(pipe).listen((message) => received.push(message));
    for (const write of writes) pipe.write(write);
    await new Promise((resolve) => setImmediate(resolve));
    assert.deepEqual(received, messages);
  });

  it('passes other writes through and never drops a header whose body did not follow', async () => {
    const { stream, writes } = recorder();
    joinHeaderWrites(stream);
    let called = 0;
    stream.write('plain text\n', 'utf8', () => called++);
    stream.write('Content-Length: 2\r\n\r\n', 'ascii', () => called++);
    stream.write('Content-Length: 3\r\n\r\n', 'ascii', () => called++);
    stream.write(Buffer.from('{ }'), () => called++);
    assert.deepEqual(
      writes.map((write) => write.toString()),
      ['plain text\n', 'Content-Length: 2\r\n\r\n', 'Content-Length: 3\r\n\r\n{ }'],
    );
    await new Promise((resolve) => setImmediate(resolve));
    assert.equal(called, 4);
  });
});
