/**
 * What the client tells the server about Alpine data (`initializationOptions.alpineData` and the
 * `alpinist/alpineDataOptions` notification), from the settings as VS Code resolves them. No `vscode` import, so
 * unit tests call it with plain values.
 */
import type { AlpineDataClientOptions } from '../../server/src/protocol';

/** Reads one setting (`alpinist.alpineData.fetch`, `http.proxy`, …) as VS Code resolves it. */
export type ReadSetting = (section: string, key: string) => unknown;

const nonEmpty = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined);

/**
 * The options for the server: fetching only when the workspace is trusted and the setting is on (the server checks
 * both again), the mirror and releases URL of the user's settings (application scope: a workspace cannot set them),
 * the cache in the extension's global storage, and the editor's proxy.
 */
export function alpineDataOptions(read: ReadSetting, workspaceTrusted: boolean, storagePath: string): AlpineDataClientOptions {
  return {
    workspaceTrusted,
    fetch: read('alpinist', 'alpineData.fetch') !== false,
    mirror: nonEmpty(read('alpinist', 'alpineData.mirror')),
    releasesUrl: nonEmpty(read('alpinist', 'alpineData.releasesUrl')),
    storagePath,
    proxy: nonEmpty(read('http', 'proxy')),
  };
}

/** Whether a configuration change concerns Alpine data. */
export function affectsAlpineData(affects: (section: string) => boolean): boolean {
  return affects('alpinist.alpineData') || affects('http.proxy');
}
