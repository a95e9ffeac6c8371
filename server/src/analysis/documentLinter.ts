/**
 * Everything the server computes for one document version: the base library's syntax diagnostics and Alpinist's
 * analysis, from one parse. One linter per open document; it keeps what the previous version parsed, so an edit
 * re-parses, re-validates and re-runs the shell parser only for the stages and RUN instructions it changed.
 */
import type { Diagnostic } from 'vscode-languageserver-types';
import { analyzeModel, resolveSeverity, type Analysis, type AnalysisOptions } from './analysis';
import { buildkitCheckSettings, isSkippedByCheckDirective } from './buildkitChecks';
import { buildModel, ModelCache } from '../dockerfile/model';
import { MIN_CHUNK_LINES, parseInChunks, withArgumentScansKept } from '../dockerfile/parse';
import { SYNTAX_CODES_BY_RULE, validateParsed } from '../dockerfile/validation';
import { findRule } from '../rules';

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
        const analysis = analyzeModel(buildModel(parsed, cache), options);
        return { syntax: withoutDuplicates(validateParsed(parsed), analysis, options), analysis };
      });
    },
  };
}

/**
 * The syntax diagnostics without those an Alpinist rule that ran also checks (instruction casing, empty continuation
 * lines, relative WORKDIR), so the user sees one diagnostic per problem: the rule's, with its range and fix.
 */
function withoutDuplicates(syntax: readonly Diagnostic[], analysis: Analysis, options: AnalysisOptions): readonly Diagnostic[] {
  const checks = buildkitCheckSettings(analysis.model.directives);
  const dropped = new Set<number>();
  for (const [ruleId, code] of Object.entries(SYNTAX_CODES_BY_RULE)) {
    const rule = findRule(ruleId);
    if (rule && resolveSeverity(rule, options) !== 'off' && !isSkippedByCheckDirective(rule, checks)) dropped.add(code);
  }
  return dropped.size === 0 ? syntax : syntax.filter((diagnostic) => typeof diagnostic.code !== 'number' || !dropped.has(diagnostic.code));
}
