/** Shared names between client and server: settings shape, command ids, the server's Node options. Dependency-free. */

export interface AlpinistSettings {
  readonly enable: boolean;
  /** Rule id → severity; ids not listed use the rule's default. */
  readonly rules: Readonly<Record<string, 'off' | 'hint' | 'info' | 'warning' | 'error'>>;
}

export const SETTINGS_SECTION = 'alpinist';

export const Commands = {
  /** Server-side: opens a rule's documentation page through `window/showDocument`. */
  showDocumentation: 'alpinist.showDocumentation',
  /** Client-side. */
  restartServer: 'alpinist.restartServer',
  showOutput: 'alpinist.showOutput',
} as const;

/** Code action kind of Alpinist's fix-all. */
export const FIX_ALL_KIND = 'source.fixAll.alpinist';

/**
 * Node options the VS Code client starts the server with (the benchmark starts it the same way). Why 4 MiB young
 * generation semi-spaces: with Node's default of 16 MiB the server holds ~25 MiB more at the end of the benchmark;
 * with 1 MiB it spends twice as long collecting garbage (290 ms instead of 140 ms over the benchmark, 500 young
 * collections instead of 125), most of it while building the syntax trees of a large file.
 */
export const SERVER_NODE_OPTIONS: readonly string[] = ['--max-semi-space-size=4'];
