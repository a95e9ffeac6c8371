/** Array helpers that stay safe for any length. */

/**
 * Appends every item of `items` to `target`. Why not `target.push(...items)`: a spread passes each item as an
 * argument, and an array of some hundred thousand items (the commands of one huge RUN, the stages of a generated
 * file) overflows the call stack.
 */
export function appendAll<T>(target: T[], items: Iterable<T>): T[] {
  for (const item of items) target.push(item);
  return target;
}
