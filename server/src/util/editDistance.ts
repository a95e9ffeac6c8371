/** Edit distance for "did you mean" suggestions. */

let rowA = new Int32Array(64);
let rowB = new Int32Array(64);

/** Levenshtein distance of `a` and `b` when it is at most `max`, else undefined (rows stop early past `max`). */
export function boundedEditDistance(a: string, b: string, max: number): number | undefined {
  if (Math.abs(a.length - b.length) > max) return undefined;
  // Why: two rows reused across calls; the search runs over every name of the index.
  if (rowA.length <= b.length) {
    rowA = new Int32Array(b.length + 1);
    rowB = new Int32Array(b.length + 1);
  }
  let previous = rowA;
  let current = rowB;
  for (let j = 0; j <= b.length; j++) previous[j] = j;
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    let rowMinimum = i;
    const code = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j++) {
      const substitute = previous[j - 1] + (code === b.charCodeAt(j - 1) ? 0 : 1);
      const remove = previous[j] + 1;
      const insert = current[j - 1] + 1;
      const value = substitute < remove ? (substitute < insert ? substitute : insert) : (remove < insert ? remove : insert);
      current[j] = value;
      if (value < rowMinimum) rowMinimum = value;
    }
    if (rowMinimum > max) return undefined;
    const swap = previous;
    previous = current;
    current = swap;
  }
  return previous[b.length] <= max ? previous[b.length] : undefined;
}

/** Longest name compared; longer names get no suggestion (the distance is quadratic in the length). */
const MAX_COMPARED_LENGTH = 64;

/**
 * The candidate closest to `name`, when it is close enough to be a likely typo: at most two edits, and fewer edits
 * than half of the name's length; a candidate that differs only in case wins. Undefined otherwise.
 */
export function closestName(name: string, candidates: Iterable<string>): string | undefined {
  if (name.length > MAX_COMPARED_LENGTH) return undefined;
  let best: string | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const candidate of candidates) {
    if (candidate === name || candidate.length > MAX_COMPARED_LENGTH) continue;
    if (Math.abs(candidate.length - name.length) > 2) continue;
    const distance = candidate.toLowerCase() === name.toLowerCase() ? 0.5 : (boundedEditDistance(name, candidate, 2) ?? Number.POSITIVE_INFINITY);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return bestDistance <= 2 && bestDistance < name.length / 2 ? best : undefined;
}
