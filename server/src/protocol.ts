/** Shared names between client and server: settings shape, command ids. The client imports types only. */

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
