/** What the client tells the server about Alpine data (client/src/alpineDataOptions.ts). */
import assert from 'node:assert/strict';
import { affectsAlpineData, alpineDataOptions, type ReadSetting } from '../../../client/src/alpineDataOptions';

const settings = (values: Record<string, unknown>): ReadSetting => (section, key) => values[`${section}.${key}`];

describe('client: Alpine data options', () => {
  it('passes trust, the fetch setting (default on), the user mirror and URL, the storage and the proxy', () => {
    assert.deepEqual(alpineDataOptions(settings({}), true, '/storage'), {
      workspaceTrusted: true, fetch: true, mirror: undefined, releasesUrl: undefined, storagePath: '/storage', proxy: undefined,
    });
    assert.deepEqual(alpineDataOptions(settings({
      'alpinist.alpineData.fetch': false,
      'alpinist.alpineData.mirror': ' https://mirror.example/alpine ',
      'alpinist.alpineData.releasesUrl': 'https://mirror.example/releases.json',
      'http.proxy': 'http://proxy:3128',
    }), false, '/storage'), {
      workspaceTrusted: false, fetch: false, mirror: 'https://mirror.example/alpine', releasesUrl: 'https://mirror.example/releases.json', storagePath: '/storage', proxy: 'http://proxy:3128',
    });
    // Empty or malformed values mean the default.
    const empty = alpineDataOptions(settings({ 'alpinist.alpineData.fetch': 'no', 'alpinist.alpineData.mirror': '', 'http.proxy': 3 }), true, '/s');
    assert.equal(empty.fetch, true);
    assert.equal(empty.mirror, undefined);
    assert.equal(empty.proxy, undefined);
  });

  it('a change of the Alpine data settings or the proxy is sent to the server; others are not', () => {
    assert.equal(affectsAlpineData((section) => section === 'alpinist.alpineData'), true);
    assert.equal(affectsAlpineData((section) => section === 'http.proxy'), true);
    assert.equal(affectsAlpineData((section) => section === 'alpinist.rules'), false);
  });
});
