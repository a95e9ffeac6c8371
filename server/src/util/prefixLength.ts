/**
 * How many items at the start of `items` satisfy `isBefore`, for a test that holds on a prefix of the array and
 * fails on the rest (items sorted by what it compares): a binary search. The index of the first item that fails it.
 */
export function prefixLength<T>(items: readonly T[], isBefore: (item: T) => boolean): number {
  let low = 0;
  let high = items.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (isBefore(items[middle])) low = middle + 1;
    else high = middle;
  }
  return low;
}
