/**
 * Writes what the analysis says about a set of Dockerfiles, in a form two builds can be compared with `diff`: every
 * finding's rule, severity, range, message and tags, the exact text after each of its fixes, the split refactoring of
 * each stage, the text after Fix All, and rule failures. Used to prove that a restructuring changed no behaviour.
 *
 * Usage: npm run snapshot -- OUT.jsonl [DIR_OR_JSONL …]
 * Default inputs: ../shared/corpus/real and ../shared/corpus/hadolint-cases.jsonl; each file is also linted with CR
 * and CRLF line endings.
 */
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { analyze } from '../server/src/analysis/analysis';
import { applyEdits, fixAll } from '../server/src/analysis/fixes';
import { splitStage } from '../server/src/split/splitStages';
import { allRules } from '../server/src/rules';
import { initShellParser } from '../server/src/shell/treeSitter';

interface Input {
  readonly name: string;
  readonly text: string;
}

function readInputs(sources: readonly string[]): Input[] {
  const inputs: Input[] = [];
  for (const source of sources) {
    if (source.endsWith('.jsonl')) {
      readFileSync(source, 'utf8')
        .split('\n')
        .filter((line) => line.trim() !== '')
        .forEach((line, index) => {
          const record = JSON.parse(line) as { dockerfile: string; rule: string };
          inputs.push({ name: `${path.basename(source)}#${index}:${record.rule}`, text: record.dockerfile });
        });
      continue;
    }
    for (const file of readdirSync(source).sort()) {
      const full = path.join(source, file);
      if (!statSync(full).isFile() || file.endsWith('.tsv') || file.endsWith('.md')) continue;
      inputs.push({ name: file, text: readFileSync(full, 'utf8') });
    }
  }
  return inputs;
}

/** The text after `edits`, or the error applying them threw. */
function outputOf(text: string, edits: Parameters<typeof applyEdits>[1]): string {
  try {
    return applyEdits(text, edits);
  } catch (error) {
    return `error: ${error instanceof Error ? error.message : String(error)}`;
  }
}

function snapshot(input: Input, ruleSeverities: Record<string, 'info'>): object {
  const analysis = analyze(input.text, { ruleSeverities, today: '2026-12-01' });
  const findings = analysis.findings.map((finding) => ({
    rule: finding.ruleId,
    severity: finding.severity,
    range: [finding.range.start.line, finding.range.start.character, finding.range.end.line, finding.range.end.character],
    message: finding.message,
    tags: finding.tags ?? [],
    fixes: finding.fixes.map((fix) => ({ title: fix.title, kind: fix.kind, output: outputOf(input.text, fix.edits) })),
  }));
  const splits = analysis.model.stages.map((stage) => {
    try {
      const split = splitStage(analysis.model, stage);
      return split ? outputOf(input.text, split.edits) : null;
    } catch (error) {
      return `error: ${error instanceof Error ? error.message : String(error)}`;
    }
  });
  let fixed: string;
  try {
    fixed = fixAll(input.text, { ruleSeverities, today: '2026-12-01' }).text;
  } catch (error) {
    fixed = `error: ${error instanceof Error ? error.message : String(error)}`;
  }
  return { name: input.name, findings, splits, fixAll: fixed, failures: analysis.failures.map((failure) => failure.ruleId) };
}

async function main(): Promise<void> {
  const [out, ...sources] = process.argv.slice(2);
  if (!out) throw new Error('usage: behaviourSnapshot OUT.jsonl [DIR_OR_JSONL …]');
  const corpus = path.resolve(__dirname, '..', '..', 'shared', 'corpus');
  const inputs = readInputs(sources.length > 0 ? sources : [path.join(corpus, 'real'), path.join(corpus, 'hadolint-cases.jsonl')]);
  await initShellParser();
  const everyRuleOn = Object.fromEntries(allRules.filter((rule) => rule.defaultSeverity === 'off').map((rule) => [rule.id, 'info' as const]));
  const lines: string[] = [];
  for (const input of inputs) {
    const lf = input.text.split('\r\n').join('\n');
    for (const [ending, text] of [['lf', input.text], ['crlf', lf.split('\n').join('\r\n')], ['cr', lf.split('\n').join('\r')]] as const) {
      lines.push(JSON.stringify(snapshot({ name: `${input.name} (${ending})`, text }, everyRuleOn)));
    }
  }
  writeFileSync(out, `${lines.join('\n')}\n`);
  console.log(`${inputs.length} inputs, ${lines.length} snapshots written to ${out}`);
}

void main();
