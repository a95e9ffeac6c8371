/**
 * Reading a Dockerfile for the CLI, and writing its fixes back, without ever losing a byte: only regular files up to
 * a size limit are read; UTF-16 is refused with a clear reason; a file that is not valid UTF-8 is linted but never
 * rewritten; a UTF-8 byte order mark is kept out of the analysis (so line 1 columns are the editor's) and written
 * back; the write is atomic and is skipped when the file changed since it was read.
 */
import { chmodSync, closeSync, fstatSync, openSync, readFileSync, readSync, realpathSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** The largest Dockerfile the CLI reads (also in SECURITY.md): far above any real one, far below what exhausts memory. */
export const MAX_DOCKERFILE_BYTES = 8 * 1024 * 1024;

const UTF8_BOM = '\uFEFF';

export interface ReadDockerfile {
  /** The text the analysis reads: decoded, without a byte order mark. */
  readonly text: string;
  /** The bytes as read, for the check before writing. */
  readonly bytes: Buffer;
  /** False when the bytes are not valid UTF-8 (the text then holds replacement characters): never rewritten. */
  readonly isValidUtf8: boolean;
  readonly hasBom: boolean;
  /** The file's permission bits, kept when a fix is written. */
  readonly mode: number;
}

/** Thrown with a one-line reason when a file is not something the CLI reads. */
export class UnreadableFileError extends Error {}

const fatalDecoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** Reads at most `limit + 1` bytes of an open file. */
function readBounded(descriptor: number, limit: number): Buffer {
  const chunks: Buffer[] = [];
  let total = 0;
  for (;;) {
    const chunk = Buffer.allocUnsafe(Math.min(1 << 20, limit + 1 - total));
    const count = readSync(descriptor, chunk, 0, chunk.length, null);
    if (count === 0) break;
    chunks.push(chunk.subarray(0, count));
    total += count;
    if (total > limit) break;
  }
  return Buffer.concat(chunks, total);
}

/** Reads a Dockerfile given on the command line or found in a directory; throws `UnreadableFileError` or an I/O error. */
export function readDockerfile(file: string, display: string, limit = MAX_DOCKERFILE_BYTES): ReadDockerfile {
  const descriptor = openSync(file, 'r');
  let bytes: Buffer;
  let mode: number;
  try {
    const stat = fstatSync(descriptor);
    // Why before reading: a device such as /dev/zero never ends, and a FIFO blocks.
    if (!stat.isFile()) throw new UnreadableFileError(`${display}: not a regular file`);
    if (stat.size > limit) throw new UnreadableFileError(`${display}: ${stat.size} bytes, more than the ${limit} bytes Alpinist reads`);
    mode = stat.mode;
    bytes = readBounded(descriptor, limit);
    if (bytes.length > limit) throw new UnreadableFileError(`${display}: more than the ${limit} bytes Alpinist reads`);
  } finally {
    closeSync(descriptor);
  }
  return { ...decodeDockerfile(bytes, display), bytes, mode };
}

/** Decodes a Dockerfile's bytes; throws `UnreadableFileError` for UTF-16. */
export function decodeDockerfile(bytes: Buffer, display: string): Omit<ReadDockerfile, 'bytes' | 'mode'> {
  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) {
    throw new UnreadableFileError(`${display}: is UTF-16; Alpinist reads UTF-8 Dockerfiles (as Docker does)`);
  }
  let text: string;
  let isValidUtf8 = true;
  try {
    text = fatalDecoder.decode(bytes);
  } catch {
    text = bytes.toString('utf8');
    isValidUtf8 = false;
  }
  const hasBom = text.startsWith(UTF8_BOM);
  return { text: hasBom ? text.slice(UTF8_BOM.length) : text, isValidUtf8, hasBom };
}

/** Why a fixed text was not written, or undefined when it was. */
export type WriteOutcome = undefined | string;

/**
 * Writes `fixed` over the file `read` came from, atomically: a temporary file beside the target, with the original
 * permissions, renamed over it. Nothing is written when the file is not valid UTF-8, when it changed since it was
 * read, or when its real path is outside `within` (a directory walk never writes through a link out of the directory).
 */
export function writeFixed(file: string, display: string, read: ReadDockerfile, fixed: string, within?: string): WriteOutcome {
  if (!read.isValidUtf8) return `${display}: not valid UTF-8, so not fixed (the fixes would change bytes they did not mean to)`;
  const target = realpathSync(file);
  if (within !== undefined) {
    const root = realpathSync(within);
    if (target !== root && !target.startsWith(root + path.sep)) return `${display}: a link to a file outside ${within}, so not fixed`;
  }
  const current = readFileSync(target);
  if (!current.equals(read.bytes)) return `${display}: changed while it was being fixed, so not written`;
  const temporary = path.join(path.dirname(target), `.${path.basename(target)}.alpinist-${process.pid}-${Date.now()}.tmp`);
  try {
    writeFileSync(temporary, (read.hasBom ? UTF8_BOM : '') + fixed, { flag: 'wx', mode: read.mode & 0o7777 });
    chmodSync(temporary, read.mode & 0o7777);
    // Note: the last check and the rename are as close together as they can be; a write in between is lost only
    // if it lands in that instant.
    if (!readFileSync(target).equals(read.bytes)) {
      unlinkSync(temporary);
      return `${display}: changed while it was being fixed, so not written`;
    }
    renameSync(temporary, target);
  } catch (error) {
    try {
      unlinkSync(temporary);
    } catch {
      // Already gone.
    }
    throw error;
  }
  return undefined;
}

/** The real path of a file, or the path itself when it cannot be resolved. */
export function realPathOf(file: string): string {
  try {
    return realpathSync(file);
  } catch {
    return path.resolve(file);
  }
}

