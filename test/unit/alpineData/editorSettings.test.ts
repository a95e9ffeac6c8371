/** The server reads the client's Alpine data options at the boundary (server/src/lsp/alpineData.ts). */
import assert from 'node:assert/strict';
import path from 'node:path';
import { readAlpineDataSettings } from '../../../server/src/lsp/alpineData';

describe('Alpine data options in the server', () => {
  const env = { XDG_CACHE_HOME: '/xdg-cache' };

  it('fetches only when the client says the workspace is trusted and fetching is not off', () => {
    assert.equal(readAlpineDataSettings({ workspaceTrusted: true }, env).fetch, true);
    assert.equal(readAlpineDataSettings({ workspaceTrusted: true, fetch: false }, env).fetch, false);
    assert.equal(readAlpineDataSettings({ fetch: true }, env).fetch, false);
    assert.equal(readAlpineDataSettings({ workspaceTrusted: 'yes', fetch: true }, env).fetch, false);
    assert.equal(readAlpineDataSettings(undefined, env).fetch, false);
    assert.equal(readAlpineDataSettings([true], env).fetch, false);
  });

  it("caches in the client's storage when it is an absolute path, else in the CLI's cache directory", () => {
    assert.equal(readAlpineDataSettings({ storagePath: '/global/storage' }, env).cacheDir, '/global/storage');
    assert.equal(readAlpineDataSettings({ storagePath: 'relative' }, env).cacheDir, path.join('/xdg-cache', 'alpinist'));
    assert.equal(readAlpineDataSettings({}, env).cacheDir, path.join('/xdg-cache', 'alpinist'));
  });

  it("takes the editor's proxy, else the environment's", () => {
    assert.equal(readAlpineDataSettings({ proxy: 'http://editor:8080' }, { ...env, HTTPS_PROXY: 'http://env:3128' }).proxy, 'http://editor:8080');
    assert.equal(readAlpineDataSettings({ proxy: '' }, { ...env, HTTPS_PROXY: 'http://env:3128' }).proxy, 'http://env:3128');
    assert.equal(readAlpineDataSettings({ mirror: 42 }, env).mirror, undefined);
  });
});
