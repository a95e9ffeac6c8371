/**
 * What the client answers to the server's `workspace/configuration` requests for `alpinist`: the settings as VS Code
 * resolves them, except `rules`, which holds only the severities the user set (user, workspace and folder settings).
 * Why: VS Code fills an object setting with its manifest default, which lists every rule's default severity, so the
 * server could not tell a rule the user set to its default (which must win over a config file) from a rule nobody
 * set (where the config file's severity applies). Here the difference is known; the server takes what it gets.
 */
import type { ConfigurationMiddleware, ConfigurationParams } from 'vscode-languageclient/node';
import { SETTINGS_SECTION } from '../../server/src/protocol';

/** The parts of VS Code's `WorkspaceConfiguration.inspect('rules')` that the user wrote. */
export interface InspectedRules {
  readonly globalValue?: unknown;
  readonly workspaceValue?: unknown;
  readonly workspaceFolderValue?: unknown;
}

/** Reads `inspect('rules')` of the `alpinist` section for a scope (a document or folder URI), or without one. */
export type InspectRules = (scopeUri: string | undefined) => InspectedRules | undefined;

/**
 * The rules the user set, merged as VS Code merges object settings: folder over workspace over user. Values are
 * passed on as written; the server validates them.
 */
export function explicitRules(inspected: InspectedRules | undefined): Record<string, unknown> {
  const merged: Record<string, unknown> = {};
  for (const value of [inspected?.globalValue, inspected?.workspaceValue, inspected?.workspaceFolderValue]) {
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) Object.assign(merged, value);
  }
  return merged;
}

/** The answer to one configuration request, with `rules` of every `alpinist` item replaced by the explicit ones. */
export function withExplicitRules(params: ConfigurationParams, answers: readonly unknown[], inspect: InspectRules): unknown[] {
  return answers.map((answer, index) => {
    const item = params.items[index];
    if (item?.section !== SETTINGS_SECTION || typeof answer !== 'object' || answer === null || Array.isArray(answer)) return answer;
    return { ...answer, rules: explicitRules(inspect(item.scopeUri ?? undefined)) };
  });
}

/** Middleware for `workspace/configuration` that applies `withExplicitRules` to what VS Code answers. */
export function explicitSettingsMiddleware(inspect: InspectRules): ConfigurationMiddleware {
  return {
    configuration: async (params, token, next) => {
      const answers = await next(params, token);
      return Array.isArray(answers) ? withExplicitRules(params, answers, inspect) : answers;
    },
  };
}

/** Reads the `alpinist` section as VS Code resolves it for a scope (a folder URI), or without one. */
export type ReadSettings = (scopeUri: string | undefined) => unknown;

/**
 * What the server would be answered for each workspace folder (and `''`, outside the folders), sent with `initialize`
 * so the first documents are linted without a settings round trip to an extension host that is busy starting up.
 */
export function initialSettingsByFolder(folderUris: readonly string[], read: ReadSettings, inspect: InspectRules): Record<string, unknown> {
  const byFolder: Record<string, unknown> = {};
  for (const folder of ['', ...folderUris]) {
    const scope = folder === '' ? undefined : folder;
    const answer: unknown = JSON.parse(JSON.stringify(read(scope) ?? null));
    const params: ConfigurationParams = { items: [{ section: SETTINGS_SECTION, ...(scope === undefined ? {} : { scopeUri: scope }) }] };
    byFolder[folder] = withExplicitRules(params, [answer], inspect)[0];
  }
  return byFolder;
}
