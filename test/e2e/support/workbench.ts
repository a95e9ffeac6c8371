/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
/**
 * Drives the VS Code workbench in the browser the way a user does: explorer clicks, the mouse over text, F1 commands,
 * keyboard shortcuts, and reads back what is rendered (squiggles, Problems rows, hover and menu text).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from './playwright';

/** A squiggle in the active editor: 1-based line, severity from its CSS class. */
export interface Squiggle {
  readonly line: number;
  readonly severity: 'error' | 'warning' | 'info' | 'hint';
}

/** One row of the Problems panel. */
export interface Problem {
  readonly file: string;
  readonly severity: string;
  readonly message: string;
  readonly source: string;
  readonly code: string;
  readonly line: number;
  readonly column: number;
}

const ACTIVE_EDITOR = '.part.editor .editor-group-container.active .editor-instance .monaco-editor';

/** Polls `condition` until it returns a value other than undefined/false, or fails after `timeoutMs`. */
export async function waitUntil<T>(condition: () => Promise<T | undefined | false> | T | undefined | false, timeoutMs: number, what: string): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await condition();
      if (value !== undefined && value !== false) return value;
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${last ? `: ${String(last)}` : ''}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

export class Workbench {
  private constructor(
    readonly page: Page,
    readonly folder: string,
  ) {}

  /** Opens the workbench on `folder` and waits until the explorer lists it. */
  static async open(page: Page, serverUrl: string, folder: string, query = ''): Promise<Workbench> {
    await page.goto(`${serverUrl}/?folder=${encodeURIComponent(folder)}${query}`, { timeout: 60_000 });
    await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
    await page.locator('.explorer-folders-view .monaco-list-row').first().waitFor({ timeout: 60_000 });
    return new Workbench(page, folder);
  }

  explorerRow(name: string): Locator {
    return this.page.locator('.explorer-folders-view .monaco-list-row').filter({ has: this.page.locator('.label-name', { hasText: exact(name) }) });
  }

  get editor(): Locator {
    return this.page.locator(ACTIVE_EDITOR).first();
  }

  /** Clicks a file in the explorer and waits until its editor shows its first line. */
  async openFile(name: string): Promise<void> {
    await this.explorerRow(name).click();
    await this.page.locator('.part.editor .tab.active').filter({ hasText: name }).first().waitFor({ timeout: 20_000 });
    const firstLine = readFileSync(path.join(this.folder, name), 'utf8').split(/\r?\n/)[0].trim();
    await this.page.waitForFunction(
      ({ selector, text }) => {
        const lines = document.querySelector(selector)?.querySelectorAll('.view-lines .view-line');
        return !!lines && [...lines].some((line) => (line.textContent ?? '').replace(/\u00a0/g, ' ').trim() === text);
      },
      { selector: ACTIVE_EDITOR, text: firstLine },
      { timeout: 20_000 },
    );
  }

  /** Squiggles rendered in the active editor, by line (lines are matched through their `top` offset). */
  async squiggles(): Promise<Squiggle[]> {
    return this.page.evaluate((selector) => {
      const editor = document.querySelector(selector);
      if (!editor) return [];
      const lineAtTop = new Map<string, number>();
      for (const number of editor.querySelectorAll('.margin-view-overlays .line-numbers')) {
        const row = number.parentElement as HTMLElement;
        lineAtTop.set(row.style.top, Number(number.textContent));
      }
      const found: { line: number; severity: 'error' | 'warning' | 'info' | 'hint' }[] = [];
      for (const squiggle of editor.querySelectorAll('.view-overlays [class*="squiggly-"]')) {
        const row = squiggle.parentElement as HTMLElement;
        const severity = /squiggly-(error|warning|info|hint)/.exec(squiggle.className)?.[1] as 'error' | 'warning' | 'info' | 'hint' | undefined;
        const line = lineAtTop.get(row.style.top);
        if (severity && line !== undefined) found.push({ line, severity });
      }
      return found.sort((a, b) => a.line - b.line);
    }, ACTIVE_EDITOR);
  }

  /**
   * Lines (1-based, unique, sorted) that carry an error, warning or info squiggle in the active editor. Hints are left
   * out, as in the Problems panel, which doesn't list them.
   */
  async squiggleLines(): Promise<number[]> {
    return [...new Set((await this.squiggles()).filter((squiggle) => squiggle.severity !== 'hint').map((squiggle) => squiggle.line))];
  }

