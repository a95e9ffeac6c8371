/** Locates the shared evaluation corpus beside the checkout; tests that need it skip when it is absent. */
import { existsSync } from 'node:fs';
import path from 'node:path';

export const CORPUS_DIR = process.env.ALPINIST_CORPUS ?? path.resolve(__dirname, '..', '..', '..', 'shared', 'corpus');

export function corpusPath(...parts: string[]): string | undefined {
  const candidate = path.join(CORPUS_DIR, ...parts);
  return existsSync(candidate) ? candidate : undefined;
}
