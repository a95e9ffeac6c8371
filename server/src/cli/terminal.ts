/**
 * What the text formats write to a terminal: Dockerfile text made harmless, and colours when they are wanted.
 * Why: findings quote the Dockerfile (package names, code frames), and a hostile Dockerfile could carry escape
 * sequences that retitle the terminal, rewrite earlier lines or forge output. Every control character but the tab is
 * shown as a visible symbol of the same width, so the carets of a code frame stay under the code.
 */
import type { Severity } from '../rules/rule';

/** C0 controls (U+0000–U+001F) but the tab, DEL, and the C1 controls (U+0080–U+009F). */
// eslint-disable-next-line no-control-regex -- these are exactly the characters being replaced
const CONTROL = /[\u0000-\u0008\u000A-\u001F\u007F-\u009F]/g;

/** `text` with each control character replaced by its Unicode control picture (␛ for ESC), or U+FFFD for C1. */
export function visibleControls(text: string): string {
  return text.replace(CONTROL, (character) => {
    const code = character.charCodeAt(0);
    if (code < 0x20) return String.fromCharCode(0x2400 + code);
    return code === 0x7f ? '\u2421' : '\uFFFD';
  });
}

export interface Style {
  readonly location: (text: string) => string;
  readonly severity: (severity: Severity, text: string) => string;
  readonly ruleId: (text: string) => string;
  readonly gutter: (text: string) => string;
  readonly summary: (text: string) => string;
}

const sgr = (open: number, close: number) => (text: string): string => `\x1b[${open}m${text}\x1b[${close}m`;
const bold = sgr(1, 22);
const dim = sgr(2, 22);
const SEVERITY_COLOURS: Record<Severity, (text: string) => string> = { error: sgr(31, 39), warning: sgr(33, 39), info: sgr(36, 39), hint: dim };

const plain = (text: string): string => text;
export const PLAIN: Style = { location: plain, severity: (_severity, text) => text, ruleId: plain, gutter: plain, summary: plain };
export const COLOURED: Style = { location: bold, severity: (severity, text) => SEVERITY_COLOURS[severity](text), ruleId: dim, gutter: dim, summary: bold };

/**
 * Whether to colour: `--color` / `--no-color` decide; else `NO_COLOR` (set and not empty: no colour, see
 * no-color.org), then `FORCE_COLOR` (`0` or `false`: no colour, any other value: colour); else colour on a terminal.
 */
export function wantsColour(flag: boolean | undefined, env: Readonly<Record<string, string | undefined>>, isTerminal: boolean): boolean {
  if (flag !== undefined) return flag;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.FORCE_COLOR !== undefined) return env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== 'false';
  return isTerminal;
}
