/**
 * Loads tree-sitter and its bash grammar (both WebAssembly) once per process.
 * Why: the wasm runtime initialises asynchronously; after `initShellParser()` resolves, parsing is synchronous,
 * which keeps the analysis core a plain function of the document text.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { Language, Parser } from '@vscode/tree-sitter-wasm';

let parser: Parser | undefined;
let loading: Promise<void> | undefined;

/** Finds a wasm file next to the bundle (dist/) or, when running from sources, in the npm package. */
function locateWasm(file: string): string {
  const besideBundle = path.join(__dirname, file);
  if (existsSync(besideBundle)) return besideBundle;
  return require.resolve(`@vscode/tree-sitter-wasm/wasm/${file}`);
}

/** Resolves when the shell parser is ready; safe to call many times. */
export function initShellParser(): Promise<void> {
  loading ??= (async () => {
    // Why: V8 re-compiles hot wasm functions with its optimizing compiler in the background, and the grammar's
    // lexer is one huge function: on 2 CPUs that compile costs more than it ever saves (linting the 158-file corpus
    // from the CLI took 0.97 s with it, 0.56 s without) and keeps ~30 MiB of RSS. The baseline compiler's code parses
    // fast enough. The flag applies to wasm compiled after this point, i.e. these two modules. Setting it for the
    // grammar only (tree-sitter's own runtime tiering up) parsed the corpus' RUNs a quarter faster once warm, but made
    // the cold paths slower (the CLI ~4%, the LSP didOpen median ~15%): its compiles compete with JavaScript's.
    setFlagsFromString('--liftoff-only');
    await Parser.init({ locateFile: (file: string) => locateWasm(file) });
    const bash = await Language.load(locateWasm('tree-sitter-bash.wasm'));
    const instance = new Parser();
    instance.setLanguage(bash);
    parser = instance;
  })();
  return loading;
}

/** The ready parser; throws if `initShellParser()` has not resolved, which is a programming error. */
export function getShellParser(): Parser {
  if (!parser) throw new Error('Shell parser used before initShellParser() resolved.');
  return parser;
}
