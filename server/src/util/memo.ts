/**
 * Facts derived from an object of an analysis (a model, a stage, a RUN's commands, a syntax tree), kept on the object
 * itself, so they live exactly as long as it does.
 * Why not WeakMaps: Node 20's young-generation collector keeps the entries of a WeakMap that lives in the old
 * generation (any module-level map) alive through every young collection, until the next full one, whether or not
 * the key is still reachable. Keyed by objects each lint makes, such memos turned every finished lint into garbage
 * copied again and again: linting the corpus, 760 KB promoted and 3.7 ms of copying per young collection
 * (dockerfile-utils alone: 0.1 KB and 0.01 ms), against 470 KB and 1.8 ms with the memos on their objects, most of
 * the rest coming from the syntax validation (measured with `--trace-gc-nvp`; a 20-line script with one WeakMap
 * shows the same). Those pauses land on whichever file is being linted, and set the slowest files' times.
 * The property is a symbol and not enumerable, so spreading or copying an object does not carry its memos along.
 */
const MEMOS = Symbol('memos');

type MemoOwner = object & { [MEMOS]?: Map<symbol, unknown> };

/**
 * Gives an object of a kind the analysis makes many of (shell commands) its memo property from the start, empty.
 * Why: an object that gets the property later changes its hidden class (V8's map) then, so the same kind of object
 * comes in two shapes, and V8 throws away optimized code that had seen only one of them.
 */
export function withMemoSlot<T extends object>(owner: T): T {
  return Object.defineProperty(owner, MEMOS, { value: undefined, writable: true });
}

/**
 * The value `create` makes for `owner` under `key`, made once per owner. `create` gets the owner: a module-level
 * function then needs no closure, and a hot caller allocates nothing when the value is known (a closure over the
 * caller's parameters is allocated on every call, found or not).
 */
export function memoOn<T, O extends object = object>(owner: O, key: symbol, create: (owner: O) => T): T {
  let memos = (owner as MemoOwner)[MEMOS];
  if (memos === undefined) {
    memos = new Map<symbol, unknown>();
    if (Object.prototype.hasOwnProperty.call(owner, MEMOS)) (owner as MemoOwner)[MEMOS] = memos;
    else Object.defineProperty(owner, MEMOS, { value: memos });
  }
  const known = memos.get(key);
  if (known !== undefined || memos.has(key)) return known as T;
  const value = create(owner);
  memos.set(key, value);
  return value;
}
