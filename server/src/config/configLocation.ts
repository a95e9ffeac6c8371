/**
 * Where config files are and what goes wrong reading them, without the YAML parser: shared by the CLI and the
 * language server, which loads the parser only when a config file exists.
 */
import { existsSync } from 'node:fs';
import os from 'node:os';
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

/** What the user-level lookup reads from the process; a parameter so tests can give their own. */
export interface UserEnvironment {
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly home: string;
  readonly platform: NodeJS.Platform;
}

const processEnvironment = (): UserEnvironment => ({ env: process.env, home: os.homedir(), platform: process.platform });

/**
 * The user's own config files, in the order they are looked for: Alpinist's `alpinist.yaml` in the user config
 * directory, then hadolint's global locations in hadolint's order (its README, "Configure"): `hadolint.yaml` in the
 * user config directory, `~/.config/hadolint.yaml`, `~/.hadolint/hadolint.yaml`, `~/hadolint/config.yaml`,
 * `~/.hadolint.yaml`, each also as `.yml`. The user config directory is `$XDG_CONFIG_HOME` (when absolute, as the
 * XDG Base Directory specification requires; `~/.config` otherwise) and `%LOCALAPPDATA%` on Windows.
 */
export function userConfigCandidates({ env, home, platform }: UserEnvironment = processEnvironment()): string[] {
  const pathOf = platform === 'win32' ? path.win32 : path.posix;
  const given = platform === 'win32' ? env.LOCALAPPDATA : env.XDG_CONFIG_HOME;
  const configDirectory = given && pathOf.isAbsolute(given) ? given : platform !== 'win32' && home ? pathOf.join(home, '.config') : undefined;
  const stems: string[] = [];
  if (configDirectory) stems.push(pathOf.join(configDirectory, 'alpinist'), pathOf.join(configDirectory, 'hadolint'));
  if (home) {
    stems.push(pathOf.join(home, '.config', 'hadolint'), pathOf.join(home, '.hadolint', 'hadolint'), pathOf.join(home, 'hadolint', 'config'), pathOf.join(home, '.hadolint'));
  }
  return [...new Set(stems)].flatMap((stem) => [`${stem}.yaml`, `${stem}.yml`]);
}

/** The user's own config file (see `userConfigCandidates`), read where no project directory provides one. */
export function findUserConfigFile(environment?: UserEnvironment): string | undefined {
  return userConfigCandidates(environment).find((candidate) => existsSync(candidate));
}
