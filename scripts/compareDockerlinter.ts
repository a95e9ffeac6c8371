/**
 * Side-by-side of Alpinist and the npm package `dockerlinter` (rule codes ER/EF/EC/…, a JavaScript linter with rules
 * taken from hadolint) over ../shared/corpus/real. Both tools' findings become (file, instruction line, DL code):
 * Alpinist's through each rule's `hadolint` aliases, dockerlinter's through the table below. Lines are the first
 * line of the instruction, as hadolint reports them (both tools sometimes point inside a continued RUN).
 * Usage: npx tsx scripts/compareDockerlinter.ts <dockerlinter install dir> [--samples N]
 * (the directory holding node_modules/dockerlinter, or the package directory itself). dockerlinter runs with
 * `-s none`: its ShellCheck findings have no DL code.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { analyze } from '../server/src/analysis/analysis';
import { allRules } from '../server/src/rules';
import { initShellParser } from '../server/src/shell/treeSitter';

/** dockerlinter code → hadolint code; `null`: no hadolint equivalent. EI0001 and ER0006 are split by `refine`. */
const TO_HADOLINT: Readonly<Record<string, string | null>> = {
  ER0001: 'DL4006', EU0001: 'DL3002', EI0001: 'DL4003', EI0002: 'DL3061', EF0001: null, EC0001: 'DL3023',
  EC0002: 'DL3022', EI0003: 'DL4000', EJ0001: null, EJ0002: 'DL3025', EJ0003: null, EF0002: 'DL3024',
  EF0003: 'DL3007', EF0004: 'DL3006', ER0002: 'DL3009', ER0003: 'DL3003', ER0004: 'DL3004', ER0005: 'DL3001',
  ER0006: 'DL3005', EA0001: null, EC0003: 'DL3010', ER0007: 'DL4001', ER0008: 'DL4005', ER0009: 'DL3014',
  ER0010: 'DL3015', EA0002: 'DL3020', EC0004: 'DL3021', ER0011: 'DL3019', ER0012: 'DL3008', ER0013: 'DL3013',
  ER0014: 'DL3016', ER0015: 'DL3018', ER0016: 'DL3028', EI0004: 'DL3043', EW0001: 'DL3000', EE0001: 'DL3011',
  EI0005: null,
};

interface DockerlinterFinding {
  readonly lineNumber: number;
  readonly code: string;
}

/** The first line (1-based) of the instruction each line belongs to. */
function instructionStarts(lines: readonly string[]): number[] {
  const starts: number[] = [];
  const escape = lines.slice(0, 5).some((line) => line.replaceAll(' ', '').toLowerCase() === '#escape=`') ? '`' : '\\';
  let continuing = false;
  let current = 1;
  lines.forEach((raw, index) => {
    const line = raw.trim();
    const blankOrComment = line === '' || line.startsWith('#');
    if (!continuing) current = index + 1;
    starts.push(current);
    if (!blankOrComment) continuing = line.endsWith(escape);
  });
  return starts;
}

/** The DL code of a dockerlinter finding, where its code covers several hadolint rules. */
function refine(code: string, instructionText: string): string | null | undefined {
  const mapped = TO_HADOLINT[code];
  if (code === 'EI0001') {
    const keyword = instructionText.trim().split(' ')[0]?.toUpperCase();
    return keyword === 'ENTRYPOINT' ? 'DL4004' : keyword === 'HEALTHCHECK' ? 'DL3012' : 'DL4003';
  }
  if (code === 'ER0006') {
    const words = instructionText.replaceAll(';', ' ').replaceAll('&', ' ').replaceAll('|', ' ').split(' ');
    if (words.includes('apt')) return 'DL3027';
    if (words.includes('apk') && words.includes('upgrade')) return 'DL3017';
  }
  return mapped;
}

