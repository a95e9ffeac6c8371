/**
 * What the config file readers share without the YAML parser: the file names and the error. Why apart from
 * config.ts: the language server loads the parser only when a workspace has a config file.
 */

/** Looked for in one directory, in this order; the first one found is the only one read. */
export const CONFIG_FILE_NAMES = ['.alpinist.yaml', '.alpinist.yml', '.hadolint.yaml', '.hadolint.yml'] as const;

export class ConfigError extends Error {}
