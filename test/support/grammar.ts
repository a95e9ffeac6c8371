/**
 * Loads the host Dockerfile grammar (tm-grammars' copy of VS Code's `source.dockerfile`) with our injection grammar,
 * the way VS Code does it (`injectTo: ["source.dockerfile"]`), and tokenizes text line by line.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import * as oniguruma from 'vscode-oniguruma';
import { INITIAL, parseRawGrammar, Registry, type IGrammar, type StateStack } from 'vscode-textmate';

export const INJECTION_SCOPE = 'alpinist.dockerfile.injection';

export interface Token {
  readonly text: string;
  readonly scopes: readonly string[];
}

const root = path.resolve(__dirname, '../..');
const grammarFiles: Record<string, string> = {
  'source.dockerfile': path.join(root, 'node_modules/tm-grammars/grammars/docker.json'),
  [INJECTION_SCOPE]: path.join(root, 'syntaxes/alpinist.injection.tmLanguage.json'),
};

let onigLoaded: Promise<void> | undefined;

function loadOniguruma(): Promise<void> {
  onigLoaded ??= oniguruma.loadWASM(readFileSync(path.join(root, 'node_modules/vscode-oniguruma/release/onig.wasm')));
  return onigLoaded;
}

/** The host grammar with our injection, as in VS Code; `withInjection: false` gives the host grammar alone, for comparisons. */
export async function loadDockerfileGrammar({ withInjection = true } = {}): Promise<IGrammar> {
  await loadOniguruma();
  const registry = new Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (patterns: string[]) => new oniguruma.OnigScanner(patterns),
      createOnigString: (text: string) => new oniguruma.OnigString(text),
    }),
    loadGrammar: async (scopeName) => {
      const file = grammarFiles[scopeName];
      return file === undefined ? null : parseRawGrammar(readFileSync(file, 'utf8'), file);
    },
    getInjections: (scopeName) => (withInjection && scopeName === 'source.dockerfile' ? [INJECTION_SCOPE] : undefined),
  });
  const grammar = await registry.loadGrammar('source.dockerfile');
  if (!grammar) throw new Error('source.dockerfile grammar did not load');
  return grammar;
}

/** Tokenizes `text` line by line, carrying the rule stack across lines as the editor does. */
export function tokenizeWith(grammar: IGrammar, text: string): Token[][] {
  let ruleStack: StateStack = INITIAL;
  return text.split(/\r?\n/).map((line) => {
    const result = grammar.tokenizeLine(line, ruleStack);
    ruleStack = result.ruleStack;
    return result.tokens.map((token) => ({ text: line.slice(token.startIndex, token.endIndex), scopes: token.scopes }));
  });
}

/**
 * Scopes of the `occurrence`-th token whose text, trimmed, equals `tokenText` (tokens may carry surrounding whitespace).
 * Throws with the line's tokens when there is no such token, so a failing test shows what was produced.
 */
export function scopesAt(line: readonly Token[], tokenText: string, occurrence = 0): readonly string[] {
  const found = line.filter((token) => token.text.trim() === tokenText)[occurrence];
  if (!found) throw new Error(`No token ${JSON.stringify(tokenText)} (#${occurrence}) in line:\n${describeLine(line)}`);
  return found.scopes;
}

export function describeLine(line: readonly Token[]): string {
  return line.map((token) => `  ${JSON.stringify(token.text)}: ${token.scopes.join(' ')}`).join('\n');
}
