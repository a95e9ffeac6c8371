/**
 * Where config files are and what goes wrong reading them, without the YAML parser: shared by the CLI and the
 * language server, which loads the parser only when a workspace has a config file.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';

/** Looked for in one directory, in this order; the first one found is the only one read. */
export const CONFIG_FILE_NAMES = ['.alpinist.yaml', '.alpinist.yml', '.hadolint.yaml', '.hadolint.yml'] as const;

export class ConfigError extends Error {}

/** The config file `directory` provides, if any. */
export function findConfigFile(directory: string): string | undefined {
  for (const name of CONFIG_FILE_NAMES) {
    const candidate = path.join(directory, name);
    if (existsSync(candidate)) return candidate;
  }
  return undefined;
}
