/**
 * Where config files are and what goes wrong reading them, without the YAML parser: shared by the CLI and the
 * language server, which loads the parser only when a config file exists.
 */
import { closeSync, existsSync, fstatSync, openSync, readSync } from 'node:fs';
import { open } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describeIoError } from './ioError';

/** Looked for in one directory, in this order; the first one found is the only one read. */
export const CONFIG_FILE_NAMES = ['.alpinist.yaml', '.alpinist.yml', '.hadolint.yaml', '.hadolint.yml'] as const;

export class ConfigError extends Error {}

/**
 * The largest config file read: real ones are a few hundred bytes. Why a limit: a committed config file is input
 * from whoever wrote the repository, and one that is huge (or a link to `/dev/zero`) must not stall the editor or CI.
 */
export const MAX_CONFIG_BYTES = 1024 * 1024;

/** Why a file is refused before reading it, or undefined when it may be read. */
function refusal(file: string, stats: { isFile(): boolean; isDirectory(): boolean; size: number }): string | undefined {
  if (stats.isDirectory()) return `${file}: is a directory`;
  if (!stats.isFile()) return `${file}: not a regular file; config files must be regular files`;
  if (stats.size > MAX_CONFIG_BYTES) return `${file}: ${stats.size} bytes; config files are limited to ${MAX_CONFIG_BYTES} bytes (1 MiB)`;
  return undefined;
}

/**
 * Reads a config file as UTF-8, refusing anything but a regular file of at most `MAX_CONFIG_BYTES`. Throws
 * `ConfigError` with a one-line reason. Why the checks on the open descriptor: the file cannot be swapped for a
 * device between the check and the read, and at most one byte past the limit is ever read.
 */
export function readConfigText(file: string): string {
  let descriptor: number;
  try {
    descriptor = openSync(file, 'r');
  } catch (error) {
    throw new ConfigError(describeIoError(error, file));
  }
  try {
    const reason = refusal(file, fstatSync(descriptor));
    if (reason) throw new ConfigError(reason);
    const buffer = Buffer.alloc(MAX_CONFIG_BYTES + 1);
    let length = 0;
    for (let read = -1; read !== 0 && length < buffer.length; length += read) read = readSync(descriptor, buffer, length, buffer.length - length, null);
    if (length > MAX_CONFIG_BYTES) throw new ConfigError(`${file}: grew past ${MAX_CONFIG_BYTES} bytes while being read; config files are limited to 1 MiB`);
    return buffer.toString('utf8', 0, length);
  } catch (error) {
    if (error instanceof ConfigError) throw error;
    throw new ConfigError(describeIoError(error, file));
  } finally {
    closeSync(descriptor);
  }
}

/** `readConfigText` without blocking the event loop, for the language server. */
export async function readConfigTextAsync(file: string): Promise<string> {
  let handle: Awaited<ReturnType<typeof open>>;
  try {
    handle = await open(file, 'r');
  } catch (error) {
    throw new ConfigError(describeIoError(error, file));
  }
  try {
    const reason = refusal(file, await handle.stat());
    if (reason) throw new ConfigError(reason);
    const buffer = Buffer.alloc(MAX_CONFIG_BYTES + 1);
    let length = 0;
    for (let read = -1; read !== 0 && length < buffer.length; length += read) read = (await handle.read(buffer, length, buffer.length - length, null)).bytesRead;
    if (length > MAX_CONFIG_BYTES) throw new ConfigError(`${file}: grew past ${MAX_CONFIG_BYTES} bytes while being read; config files are limited to 1 MiB`);
    return buffer.toString('utf8', 0, length);
  } catch (error) {
    if (error instanceof ConfigError) throw error;
    throw new ConfigError(describeIoError(error, file));
  } finally {
    await handle.close();
  }
}

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
