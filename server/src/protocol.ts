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

/**
 * Alpine data options (`initializationOptions.alpineData`, and the `alpinist/alpineDataOptions` notification when
 * they change: workspace trust granted, an application setting changed). A client that sends none gets no fetching.
 */
export interface AlpineDataClientOptions {
  /** VS Code's `workspace.isTrusted`; anything but `true` means untrusted: nothing is fetched. */
  readonly workspaceTrusted?: boolean;
  /** `alpinist.alpineData.fetch` (default true; fetching needs a trusted workspace as well). */
  readonly fetch?: boolean;
  /** `alpinist.alpineData.mirror`: a mirror URL (`https://…/alpine`) or a local directory with the mirror's layout. */
  readonly mirror?: string;
  /** `alpinist.alpineData.releasesUrl`. */
  readonly releasesUrl?: string;
  /** Where the cache lives (the extension's global storage); default: the CLI's cache directory. */
  readonly storagePath?: string;
  /** The editor's `http.proxy`; default: HTTPS_PROXY / ALL_PROXY of the server's environment. */
  readonly proxy?: string;
}

/** Client → server: new {@link AlpineDataClientOptions}. */
export const ALPINE_DATA_OPTIONS_NOTIFICATION = 'alpinist/alpineDataOptions';

/** Server → client: Alpine data is being fetched (`busy`) or not; `message` says what, for a status bar. */
export interface AlpineDataStatus {
  readonly busy: boolean;
  readonly message: string;
}

export const ALPINE_DATA_STATUS_NOTIFICATION = 'alpinist/alpineDataStatus';

/** Code action kind of Alpinist's fix-all. */
export const FIX_ALL_KIND = 'source.fixAll.alpinist';

/**
 * Node options the VS Code client starts the server with (the benchmark starts it the same way). Why 4 MiB young
 * generation semi-spaces: with Node's default of 16 MiB the server holds ~25 MiB more at the end of the benchmark;
 * with 1 MiB it spends twice as long collecting garbage (290 ms instead of 140 ms over the benchmark, 500 young
 * collections instead of 125), most of it while building the syntax trees of a large file.
 */
export const SERVER_NODE_OPTIONS: readonly string[] = ['--max-semi-space-size=4'];
