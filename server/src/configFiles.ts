/**
 * The config file of a workspace for the language server: the same `.alpinist.yaml` / `.hadolint.yaml` the CLI reads
 * (same names, same order, same parser), looked for at the root of the document's workspace folder, or beside the
 * document when it is in no folder. So `ignored: [DL3018]` in a repository's `.hadolint.yaml` silences the editor as
 * it silences CI. Only `file:` documents have one: other schemes (virtual workspaces) are not on disk.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CONFIG_FILE_NAMES, ConfigError, parseConfig } from './cli/config';
import { describeIoError } from './cli/ioError';
import { findRule } from './rules';
import type { SeveritySetting } from './rules/rule';

export interface ConfigFile {
  readonly file: string;
  /** Severities by rule id, as the CLI reads them (`override`, then `ignored`, then `rules`). */
  readonly rules: Readonly<Record<string, SeveritySetting>>;
  /** Entries ignored, one message each. */
  readonly warnings: readonly string[];
}

/** Glob of the files `findConfigFile` reads, for the client to watch. */
export const CONFIG_FILE_GLOB = '**/{.alpinist,.hadolint}.{yaml,yml}';

/** The directory whose config file applies to `documentUri`, or undefined when the document is not on disk. */
export function configDirectoryOf(documentUri: string, folderUri: string): string | undefined {
  try {
    return folderUri ? fileURLToPath(folderUri) : path.dirname(fileURLToPath(documentUri));
  } catch {
    // Not a file: URI (untitled:, vscode-vfs:, …).
    return undefined;
  }
}

/**
 * Reads the first config file of `directory` (in the CLI's order), or undefined when there is none. Throws
 * `ConfigError` with a one-line reason when the file exists but cannot be read or is not valid YAML.
 */
export async function findConfigFile(directory: string): Promise<ConfigFile | undefined> {
  // Why all at once: each read is a round trip to libuv's thread pool, and most directories have none of the files.
  const reads = await Promise.all(CONFIG_FILE_NAMES.map((name) => readIfPresent(path.join(directory, name))));
  const found = reads.find((read) => read !== undefined);
  if (!found) return undefined;
  if ('error' in found) throw new ConfigError(describeIoError(found.error, found.file));
  const { rules, warnings } = parseConfig(found.text, found.file);
  return { file: found.file, rules, warnings };
}

/** The text of `file`, what kept it from being read, or undefined when it does not exist. */
async function readIfPresent(file: string): Promise<{ file: string; text: string } | { file: string; error: unknown } | undefined> {
  try {
    return { file, text: await readFile(file, 'utf8') };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return code === 'ENOENT' || code === 'ENOTDIR' ? undefined : { file, error };
  }
}

/**
 * The severities to lint with: the config file's, except where the editor's settings say otherwise. Why "otherwise"
 * means "differs from the rule's default": editors send every rule's default along with the user's own values, so a
 * default in the settings cannot be told from no setting at all.
 */
export function mergeRuleSeverities(
  fromFile: Readonly<Record<string, SeveritySetting>>,
  fromSettings: Readonly<Record<string, SeveritySetting>>,
): Record<string, SeveritySetting> {
  const merged: Record<string, SeveritySetting> = { ...fromSettings };
  for (const [id, severity] of Object.entries(fromFile)) {
    const setting = fromSettings[id];
    if (setting === undefined || setting === findRule(id)?.defaultSeverity) merged[id] = severity;
  }
  return merged;
}