function findDockerlinter(dir: string): string | undefined {
  for (const candidate of [path.join(dir, 'node_modules', 'dockerlinter'), dir]) {
    const bin = path.join(candidate, 'bin', 'dockerfilelinter');
    if (existsSync(bin)) return bin;
  }
  return undefined;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const samplesIndex = args.indexOf('--samples');
  const samples = samplesIndex === -1 ? 8 : Number(args[samplesIndex + 1]);
  const installDir = args.find((arg, index) => !arg.startsWith('--') && args[index - 1] !== '--samples');
  if (!installDir) {
    console.error('Usage: npx tsx scripts/compareDockerlinter.ts <dockerlinter install dir> [--samples N]\n'
      + 'Install it outside the repository first: mkdir /tmp/dl && cd /tmp/dl && npm init -y && npm install --ignore-scripts dockerlinter');
    process.exit(2);
  }
  const bin = findDockerlinter(path.resolve(installDir));
  if (!bin) {
    console.error(`No dockerlinter found in ${installDir} (looked for node_modules/dockerlinter/bin/dockerfilelinter and bin/dockerfilelinter).`);
    process.exit(2);
  }
  const corpus = path.resolve(__dirname, '..', '..', 'shared', 'corpus', 'real');
  if (!existsSync(corpus)) {
    console.error(`The corpus is missing: ${corpus} (a checkout of ../shared/corpus next to the repository).`);
    process.exit(2);
  }
  await initShellParser();
  /** An Alpinist rule with several aliases (DL3006 and DL3007) is one comparison group: its finding does not say which. */
  const groupOf = new Map<string, string>();
  for (const rule of allRules) for (const code of rule.hadolint ?? []) groupOf.set(code, (rule.hadolint ?? []).join('/'));
  const group = (code: string): string => groupOf.get(code) ?? code;
  const coveredByDockerlinter = new Set([...Object.values(TO_HADOLINT), 'DL4004', 'DL3012', 'DL3027', 'DL3017'].filter((code) => code !== null).map(group));
  const everyRuleOn = Object.fromEntries(allRules.filter((rule) => rule.defaultSeverity === 'off').map((rule) => [rule.id, 'info' as const]));
  const files = readdirSync(corpus).filter((file) => statSync(path.join(corpus, file)).isFile() && !file.endsWith('.tsv') && !file.endsWith('.md'));
  /** key `file:line:code` → which tool reported it, and how. */
  const alpinist = new Map<string, string>();
  const dockerlinter = new Map<string, string>();
  const unmapped = new Map<string, number>();
  const crashed: string[] = [];
  for (const file of files) {
    const full = path.join(corpus, file);
    let found: DockerlinterFinding[];
    try {
      const output = execFileSync(process.execPath, [bin, '-f', full, '-j', '-s', 'none'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();
      found = output.startsWith('[') ? JSON.parse(output) as DockerlinterFinding[] : [];
    } catch (error) {
      const stderr = String((error as { stderr?: unknown }).stderr ?? error);
      crashed.push(`${file}: ${stderr.split('\n').find((line) => line.includes('Error')) ?? 'exit status'}`);
      continue;
    }
    const text = readFileSync(full, 'utf8');
    const lines = text.split('\n').map((line) => (line.endsWith('\r') ? line.slice(0, -1) : line));
    const starts = instructionStarts(lines);
    const startOf = (line: number): number => starts[line - 1] ?? line;
    for (const finding of analyze(text, { ruleSeverities: everyRuleOn }).findings) {
      const line = startOf(finding.range.start.line + 1);
      for (const code of new Set((finding.rule.hadolint ?? []).map(group))) alpinist.set(`${file}:${line}:${code}`, finding.rule.id);
    }
    for (const finding of found) {
      const line = startOf(finding.lineNumber);
      const code = refine(finding.code, lines.slice(line - 1, Math.max(line, finding.lineNumber)).join(' '));
      if (code === undefined || code === null) {
        unmapped.set(finding.code, (unmapped.get(finding.code) ?? 0) + 1);
        continue;
      }
      dockerlinter.set(`${file}:${line}:${group(code)}`, finding.code);
    }
  }
  const codes = [...new Set([...alpinist.keys(), ...dockerlinter.keys()].map((key) => key.slice(key.lastIndexOf(':') + 1)))].sort();
  const codeOf = (key: string): string => key.slice(key.lastIndexOf(':') + 1);
  console.log(`${files.length} files in ${corpus}; dockerlinter at ${path.dirname(path.dirname(bin))}`);
  console.log(`${crashed.length} files left out of both sides because dockerlinter stopped with an error:\n${crashed.map((line) => `  ${line}`).join('\n')}\n`);
  console.log('| DL code | both | only Alpinist | only dockerlinter | Alpinist rule | dockerlinter code |');
  console.log('|---|---:|---:|---:|---|---|');
  const totals = [0, 0, 0];
  const disagreements: string[] = [];
  const alpinistOnlyRules: string[] = [];
  for (const code of codes) {
    if (!coveredByDockerlinter.has(code)) {
      alpinistOnlyRules.push(`${code} ${[...alpinist.keys()].filter((key) => codeOf(key) === code).length}`);
      continue;
    }
    const mine = [...alpinist.keys()].filter((key) => codeOf(key) === code);
    const theirs = [...dockerlinter.keys()].filter((key) => codeOf(key) === code);
    const both = mine.filter((key) => dockerlinter.has(key));
    const onlyMine = mine.filter((key) => !dockerlinter.has(key));
    const onlyTheirs = theirs.filter((key) => !alpinist.has(key));
    totals[0] += both.length;
    totals[1] += onlyMine.length;
    totals[2] += onlyTheirs.length;
    const ruleIds = [...new Set(mine.map((key) => alpinist.get(key)))].join(', ') || (allRules.find((rule) => rule.hadolint?.includes(code))?.id ?? '—');
    const theirCodes = [...new Set(theirs.map((key) => dockerlinter.get(key)))].join(', ') || '—';
    console.log(`| ${code} | ${both.length} | ${onlyMine.length} | ${onlyTheirs.length} | ${ruleIds} | ${theirCodes} |`);
    if (onlyMine.length + onlyTheirs.length === 0) continue;
    disagreements.push(`\n## ${code}`);
    for (const key of onlyMine.slice(0, samples)) disagreements.push(`  only Alpinist (${alpinist.get(key)}): ${key}\n      | ${excerpt(corpus, key)}`);
    for (const key of onlyTheirs.slice(0, samples)) disagreements.push(`  only dockerlinter (${dockerlinter.get(key)}): ${key}\n      | ${excerpt(corpus, key)}`);
  }
  console.log(`| total | ${totals[0]} | ${totals[1]} | ${totals[2]} | | |`);
  console.log(`\nAlpinist findings for DL codes dockerlinter has no rule for (not compared): ${alpinistOnlyRules.join(', ')}`);
  if (unmapped.size > 0) console.log(`\ndockerlinter findings without a hadolint code (not compared): ${[...unmapped].map(([code, count]) => `${code} ${count}`).join(', ')}`);
  console.log(disagreements.join('\n'));
}

function excerpt(corpus: string, key: string): string {
  const [file, line] = key.split(':');
  return (readFileSync(path.join(corpus, file ?? ''), 'utf8').split('\n')[Number(line) - 1] ?? '').trim().slice(0, 110);
}

void main();
