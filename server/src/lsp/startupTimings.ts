/**
 * Where the time to the first diagnostics goes, measured in the server: each milestone once, in milliseconds since
 * the process started, logged in one line with the first published diagnostics (the editor's output channel shows
 * it; the e2e suite reads it from there to break down the time from opening a file to its first squiggle).
 */
import { performance } from 'node:perf_hooks';

export const STARTUP_MILESTONES = ['modules', 'initialize', 'initialized', 'document', 'settings', 'shell parser', 'analysis', 'published'] as const;
export type StartupMilestone = (typeof STARTUP_MILESTONES)[number];

/** The line's prefix; the rest is `name=ms` pairs. */
export const STARTUP_LOG_PREFIX = 'Startup timings';

export interface StartupTimings {
  /** Records `milestone` the first time only; with `published`, logs the line. */
  mark(milestone: StartupMilestone): void;
}

export function createStartupTimings(log: (message: string) => void): StartupTimings {
  const marks = new Map<StartupMilestone, number>();
  let logged = false;
  return {
    mark(milestone) {
      if (marks.has(milestone)) return;
      marks.set(milestone, performance.now());
      if (milestone !== 'published' || logged) return;
      logged = true;
      const pairs = STARTUP_MILESTONES.filter((name) => marks.has(name)).map((name) => `${name}=${Math.round(marks.get(name) as number)}`);
      log(`${STARTUP_LOG_PREFIX} (ms after the process started at ${Math.round(performance.timeOrigin)}): ${pairs.join(' ')}`);
    },
  };
}
