/**
 * What every benchmark process shares: where the corpus is, the synthetic files built from it, and statistics.
 * Why a fixed order: synthetic files and per-file timings must be the same in every process and every run.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export const ROOT = path.resolve(__dirname, '..');
export const CORPUS_DIR = path.join(process.env.ALPINIST_CORPUS ?? path.resolve(ROOT, '..', 'shared', 'corpus'), 'real');
/** Scratch space (git-ignored): synthetic files, CLI copies of the corpus. */
export const WORK_DIR = path.join(ROOT, '.bench');
export const SYNTHETIC_SIZES = [1000, 5000, 20000] as const;

export interface CorpusFile {
  readonly name: string;
  readonly text: string;
}

/** The corpus Dockerfiles in name order (SOURCES.tsv and other non-Dockerfiles excluded), or undefined if absent. */
export function loadCorpus(): CorpusFile[] | undefined {
  if (!existsSync(CORPUS_DIR)) return undefined;
  return readdirSync(CORPUS_DIR)
    .filter((name) => !name.endsWith('.tsv') && !name.endsWith('.md'))
    .sort()
    .map((name) => ({ name, text: readFileSync(path.join(CORPUS_DIR, name), 'utf8') }));
}

export function countLines(text: string): number {
  let lines = 1;
  for (let index = text.indexOf('\n'); index !== -1; index = text.indexOf('\n', index + 1)) lines++;
  return text.endsWith('\n') ? lines - 1 : lines;
}

/** Concatenates corpus files (each ending with a line break) until the text has at least `lines` lines. */
export function syntheticText(corpus: readonly CorpusFile[], lines: number): string {
  const parts: string[] = [];
  let total = 0;
  for (let index = 0; total < lines; index++) {
    const text = corpus[index % corpus.length].text;
    const part = text.endsWith('\n') ? text : `${text}\n`;
    parts.push(part);
    total += countLines(part);
  }
  return parts.join('');
}

/** Path of the synthetic file of (at least) `lines` lines, written on first use. */
export function syntheticFile(corpus: readonly CorpusFile[], lines: number): string {
  mkdirSync(WORK_DIR, { recursive: true });
  const file = path.join(WORK_DIR, `synthetic-${lines / 1000}k.Dockerfile`);
  const text = syntheticText(corpus, lines);
  if (!existsSync(file) || readFileSync(file, 'utf8') !== text) writeFileSync(file, text);
  return file;
}

/**
 * The one-line edit the benchmark applies to a large file: a package added to the `apk add` line nearest the
 * middle, so the edit changes one RUN instruction and keeps the line count. Returns the offset and inserted text.
 */
export function oneLineEdit(text: string): { offset: number; insert: string } {
  const middle = Math.floor(text.length / 2);
  const pattern = /apk add [^\n]*/g;
  let best: { offset: number; distance: number } | undefined;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    const offset = match.index + 'apk add'.length;
    const distance = Math.abs(offset - middle);
    if (!best || distance < best.distance) best = { offset, distance };
  }
  return { offset: best?.offset ?? middle, insert: ' python' };
}

export function applyEdit(text: string, edit: { offset: number; insert: string }): string {
  return text.slice(0, edit.offset) + edit.insert + text.slice(edit.offset);
}

/** Zero-based line and UTF-16 character of an offset. */
export function positionOf(text: string, offset: number): { line: number; character: number } {
  let line = 0;
  let lineStart = 0;
  for (let index = text.indexOf('\n'); index !== -1 && index < offset; index = text.indexOf('\n', index + 1)) {
    line++;
    lineStart = index + 1;
  }
  return { line, character: offset - lineStart };
}

export function median(values: readonly number[]): number {
  return quantile(values, 0.5);
}

/** Nearest-rank quantile of unsorted values. */
export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[rank];
}

export interface Spread {
  readonly min: number;
  readonly median: number;
  readonly max: number;
  readonly runs: number;
}

export function spread(values: readonly number[]): Spread {
  if (values.length === 0) return { min: Number.NaN, median: Number.NaN, max: Number.NaN, runs: 0 };
  return { min: Math.min(...values), median: median(values), max: Math.max(...values), runs: values.length };
}
