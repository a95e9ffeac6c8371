/**
 * The config file of a workspace for the language server: the same `.alpinist.yaml` / `.hadolint.yaml` the CLI reads
 * (same names, same order, same parser), looked for at the root of the document's workspace folder, where CI runs
 * the CLI. So `ignored: [DL3018]` in a repository's `.hadolint.yaml` silences the editor as it silences CI. Where no
 * workspace folder provides one (no file there, a document outside the folders, a folder not on disk), the user's
 * own file applies, as it does for the CLI run in a directory without one (`~/.config/hadolint.yaml`, …).
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type * as ConfigModuleNamespace from './config';
import { findConfigFile, findUserConfigFile, readConfigTextAsync, userConfigCandidates, type UserEnvironment } from './configLocation';
import type { RuleOptions } from '../rules/rule';
import type { RuleSeverities } from './severities';

type ConfigModule = typeof ConfigModuleNamespace;

export interface ConfigFile {
  readonly file: string;
  /** Severities by rule id, as the CLI reads them (`override`, then `ignored`, then `rules`). */
  readonly rules: RuleSeverities;
  /** hadolint's `disable-ignore-pragma`: suppression comments in Dockerfiles do nothing. */
  readonly disableIgnorePragma: boolean;
  /** `trustedRegistries`, `label-schema`, `strict-labels`, for the rules that read them. */
  readonly ruleOptions: RuleOptions;
  /** Entries ignored, one message each. */
  readonly warnings: readonly string[];
}

/** Glob of the files `readWorkspaceConfig` reads, for the client to watch. */
export const CONFIG_FILE_GLOB = '**/{.alpinist,.hadolint}.{yaml,yml}';

/** The directory whose config file applies to the documents of a workspace folder (`''`: none), if it is on disk. */
export function configDirectoryOf(folderUri: string): string | undefined {
  if (!folderUri) return undefined;
  try {
    return fileURLToPath(folderUri);
  } catch {
    // Not a file: URI (vscode-vfs:, …).
    return undefined;
  }
}

/**
 * Reads the first config file of `directory` (in the CLI's order), or undefined when there is none. Throws
 * `ConfigError` with a one-line reason when the file exists but cannot be read or is not valid YAML.
 */
export async function readWorkspaceConfig(directory: string): Promise<ConfigFile | undefined> {
  // Note: the look is synchronous (`existsSync`): most folders have none of the files, and a few `stat` calls cost
  // microseconds where an asynchronous read waits for a turn of libuv's thread pool.
  const file = findConfigFile(directory);
  return file === undefined ? undefined : readConfigFile(file);
}

/** Reads the user's own config file (see `userConfigCandidates`) like `readWorkspaceConfig`. */
export async function readUserConfig(environment?: UserEnvironment): Promise<ConfigFile | undefined> {
  const file = findUserConfigFile(environment);
  return file === undefined ? undefined : readConfigFile(file);
}

/**
 * Where the user's own files may appear, for the client to watch: each directory with the names looked for in it.
 * Why by directory: the files are outside the workspace, so they are watched with patterns relative to a base folder.
 */
export function userConfigWatches(environment?: UserEnvironment): { directory: string; pattern: string }[] {
  const namesByDirectory = new Map<string, string[]>();
  for (const candidate of userConfigCandidates(environment)) {
    const directory = path.dirname(candidate);
    namesByDirectory.set(directory, [...(namesByDirectory.get(directory) ?? []), path.basename(candidate)]);
  }
  return [...namesByDirectory].map(([directory, names]) => ({ directory, pattern: `{${names.join(',')}}` }));
}

async function readConfigFile(file: string): Promise<ConfigFile> {
  const text = await readConfigTextAsync(file);
  // Why loaded here: the YAML parser is a sixth of the server's code, and most workspaces have no config file. Why
  // `require`: esbuild bundles it as a module initialized on first use, and it also works under the tests' loader.
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- deferred on purpose, see above
  const { parseConfig } = require('./config') as ConfigModule;
  const { rules, disableIgnorePragma, ruleOptions, warnings } = parseConfig(text, file);
  return { file, rules, disableIgnorePragma, ruleOptions, warnings };
}
