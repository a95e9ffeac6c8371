/**
 * Prints Alpinist's findings over a folder of Dockerfiles (default: ../shared/corpus/real) grouped by rule, so
 * precision can be reviewed by reading them. Usage: npm run corpus [-- DIR] [--rule ID] [--counts]
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { analyze } from '../server/src/analysis/analysis';
import { allRules } from '../server/src/rules';
import { initShellParser } from '../server/src/shell/treeSitter';

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const onlyCounts = args.includes('--counts');
  const ruleIndex = args.indexOf('--rule');
  const onlyRule = ruleIndex === -1 ? undefined : args[ruleIndex + 1];
  const directory = args.find((arg, index) => !arg.startsWith('--') && args[index - 1] !== '--rule') ?? path.resolve(__dirname, '..', '..', 'shared', 'corpus', 'real');
  await initShellParser();
  const everyRuleOn = Object.fromEntries(allRules.filter((rule) => rule.defaultSeverity === 'off').map((rule) => [rule.id, 'info' as const]));
  const byRule = new Map<string, string[]>();
  const filesWithFindings = new Map<string, Set<string>>();
  const files = readdirSync(directory).filter((file) => statSync(path.join(directory, file)).isFile() && !file.endsWith('.tsv') && !file.endsWith('.md'));
  for (const file of files) {
    const text = readFileSync(path.join(directory, file), 'utf8');
    const analysis = analyze(text, { ruleSeverities: everyRuleOn });
    for (const failure of analysis.failures) console.error(`FAILURE ${file} ${failure.ruleId}: ${failure.error}`);
    for (const finding of analysis.findings) {
      if (onlyRule && finding.ruleId !== onlyRule) continue;
      const lines = byRule.get(finding.ruleId) ?? [];
      const excerpt = text.split(/\r?\n/)[finding.range.start.line]?.trim().slice(0, 100);
      lines.push(`  ${file}:${finding.range.start.line + 1}:${finding.range.start.character + 1} ${finding.severity}: ${finding.message}\n      | ${excerpt}`);
      byRule.set(finding.ruleId, lines);
      const set = filesWithFindings.get(finding.ruleId) ?? new Set<string>();
      set.add(file);
      filesWithFindings.set(finding.ruleId, set);
    }
  }
  console.log(`${files.length} files in ${directory}\n`);
  console.log('rule'.padEnd(40), 'findings', 'files');
  for (const rule of allRules) {
    console.log(rule.id.padEnd(40), String(byRule.get(rule.id)?.length ?? 0).padStart(8), String(filesWithFindings.get(rule.id)?.size ?? 0).padStart(5));
  }
  if (onlyCounts) return;
  for (const [ruleId, lines] of byRule) console.log(`\n## ${ruleId}\n${lines.join('\n')}`);
}

void main();
