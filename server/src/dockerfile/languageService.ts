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

/** A stretch of lines, end exclusive, for semantic tokens. */
export interface TokenSpan {
  readonly startLine: number;
  readonly startCharacter: number;
  readonly endLine: number;
  readonly endCharacter: number;
}

/**
 * The library's semantic tokens for the lines of `slice`, a run of whole instructions (and comment lines) that starts
 * at the beginning of line `firstLine` of a document read with `escapeChar`, encoded for that document. Why a slice:
 * the library's tokenizer grows faster than the text, so a range request tokenizes only the instructions it shows.
 * Two lines go before the slice (the escape directive, then an instruction that ends the directive block) so that a
 * comment at the top of the slice is not read as a directive; their tokens are dropped.
 */
export function semanticTokensOfSlice(slice: string, firstLine: number, escapeChar: string): SemanticTokens {
  if (firstLine === 0) return getDockerfileService().computeSemanticTokens(slice);
  const prefixLines = 2;
  const data = getDockerfileService().computeSemanticTokens(`# escape=${escapeChar}\nFROM scratch\n${slice}`).data;
  const kept: number[] = [];
  let line = 0;
  let index = 0;
  for (; index + 4 < data.length; index += 5) {
    line += data[index];
    if (line >= prefixLines) break;
  }
  if (index + 4 >= data.length) return { data: [] };
  // The first kept token is placed from the document's start; the rest stay relative to the token before them.
  kept.push(line - prefixLines + firstLine, data[index + 1], data[index + 2], data[index + 3], data[index + 4]);
  for (index += 5; index + 4 < data.length; index += 5) kept.push(data[index], data[index + 1], data[index + 2], data[index + 3], data[index + 4]);
  return { data: kept };
}

/**
 * Drops semantic tokens that fall inside shell bodies, except keywords, so the shell highlighting of our
 * injection grammar shows there. Why: semantic tokens win over TextMate scopes, and the library marks every RUN
 * argument as a plain `parameter`. `shellSpans` are in document order and do not overlap (one per RUN), so one walk
 * over tokens and spans together does it.
 */
export function withoutShellBodyTokens(tokens: SemanticTokens, shellSpans: readonly TokenSpan[]): SemanticTokens {
  if (shellSpans.length === 0) return tokens;
  const data = tokens.data;
  const kept: number[] = [];
  let line = 0;
  let character = 0;
  let lastLine = 0;
  let lastCharacter = 0;
  let spanIndex = 0;
  const endsBefore = (span: TokenSpan, tokenLine: number, tokenCharacter: number): boolean =>
    span.endLine < tokenLine || (span.endLine === tokenLine && span.endCharacter <= tokenCharacter);
  const startsAtOrBefore = (span: TokenSpan, tokenLine: number, tokenCharacter: number): boolean =>
    span.startLine < tokenLine || (span.startLine === tokenLine && span.startCharacter <= tokenCharacter);
  for (let index = 0; index + 4 < data.length; index += 5) {
    const deltaLine = data[index];
    line += deltaLine;
    character = deltaLine === 0 ? character + data[index + 1] : data[index + 1];
    const type = data[index + 3];
    // Tokens come in document order: spans that end before this token end before every later one.
    while (spanIndex < shellSpans.length && endsBefore(shellSpans[spanIndex], line, character)) spanIndex++;
    const span = shellSpans[spanIndex];
    if (type !== KEYWORD_TYPE && span !== undefined && startsAtOrBefore(span, line, character)) continue;
    kept.push(line - lastLine, line === lastLine ? character - lastCharacter : character, data[index + 2], type, data[index + 4]);
    lastLine = line;
    lastCharacter = character;
  }
  return { resultId: tokens.resultId, data: kept };
}
