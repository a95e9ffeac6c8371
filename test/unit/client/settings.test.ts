/** The client forwards only the rule severities the user set (client/src/settings.ts). */
import assert from 'node:assert/strict';
import { CancellationTokenSource } from 'vscode-jsonrpc';
import { explicitRules, explicitSettingsMiddleware, initialSettingsByFolder, withExplicitRules, type InspectRules } from '../../../client/src/settings';

/** What VS Code's `get` answers: the manifest's defaults for every rule, merged with the user's values. */
const RESOLVED = { enable: true, rules: { 'apk-prefer-no-cache': 'warning', 'apk-require-pinned-versions': 'off', 'from-require-pinned-tag': 'warning' } };

describe('client settings: explicit rules only', () => {
  it('merges user, workspace and folder values, folder last; ignores defaults and non-objects', () => {
    assert.deepEqual(explicitRules(undefined), {});
    assert.deepEqual(explicitRules({}), {});
    assert.deepEqual(
      explicitRules({ globalValue: { a: 'off', b: 'info' }, workspaceValue: { b: 'error', c: 'hint' }, workspaceFolderValue: { c: 'warning' } }),
      { a: 'off', b: 'error', c: 'warning' },
    );
    assert.deepEqual(explicitRules({ globalValue: 'all', workspaceValue: ['x'], workspaceFolderValue: null }), {});
  });

  it('replaces rules of alpinist items only, with the scope of each item', () => {
    const scopes: (string | undefined)[] = [];
    const inspect: InspectRules = (scopeUri) => {
      scopes.push(scopeUri);
      return scopeUri === 'file:///b' ? { workspaceFolderValue: { 'apk-prefer-no-cache': 'warning' } } : { globalValue: {} };
    };
    const params = { items: [{ section: 'alpinist', scopeUri: 'file:///b' }, { section: 'alpinist' }, { section: 'editor' }, { section: 'alpinist', scopeUri: 'file:///c' }] };
    const answers = withExplicitRules(params, [RESOLVED, RESOLVED, { tabSize: 4 }, null], inspect);
    assert.deepEqual(answers, [{ enable: true, rules: { 'apk-prefer-no-cache': 'warning' } }, { enable: true, rules: {} }, { tabSize: 4 }, null]);
    assert.deepEqual(scopes, ['file:///b', undefined]);
  });

  it('the middleware applies it to what VS Code answers', async () => {
    const middleware = explicitSettingsMiddleware(() => ({ workspaceValue: { 'from-require-pinned-tag': 'warning' } }));
    const token = new CancellationTokenSource().token;
    const answers = await middleware.configuration?.({ items: [{ section: 'alpinist' }] }, token, () => [RESOLVED]);
    assert.deepEqual(answers, [{ enable: true, rules: { 'from-require-pinned-tag': 'warning' } }]);
  });

  it('sends with initialize what each folder (and no folder) would be answered, as plain JSON', () => {
    const read = (scopeUri: string | undefined) => ({ ...RESOLVED, enable: scopeUri !== 'file:///off', toJSON: undefined });
    const inspect: InspectRules = (scopeUri) => (scopeUri === 'file:///a' ? { workspaceFolderValue: { 'apk-prefer-no-cache': 'error' } } : undefined);
    assert.deepEqual(initialSettingsByFolder(['file:///a', 'file:///off'], read, inspect), {
      '': { enable: true, rules: {} },
      'file:///a': { enable: true, rules: { 'apk-prefer-no-cache': 'error' } },
      'file:///off': { enable: false, rules: {} },
    });
  });
});
