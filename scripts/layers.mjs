// The server's layers, lowest first. A folder may import its own files and the folders below it, never one above it;
// folders on the same rank (`lsp` and `cli`) never import each other. ESLint enforces this (eslint.config.mjs), and
// docs/architecture.md is generated from it and from the imports themselves (npm run architecture).

/** @type {readonly { readonly name: string; readonly folders: readonly string[]; readonly role: string }[]} */
export const LAYERS = [
  { name: 'util', folders: ['util'], role: 'memo, spans, binary search: no project imports' },
  { name: 'knowledge', folders: ['knowledge'], role: 'facts as data (releases, packages, musl/glibc, apk flags), each with a date and a source' },
  { name: 'shell', folders: ['shell'], role: 'RUN bodies as shell commands and words (tree-sitter-bash); apk and pip calls' },
  { name: 'dockerfile', folders: ['dockerfile'], role: 'the model: typed instructions with exact offsets, stages, variables, steps; the only reader of dockerfile-ast, dockerfile-utils and dockerfile-language-service' },
  { name: 'edits', folders: ['edits'], role: 'the one edit vocabulary: offsets in, edits out; lines, insert, remove, merge' },
  { name: 'split', folders: ['split'], role: 'the compile/runtime stage split and its strategies' },
  { name: 'rules', folders: ['rules'], role: 'one file per rule, the registry, rule-specific helpers in rules/shared' },
  { name: 'analysis', folders: ['analysis'], role: 'text → model → enabled rules → findings; suppressions, fix combination, protocol ranges' },
  { name: 'shellcheck', folders: ['shellcheck'], role: 'ShellCheck without processes: RUN bodies and heredocs as scripts mapped to Dockerfile offsets, dialects, json1 output to findings' },
  { name: 'config', folders: ['config', 'alpineData'], role: 'settings, config files and severities (resolved once, here), shared by the server and the CLI; Alpine data fetching and caching' },
  { name: 'tools', folders: ['tools'], role: 'external programs (ShellCheck): a bounded process pool fed on standard input, timeouts, a result cache; never in an untrusted workspace' },
  { name: 'entry', folders: ['lsp', 'cli'], role: 'lsp: the language server (wiring, workspace, features); cli: alpinist lint. Neither imports the other' },
];

/** Libraries only `dockerfile/` may import: everything else reads the model. */
export const PARSING_LIBRARIES = ['dockerfile-ast', 'dockerfile-utils', 'dockerfile-language-service'];
