/**
 * The single adapter over dockerfile-language-service: generic Dockerfile features (completion, instruction
 * hovers, formatting, symbols, syntax diagnostics, …). A library upgrade should only touch this file.
 */
import { DockerfileLanguageServiceFactory, type DockerfileLanguageService } from 'dockerfile-language-service';
import type { SemanticTokens } from 'vscode-languageserver-types';

let service: DockerfileLanguageService | undefined;

export function getDockerfileService(): DockerfileLanguageService {
  service ??= DockerfileLanguageServiceFactory.createLanguageService();
  return service;
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
