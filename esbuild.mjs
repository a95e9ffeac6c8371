// Bundles the client, the language server and the CLI into dist/, and copies the wasm the shell parser loads.
import * as esbuild from 'esbuild';
import { copyFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);
const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');
// `npm run bench` also times the analysis core in process; `--bench` bundles it like the shipped files, into .bench/.
const bench = process.argv.includes('--bench');

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  minify: production,
  sourcemap: !production,
  sourcesContent: false,
  logLevel: 'warning',
  legalComments: production ? 'none' : 'inline',
  // Why: without custom conditions esbuild resolves the `module` export condition, so these two packages come in as
  // ESM, and the CommonJS libraries that require them (dockerfile-ast, dockerfile-utils) then reach every
  // `Range.create` and `Position.create` through a generated getter: 2% of a lint. Their CommonJS builds avoid that.
  conditions: ['node'],
};

const builds = [
  { entryPoints: ['client/src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] },
  { entryPoints: ['server/src/server.ts'], outfile: 'dist/server.js', banner: { js: '#!/usr/bin/env node' } },
  { entryPoints: ['server/src/cli.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } },
  ...(bench ? [{ entryPoints: ['bench/analysisCore.ts'], outfile: '.bench/analysisCore.js' }] : []),
];

mkdirSync('dist', { recursive: true });
const wasmDir = path.dirname(require.resolve('@vscode/tree-sitter-wasm/wasm/tree-sitter.wasm'));
for (const file of ['tree-sitter.wasm', 'tree-sitter-bash.wasm']) {
  copyFileSync(path.join(wasmDir, file), path.join('dist', file));
}

if (watch) {
  for (const options of builds) {
    const context = await esbuild.context({ ...common, ...options });
    await context.watch();
  }
} else {
  await Promise.all(builds.map((options) => esbuild.build({ ...common, ...options })));
}
