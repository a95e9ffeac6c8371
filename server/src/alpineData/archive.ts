/** Gunzips an `APKINDEX.tar.gz` as a stream into the knowledge layer's tar reader, with a cap on the unpacked size. */
import { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { ApkIndexArchiveReader, ApkIndexFormatError, type ApkIndex } from '../knowledge/apkIndex';

/** Note: main + community of one release unpack to about 20 MiB in 2026; far more is not an index. */
export const MAX_UNPACKED_BYTES = 256 * 1024 * 1024;

/** Parses the bytes of an `APKINDEX.tar.gz`; rejects with {@link ApkIndexFormatError} for anything else. */
export function parseApkIndexArchive(bytes: Uint8Array, repository: string, maxUnpacked = MAX_UNPACKED_BYTES): Promise<ApkIndex> {
  return new Promise((resolve, reject) => {
    const reader = new ApkIndexArchiveReader(repository);
    const gunzip = createGunzip();
    let unpacked = 0;
    let failed = false;
    const fail = (error: unknown): void => {
      if (failed) return;
      failed = true;
      gunzip.destroy();
      reject(error instanceof ApkIndexFormatError ? error : new ApkIndexFormatError(`not a gzip'd index (${error instanceof Error ? error.message : String(error)})`));
    };
    gunzip.on('data', (chunk: Buffer) => {
      if (failed) return;
      unpacked += chunk.length;
      if (unpacked > maxUnpacked) return fail(new ApkIndexFormatError(`the index unpacks to more than ${maxUnpacked} bytes`));
      try {
        reader.push(chunk);
      } catch (error) {
        fail(error);
      }
    });
    gunzip.on('error', fail);
    gunzip.on('end', () => {
      if (failed) return;
      try {
        resolve(reader.finish());
      } catch (error) {
        fail(error);
      }
    });
    Readable.from([Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)]).pipe(gunzip);
  });
}
