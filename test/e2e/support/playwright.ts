/**
 * playwright-core, loaded at run time from `.e2e/` (installed by test/e2e/setup.sh, not a dependency of the project),
 * typed with the small part of its API that the end-to-end tests use.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { E2E_DIR } from './paths';

export interface Box {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export interface ScreenshotOptions {
  readonly path?: string;
  readonly clip?: Box;
  readonly animations?: 'disabled' | 'allow';
  readonly caret?: 'hide' | 'initial';
}

export interface Locator {
  first(): Locator;
  nth(index: number): Locator;
  locator(selector: string): Locator;
  filter(options: { hasText?: string | RegExp; has?: Locator }): Locator;
  click(options?: { timeout?: number; button?: 'left' | 'right' }): Promise<void>;
  hover(options?: { timeout?: number }): Promise<void>;
  waitFor(options?: { state?: 'attached' | 'detached' | 'visible' | 'hidden'; timeout?: number }): Promise<void>;
  count(): Promise<number>;
  innerText(options?: { timeout?: number }): Promise<string>;
  allInnerTexts(): Promise<string[]>;
  getAttribute(name: string): Promise<string | null>;
  inputValue(): Promise<string>;
  fill(value: string): Promise<void>;
  boundingBox(): Promise<Box | null>;
  isVisible(): Promise<boolean>;
  screenshot(options?: ScreenshotOptions): Promise<Buffer>;
}

export interface ConsoleMessage {
  type(): string;
  text(): string;
}

export interface Page {
  goto(url: string, options?: { timeout?: number; waitUntil?: 'load' | 'domcontentloaded' }): Promise<unknown>;
  locator(selector: string, options?: { hasText?: string | RegExp; has?: Locator }): Locator;
  evaluate<R, A>(fn: (argument: A) => R | Promise<R>, argument: A): Promise<R>;
  waitForFunction<A>(fn: (argument: A) => unknown, argument: A, options?: { timeout?: number; polling?: number | 'raf' }): Promise<unknown>;
  screenshot(options?: ScreenshotOptions): Promise<Buffer>;
  on(event: 'console', listener: (message: ConsoleMessage) => void): void;
  on(event: 'pageerror', listener: (error: Error) => void): void;
  close(): Promise<void>;
  readonly keyboard: {
    press(key: string): Promise<void>;
    type(text: string): Promise<void>;
    insertText(text: string): Promise<void>;
  };
  readonly mouse: {
    move(x: number, y: number, options?: { steps?: number }): Promise<void>;
    click(x: number, y: number): Promise<void>;
  };
  viewportSize(): { width: number; height: number } | null;
}

export interface BrowserContext {
  newPage(): Promise<Page>;
  close(): Promise<void>;
}

export interface Browser {
  newContext(options?: { viewport?: { width: number; height: number }; deviceScaleFactor?: number }): Promise<BrowserContext>;
  close(): Promise<void>;
}

/** A browser process that Playwright started; `process()` gives its pid, `connect` the Browser to drive it. */
export interface BrowserServer {
  process(): { pid?: number };
  wsEndpoint(): string;
  close(): Promise<void>;
  kill(): Promise<void>;
}

export interface LaunchOptions {
  executablePath: string;
  args: string[];
  headless?: boolean;
  timeout?: number;
  handleSIGINT?: boolean;
  handleSIGTERM?: boolean;
  handleSIGHUP?: boolean;
  env?: NodeJS.ProcessEnv;
}

export interface Chromium {
  launchServer(options: LaunchOptions): Promise<BrowserServer>;
  connect(wsEndpoint: string, options?: { timeout?: number }): Promise<Browser>;
}

/** The `chromium` launcher of the playwright-core copy in `.e2e/`; throws with the fix when it is missing. */
export function loadChromium(): Chromium {
  const packageJson = path.join(E2E_DIR, 'node_modules', 'playwright-core', 'package.json');
  if (!existsSync(packageJson)) {
    throw new Error(`playwright-core is not installed in ${E2E_DIR}: run \`bash test/e2e/setup.sh\` first.`);
  }
  const require = createRequire(packageJson);
  return (require('playwright-core') as { chromium: Chromium }).chromium;
}
