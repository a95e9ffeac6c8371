/**
 * The breakdown of the time from opening a Dockerfile to its first squiggle, from the two lines Alpinist writes to its
 * output channel (which VS Code keeps as a log file under the user-data dir): the client's (bundle loaded, activate,
 * language client started, as epoch ms) and the server's (milestones in ms after its process started, and that start).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

interface ClientLine {
  readonly loaded: number;
  readonly activate: number;
  readonly started: number;
}

interface ServerLine {
  readonly origin: number;
  readonly marks: ReadonlyMap<string, number>;
}

function logFiles(directory: string): string[] {
  if (!existsSync(directory)) return [];
  const found: string[] = [];
  for (const entry of readdirSync(directory)) {
    const full = path.join(directory, entry);
    if (statSync(full).isDirectory()) found.push(...logFiles(full));
    else if (entry === 'Alpinist.log' || entry.endsWith('Alpinist.log')) found.push(full);
  }
  return found;
}

function parse(text: string): { clients: ClientLine[]; servers: ServerLine[] } {
  const clients: ClientLine[] = [];
  const servers: ServerLine[] = [];
  for (const line of text.split('\n')) {
    const client = /Startup timings \(client\): bundle loaded at (\d+), activate at (\d+), language client started at (\d+)/.exec(line);
    if (client) clients.push({ loaded: Number(client[1]), activate: Number(client[2]), started: Number(client[3]) });
    const server = /Startup timings \(ms after the process started at (\d+)\): (.*)$/.exec(line);
    if (server) {
      const marks = new Map<string, number>();
      for (const pair of server[2].matchAll(/([a-z ]+?)=(\d+)/g)) marks.set(pair[1].trim(), Number(pair[2]));
      servers.push({ origin: Number(server[1]), marks });
    }
  }
  return { clients, servers };
}

/**
 * Waits (up to `timeoutMs`) for the lines of the window opened at `windowOpenedAt` (whose file was clicked at
 * `clickedAt`) and returns the breakdown as one text line per step (a negative step happened before the click: the
 * extension activates when a workspace with a Dockerfile opens), or a line saying they were not found.
 */
export async function startupBreakdown(userDataDir: string, windowOpenedAt: number, clickedAt: number, squiggleAt: number, timeoutMs = 15_000): Promise<string[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    for (const file of logFiles(path.join(userDataDir, 'logs'))) {
      const { clients, servers } = parse(readFileSync(file, 'utf8'));
      const server = servers.find((line) => line.origin >= windowOpenedAt - 1000 && line.origin + (line.marks.get('published') ?? Infinity) <= squiggleAt + 1000);
      const client = clients.find((line) => line.activate >= windowOpenedAt - 1000 && line.activate <= squiggleAt);
      if (!server || !client) continue;
      const at = (name: string): number => server.origin + (server.marks.get(name) ?? NaN);
      const steps: [string, number, number][] = [
        ['click → extension bundle loaded (negative: before the click)', clickedAt, client.loaded],
        ['bundle loaded → activate', client.loaded, client.activate],
        ['activate → server process started (spawn)', client.activate, server.origin],
        ['process start → server modules loaded (Node.js boot + bundle)', server.origin, at('modules')],
        ['modules loaded → initialize received', at('modules'), at('initialize')],
        ['initialize → initialized', at('initialize'), at('initialized')],
        ['initialized → document opened', at('initialized'), at('document')],
        ['click → document opened', clickedAt, at('document')],
        ['document → settings answered (configuration round trip)', at('document'), at('settings')],
        ['document → shell grammar compiled', at('document'), at('shell parser')],
        ['document → first analysis done', at('document'), at('analysis')],
        ['analysis → diagnostics published', at('analysis'), at('published')],
        ['published → squiggle rendered', at('published'), squiggleAt],
      ];
      return steps.map(([label, from, to]) => `  ${label}: ${Math.round(to - from)} ms`);
    }
    if (Date.now() > deadline) return ['  (no startup timings found in the Alpinist output channel log)'];
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}
