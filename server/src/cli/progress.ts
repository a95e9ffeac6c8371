/** The `linted 120/300 files` line redrawn on a terminal's stderr during long runs, erased at the end. */

/** Fewer files finish too fast for a progress line to help. */
export const MIN_FILES_FOR_PROGRESS = 50;
const REDRAW_INTERVAL_MS = 100;

export interface Progress {
  update(done: number): void;
  /** Erases the line, so the report that follows starts on a clean line. */
  finish(): void;
}

const SILENT: Progress = { update: () => undefined, finish: () => undefined };

export function createProgress(total: number, isTerminal: boolean, write: (text: string) => void, now: () => number = Date.now): Progress {
  if (!isTerminal || total < MIN_FILES_FOR_PROGRESS) return SILENT;
  let drawnAt = -Infinity;
  let drawn = false;
  return {
    update(done) {
      if (done < total && now() - drawnAt < REDRAW_INTERVAL_MS) return;
      drawnAt = now();
      drawn = true;
      write(`\r\x1b[2Kalpinist: linted ${done}/${total} files`);
    },
    finish() {
      if (drawn) write('\r\x1b[2K');
    },
  };
}
