/**
 * The `.dockerignore` of each open file document's build context (its directory, as the CLI takes it), read once and
 * kept until a watched file changes. Untitled and virtual documents have none.
 */
import { fileURLToPath } from 'node:url';
import { readDockerignore } from '../config/dockerignoreFile';

export interface DockerignoreCache {
  of(uri: string): string | undefined;
  clear(): void;
}

export function createDockerignoreCache(): DockerignoreCache {
  const byPath = new Map<string, string | undefined>();
  return {
    of(uri) {
      if (!uri.startsWith('file:')) return undefined;
      let file: string;
      try {
        file = fileURLToPath(uri);
      } catch {
        return undefined;
      }
      if (!byPath.has(file)) byPath.set(file, readDockerignore(file));
      return byPath.get(file);
    },
    clear() {
      byPath.clear();
    },
  };
}
