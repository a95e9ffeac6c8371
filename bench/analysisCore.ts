/**
 * The analysis core as the language server and the CLI run it, for the in-process benchmark: `npm run bench` bundles
 * this file with the options of dist/ (esbuild.mjs --bench) into .bench/analysisCore.js and times that bundle.
 * Why not the sources through tsx: its transform wraps every function it creates in a naming helper and loads
 * modules through its own hooks, which users never run; it made the core look about 40% slower than it ships.
 */
export { initShellParser } from '../server/src/shell/treeSitter';
export { createDocumentLinter } from '../server/src/analysis/documentLinter';
