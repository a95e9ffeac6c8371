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
 * The syntax diagnostics without those an Alpinist rule that ran also checks (empty continuation lines, relative
 * WORKDIR, MAINTAINER, repeated CMD, duplicate stage names), so the user sees one diagnostic per problem: the rule's,
 * with its range and fix. Instruction casing differs in kind (the library wants upper case, BuildKit's check wants one
 * case per file): the library's casing diagnostic gives way only on a line where the casing rule reported.
 */
function withoutDuplicates(syntax: readonly Diagnostic[], analysis: Analysis, options: AnalysisOptions): readonly Diagnostic[] {
  const checks = buildkitCheckSettings(analysis.model.directives);
  const dropped = new Set<number>();
  for (const [ruleId, code] of Object.entries(SYNTAX_CODES_BY_RULE)) {
    if (ruleId === CASING_RULE) continue;
    const rule = findRule(ruleId);
    if (rule && resolveSeverity(rule, options) !== 'off' && !isSkippedByCheckDirective(rule, checks)) dropped.add(code);
  }
  const casingLines = new Set(analysis.findings.filter((finding) => finding.ruleId === CASING_RULE).map((finding) => finding.range.start.line));
  const casingCode = SYNTAX_CODES_BY_RULE[CASING_RULE];
  if (dropped.size === 0 && casingLines.size === 0) return syntax;
  return syntax.filter((diagnostic) => {
    if (typeof diagnostic.code !== 'number') return true;
    if (diagnostic.code === casingCode) return !casingLines.has(diagnostic.range.start.line);
    return !dropped.has(diagnostic.code);
  });
}

const CASING_RULE = 'instruction-consistent-casing';
