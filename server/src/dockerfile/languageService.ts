/**
 * The single adapter over dockerfile-language-service: generic Dockerfile features (completion, instruction
 * hovers, formatting, symbols, syntax diagnostics, …). A library upgrade should only touch this file.
 */
import type * as LibraryNamespace from 'dockerfile-language-service';
import type { DockerfileLanguageService } from 'dockerfile-language-service';
import type { SemanticTokens } from 'vscode-languageserver-types';

type Capabilities = Parameters<DockerfileLanguageService['setCapabilities']>[0];

let service: DockerfileLanguageService | undefined;
let capabilities: Capabilities | undefined;

/**
 * The library's service, loaded on first use. Why not at start: the library (and Node's `https`, which its registry
 * client loads) is needed for hovers, completion, formatting and tokens, never for diagnostics; loaded on demand, it
 * stays off the path to the first diagnostics. Why `require`: esbuild bundles it as a module initialized on first use.
 */
export function getDockerfileService(): DockerfileLanguageService {
  if (!service) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- deferred on purpose, see above
    const library = require('dockerfile-language-service') as typeof LibraryNamespace;
    service = library.DockerfileLanguageServiceFactory.createLanguageService();
    if (capabilities) service.setCapabilities(capabilities);
  }
  return service;
}

/** What the client supports (snippets, Markdown, folding limits), applied when the service is created or now. */
export function setDockerfileServiceCapabilities(given: Capabilities): void {
  capabilities = given;
  service?.setCapabilities(given);
}

/** The semantic token legend dockerfile-language-service encodes with (its TokensLegend order). */
export const SEMANTIC_TOKEN_LEGEND = {
  tokenTypes: ['keyword', 'comment', 'parameter', 'property', 'namespace', 'class', 'macro', 'string', 'variable', 'operator', 'modifier'],
  tokenModifiers: ['declaration', 'definition', 'deprecated'],
};

const KEYWORD_TYPE = 0;

/**
 * Drops semantic tokens that fall inside shell bodies, except keywords, so the shell highlighting of our
 * injection grammar shows there. Why: semantic tokens win over TextMate scopes, and the library marks every RUN
 * argument as a plain `parameter`.
 */
export function withoutShellBodyTokens(tokens: SemanticTokens, shellSpans: readonly { startLine: number; startCharacter: number; endLine: number; endCharacter: number }[]): SemanticTokens {
  if (shellSpans.length === 0) return tokens;
  const data = tokens.data;
  const kept: number[] = [];
  let line = 0;
  let character = 0;
  let lastLine = 0;
  let lastCharacter = 0;
  const inside = (tokenLine: number, tokenCharacter: number): boolean =>
    shellSpans.some(
      (span) =>
        (tokenLine > span.startLine || (tokenLine === span.startLine && tokenCharacter >= span.startCharacter)) &&
        (tokenLine < span.endLine || (tokenLine === span.endLine && tokenCharacter < span.endCharacter)),
    );
  for (let index = 0; index + 4 < data.length; index += 5) {
    const deltaLine = data[index];
    line += deltaLine;
    character = deltaLine === 0 ? character + data[index + 1] : data[index + 1];
    const type = data[index + 3];
    if (type !== KEYWORD_TYPE && inside(line, character)) continue;
    kept.push(line - lastLine, line === lastLine ? character - lastCharacter : character, data[index + 2], type, data[index + 4]);
    lastLine = line;
    lastCharacter = character;
  }
  return { resultId: tokens.resultId, data: kept };
}
