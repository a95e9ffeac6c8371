/**
 * Config files in the editor: the `.alpinist.yaml` / `.hadolint.yaml` of a document's workspace folder, else the
 * user's own, each read once (through `config/`) until a watched file changes; the watchers are registered here.
 * A file that cannot be read or parsed is reported once, in a message the user sees, and linting goes on without it
 * (not with another file); its ignored entries go to the log.
 */
import { pathToFileURL } from 'node:url';
import { DidChangeWatchedFilesNotification, type Connection, type FileSystemWatcher } from 'vscode-languageserver';
import { CONFIG_FILE_GLOB, configDirectoryOf, readUserConfig, readWorkspaceConfig, userConfigWatches, type ConfigFile } from '../config/configFiles';
import { DOCKERIGNORE_GLOB } from '../config/dockerignoreFile';

/** The key of the user's own config file among those of workspace folders (which are absolute paths). */
const USER_CONFIG_KEY = '';

export interface ConfigWatcher {
  /** The config file for a document in workspace folder `folder` (`''`: none), or undefined. */
  configFor(folder: string): Promise<ConfigFile | undefined>;
  /** Asks the client to watch the config files; `outsideWorkspace`: it can watch the user's own files too. */
  watch(outsideWorkspace: boolean): void;
  /** Forgets every file read, and the errors shown. */
  clear(): void;
}

export function createConfigWatcher(connection: Connection, log: (message: string) => void, warnOnce: (message: string) => void): ConfigWatcher {
  /** Config files by workspace folder directory, and the user's own under `USER_CONFIG_KEY`. */
  const byKey = new Map<string, Promise<ConfigFile | undefined | null>>();
  const shownErrors = new Set<string>();

  /** The file `read` finds, undefined when there is none, null when it is broken (reported). */
  function readOnce(key: string, appliesTo: string, read: () => Promise<ConfigFile | undefined>): Promise<ConfigFile | undefined | null> {
    let config = byKey.get(key);
    if (!config) {
      config = read().then(
        (found) => {
          if (found) log(`Using ${found.file} for ${appliesTo}.`);
          for (const warning of found?.warnings ?? []) warnOnce(warning);
          return found;
        },
        (error: unknown) => {
          const message = `Alpinist ignores a config file: ${error instanceof Error ? error.message : String(error)}`;
          connection.console.error(message);
          if (!shownErrors.has(message)) {
            shownErrors.add(message);
            void connection.window.showWarningMessage(message);
          }
          return null;
        },
      );
      byKey.set(key, config);
    }
    return config;
  }

  function userConfig(): Promise<ConfigFile | undefined> {
    return readOnce(USER_CONFIG_KEY, 'Dockerfiles without a config file in their workspace folder', () => readUserConfig()).then((found) => found ?? undefined);
  }

  return {
    configFor(folder) {
      const directory = configDirectoryOf(folder);
      if (directory === undefined) return userConfig();
      return readOnce(directory, `the Dockerfiles of ${directory}`, () => readWorkspaceConfig(directory)).then((found) => (found === undefined ? userConfig() : found ?? undefined));
    },
    watch(outsideWorkspace) {
      // Note: without relative patterns, a change to the user's own file applies after the next settings change or
      // restart.
      const userWatchers: FileSystemWatcher[] = outsideWorkspace
        ? userConfigWatches().map(({ directory, pattern }) => ({ globPattern: { baseUri: pathToFileURL(directory).href, pattern } }))
        : [];
      void connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: CONFIG_FILE_GLOB }, { globPattern: DOCKERIGNORE_GLOB }, ...userWatchers] }).catch(() => undefined);
    },
    clear() {
      byKey.clear();
      shownErrors.clear();
    },
  };
}