  /**
   * Waits until every line in `on` carries a squiggle and no line in `off` does (hints aside). Note: a multi-line
   * diagnostic squiggles several lines while the Problems panel shows only its first, so exact sets don't compare.
   */
  async waitForSquiggles({ on = [], off = [] }: { on?: readonly number[]; off?: readonly number[] }, timeoutMs = 20_000): Promise<void> {
    let last: number[] = [];
    const matches = async (): Promise<boolean> => {
      last = await this.squiggleLines();
      return on.every((line) => last.includes(line)) && !off.some((line) => last.includes(line));
    };
    await waitUntil(matches, timeoutMs, `squiggles on lines [${on.join(', ')}] and none on [${off.join(', ')}]`).catch((error: Error) => {
      throw new Error(`${error.message} (squiggled: [${last.join(', ')}])`);
    });
  }

  /**
   * The page coordinates of the character at (line, column), both 1-based, in the active editor: its middle, or with
   * `atLeftEdge` a point just right of its left edge (a click there puts the cursor before the character).
   */
  async pointAt(line: number, column: number, atLeftEdge = false): Promise<{ x: number; y: number }> {
    const point = await this.page.evaluate(
      ({ selector, line, column, atLeftEdge }) => {
        const editor = document.querySelector(selector);
        if (!editor) return undefined;
        let top: string | undefined;
        for (const number of editor.querySelectorAll('.margin-view-overlays .line-numbers')) {
          if (Number(number.textContent) === line) top = (number.parentElement as HTMLElement).style.top;
        }
        const viewLine = [...editor.querySelectorAll<HTMLElement>('.view-lines .view-line')].find((candidate) => candidate.style.top === top);
        if (!viewLine) return undefined;
        const walker = document.createTreeWalker(viewLine, NodeFilter.SHOW_TEXT);
        let remaining = column - 1;
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const length = node.textContent?.length ?? 0;
          if (remaining < length) {
            const range = document.createRange();
            range.setStart(node, remaining);
            range.setEnd(node, remaining + 1);
            const rect = range.getBoundingClientRect();
            return { x: rect.left + rect.width * (atLeftEdge ? 0.2 : 0.5), y: rect.top + rect.height / 2 };
          }
          remaining -= length;
        }
        return undefined;
      },
      { selector: ACTIVE_EDITOR, line, column, atLeftEdge },
    );
    if (!point) throw new Error(`line ${line}, column ${column} is not rendered in the active editor`);
    return point;
  }

  /** Clicks at (line, column), which puts the cursor there. */
  async clickAt(line: number, column: number): Promise<void> {
    const { x, y } = await this.pointAt(line, column, true);
    await this.page.mouse.click(x, y);
    await this.page.locator('.part.statusbar').filter({ hasText: `Ln ${line}, Col ${column}` }).waitFor({ timeout: 5_000 });
  }

  /** Moves the mouse over (line, column) and returns the hover's text once it contains `expected`. */
  async hoverAt(line: number, column: number, expected: string | RegExp): Promise<Locator> {
    // Note: move away first so that a hover already shown for this spot is rebuilt, as a user's mouse would.
    await this.page.mouse.move(1, 1);
    await this.page.locator('.monaco-hover').first().waitFor({ state: 'hidden', timeout: 5_000 }).catch(() => undefined);
    const { x, y } = await this.pointAt(line, column);
    await this.page.mouse.move(x, y, { steps: 3 });
    const hover = this.page.locator('.monaco-hover:not(.hidden)').filter({ hasText: expected }).first();
    await hover.waitFor({ state: 'visible', timeout: 15_000 });
    return hover;
  }

  /** Runs a command by its exact title from the command palette (F1). */
  async runCommand(title: string): Promise<void> {
    await this.page.keyboard.press('F1');
    await this.page.locator('.quick-input-widget .quick-input-box input').waitFor({ state: 'visible', timeout: 10_000 });
    await this.page.keyboard.type(title);
    // Note: the palette ranks recently used commands first, so pick the row with exactly this title.
    const row = this.page.locator('.quick-input-widget .monaco-list-row').filter({ has: this.page.locator('.label-name', { hasText: exact(title) }) });
    await row.first().click({ timeout: 10_000 });
    await this.page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: 10_000 });
  }

  /**
   * Replaces the workspace settings through the UI: "Preferences: Open Workspace Settings (JSON)", select all, type,
   * save, close. Resolves once `.vscode/settings.json` on disk holds them.
   */
  async setWorkspaceSettings(settings: Record<string, unknown>): Promise<void> {
    await this.runCommand('Preferences: Open Workspace Settings (JSON)');
    await this.page.locator('.part.editor .tab.active').filter({ hasText: 'settings.json' }).waitFor({ timeout: 10_000 });
    await this.editor.locator('.view-lines').waitFor({ timeout: 10_000 });
    await this.page.keyboard.press('Control+A');
    await this.page.keyboard.press('Delete');
    await this.page.waitForFunction((selector) => (document.querySelector(selector)?.querySelector('.view-lines')?.textContent ?? 'x').trim() === '', ACTIVE_EDITOR, { timeout: 5_000 });
    // Note: one line, typed as one input: with auto-closing off for JSON (user settings), the text lands as is.
    await this.page.keyboard.insertText(JSON.stringify(settings));
    await this.save();
    const file = path.join(this.folder, '.vscode', 'settings.json');
    await waitUntil(() => JSON.stringify(JSON.parse(readFileSync(file, 'utf8'))) === JSON.stringify(settings), 10_000, `${file} to hold the new settings`);
    await this.runCommand('View: Close Editor');
  }

  /** Problems panel rows for the file `name`, read once (see waitForProblems). */
  async problems(name: string): Promise<Problem[]> {
    return this.waitForProblems(name, () => true, 'the Problems panel');
  }

  /**
   * Opens the Problems panel (Ctrl+Shift+M), maximizes it so that its virtual list renders every row, and polls its rows
   * for the file `name` until `predicate` holds; then gives the editor its space back. Returns the rows.
   */
  async waitForProblems(name: string, predicate: (problems: Problem[]) => boolean, what: string, timeoutMs = 20_000): Promise<Problem[]> {
    const panel = this.page.locator('.part.panel .markers-panel');
    if (!(await panel.isVisible())) {
      await this.page.keyboard.press('Control+Shift+M');
      await panel.waitFor({ state: 'visible', timeout: 10_000 });
    }
    // Only this file's rows: a glob in the panel's filter box.
    const filter = this.page.locator('.part.panel .viewpane-filter input').first();
    if ((await filter.inputValue()) !== `**/${name}`) await filter.fill(`**/${name}`);
    await this.toggleMaximizedPanel(true);
    let last: Problem[] = [];
    try {
      return await waitUntil(async () => {
        last = await this.readProblemRows(name);
        return predicate(last) ? last : undefined;
      }, timeoutMs, what);
    } catch (error) {
      throw new Error(`${(error as Error).message}; Problems rows: ${JSON.stringify(last.map((problem) => `${problem.code}@${problem.line}`))}`);
    } finally {
      await this.toggleMaximizedPanel(false);
    }
  }

  /** Empties the Problems panel's filter box, as a user would leave it. */
  async clearProblemsFilter(): Promise<void> {
    const filter = this.page.locator('.part.panel .viewpane-filter input').first();
    if ((await filter.inputValue()) !== '') await filter.fill('');
  }

  private async toggleMaximizedPanel(maximized: boolean): Promise<void> {
    const editorHidden = (): Promise<boolean> => this.page.evaluate(() => (document.querySelector('.part.editor')?.getBoundingClientRect().height ?? 0) < 20, undefined);
    if ((await editorHidden()) === maximized) return;
    await this.runCommand('View: Toggle Maximized Panel');
    await waitUntil(async () => (await editorHidden()) === maximized, 10_000, maximized ? 'the panel to maximize' : 'the panel to restore');
  }

  private readProblemRows(name: string): Promise<Problem[]> {
    // Note: no named functions inside evaluate(): tsx would wrap them in a helper that the page doesn't have.
    return this.page.evaluate((fileName) => {
      const problems: Problem[] = [];
      let file = '';
      for (const row of document.querySelectorAll('.markers-panel .monaco-list-row')) {
        const [label, message, source, code, position] = ['.label-name', '.marker-message', '.marker-source', '.marker-code', '.marker-line'].map((selector) => row.querySelector(selector)?.textContent?.trim() ?? '');
        if (row.getAttribute('aria-level') === '1') file = label;
        if (row.getAttribute('aria-level') !== '2' || file !== fileName) continue;
        const lineColumn = /\[Ln (\d+), Col (\d+)\]/.exec(position);
        const severity = /marker-icon (\w+)/.exec(row.querySelector('.marker-icon')?.className ?? '')?.[1] ?? '';
        problems.push({ file, severity, message, source, code, line: Number(lineColumn?.[1]), column: Number(lineColumn?.[2]) });
      }
      return problems;
    }, name);
  }

  /** Ctrl+S, then waits until the tab is no longer dirty. */
  async save(): Promise<void> {
    await this.editor.click({ timeout: 5_000 }).catch(() => undefined);
    await this.page.keyboard.press('Control+S');
    await this.page.locator('.part.editor .tab.active.dirty').waitFor({ state: 'detached', timeout: 10_000 });
  }

  /** Waits until the file `name` on disk reads `expected`; returns what it read last. */
  async waitForFileText(name: string, expected: string, timeoutMs = 10_000): Promise<string> {
    let text = '';
    try {
      await waitUntil(() => (text = readFileSync(path.join(this.folder, name), 'utf8')) === expected, timeoutMs, `${name} to read the expected text`);
    } catch {
      // Fall through: the caller asserts on the text, which gives a readable diff.
    }
    return text;
  }
}

function exact(text: string): RegExp {
  return new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);
}
