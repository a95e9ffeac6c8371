/**
 * Everything the server computes for one document version: the base library's syntax diagnostics and Alpinist's
 * analysis, from one parse. One linter per open document; it keeps what the previous version parsed, so an edit
 * re-parses, re-validates and re-runs the shell parser only for the stages and RUN instructions it changed.
 */
import type { Diagnostic } from 'vscode-languageserver-types';
import { analyzeModel, type Analysis, type AnalysisOptions } from './analysis';
import { buildModel, ModelCache } from '../dockerfile/model';
import { MIN_CHUNK_LINES, parseInChunks, withArgumentScansKept } from '../dockerfile/parse';
import { validateParsed } from '../dockerfile/validation';

export interface LintResult {
  /** dockerfile-utils' syntax diagnostics, as `dockerfile-language-service` `validate()` returns them. */
  readonly syntax: readonly Diagnostic[];
  readonly analysis: Analysis;
}

export interface DocumentLinter {
  lint(text: string, options?: AnalysisOptions): LintResult;
}

/** `minChunkLines`: see `parseInChunks`; tests lower it to cut small files into many chunks. */
export function createDocumentLinter(defaults: AnalysisOptions = {}, minChunkLines = MIN_CHUNK_LINES): DocumentLinter {
  const cache = new ModelCache();
  return {
    lint(text, options = defaults) {
      return withArgumentScansKept(() => {
        const parsed = parseInChunks(text, cache.chunks, minChunkLines);
        return { syntax: validateParsed(parsed), analysis: analyzeModel(buildModel(parsed, cache), options) };
      });
    },
  };
}
