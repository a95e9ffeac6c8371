/**
 * The editor's settings per workspace folder: which folder a document is in, and the `alpinist` settings asked once
 * per folder (or pushed by a client that cannot be asked), validated at the boundary.
 */
import type { Connection } from 'vscode-languageserver';
import { SETTINGS_SECTION, type AlpinistSettings } from '../protocol';
import { DEFAULT_SETTINGS, validateSettings } from '../config/settings';

export interface WorkspaceSettings {
  /** The innermost workspace folder holding `uri`, or `''`. */
  folderOf(uri: string): string;
  settingsFor(uri: string): Promise<AlpinistSettings>;
  /** Replaces the workspace folders (on `initialize` and on folder changes). */
  setFolders(folders: readonly string[]): void;
  readonly folders: readonly string[];
  /** Settings a client pushed (initialization options, `didChangeConfiguration`). */
  setPushed(settings: unknown): void;
  /**
   * Settings by workspace folder URI (`''`: outside the folders) that the client sent with `initialize`, as it would
   * answer `workspace/configuration`: used until the next `clear()`, so the first documents need no round trip.
   */
  seed(byFolderUri: unknown): void;
  /** Forgets what was asked, so the next request asks again. */
  clear(): void;
}

export function createWorkspaceSettings(connection: Connection, canAsk: () => boolean, warnOnce: (message: string) => void): WorkspaceSettings {
  /** Settings by the workspace folder a document is in (`''`: none). */
  const byFolder = new Map<string, Promise<AlpinistSettings>>();
  let folders: string[] = [];
  let pushed: unknown;

  function folderOf(uri: string): string {
    let found = '';
    for (const folder of folders) {
      const prefix = folder.endsWith('/') ? folder : `${folder}/`;
      if (uri.startsWith(prefix) && folder.length > found.length) found = folder;
    }
    return found;
  }

  /**
   * Why per folder and not per document: LSP settings requests carry a scope URI but no language, so VS Code
   * answers with the folder's (or, outside folders, the workspace's) values; one request per folder saves a round
   * trip to the client for every document opened.
   */
  function settingsFor(uri: string): Promise<AlpinistSettings> {
    const folder = folderOf(uri);
    let settings = byFolder.get(folder);
    if (!settings) {
      settings = (async () => {
        if (!canAsk()) return validateSettings(pushed, warnOnce);
        try {
          const raw: unknown = await connection.workspace.getConfiguration({ scopeUri: folder || uri, section: SETTINGS_SECTION });
          return validateSettings(raw, warnOnce);
        } catch (error) {
          warnOnce(`Could not read settings: ${String(error)}`);
          return DEFAULT_SETTINGS;
        }
      })();
      byFolder.set(folder, settings);
    }
    return settings;
  }

  return {
    folderOf,
    settingsFor,
    setFolders: (given) => void (folders = [...given]),
    get folders() {
      return folders;
    },
    setPushed: (settings) => void (pushed = settings),
    seed(given) {
      if (typeof given !== 'object' || given === null || Array.isArray(given)) return;
      for (const [folder, raw] of Object.entries(given as Record<string, unknown>)) {
        if (folder === '' || folders.includes(folder)) byFolder.set(folder, Promise.resolve(validateSettings(raw, warnOnce)));
      }
    },
    clear: () => byFolder.clear(),
  };
}

/** Whether two JSON values are equal, whatever the order of their keys. */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null || Array.isArray(a) !== Array.isArray(b)) return false;
  const aKeys = Object.keys(a);
  const bKeys = Object.keys(b);
  if (aKeys.length !== bKeys.length) return false;
  return aKeys.every((key) => Object.prototype.hasOwnProperty.call(b, key) && sameJson((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]));
}
