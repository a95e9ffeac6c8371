/**
 * One benchmark process for one tool: times the corpus file by file, then the synthetic files, and prints the
 * timings as JSON. Run by bench/run.ts; a process per tool keeps JIT warm-up and heap state from leaking between
 * tools. Usage: tsx bench/inProcess.ts <tool> <runs>
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type * as AnalysisCore from './analysisCore';
import { applyEdit, loadCorpus, oneLineEdit, quantile, ROOT, SYNTHETIC_SIZES, syntheticText } from './corpus';

/** Lints one text; `session` keeps what a tool may reuse between versions of the same document (ours only). */
type Linter = (text: string, session: unknown) => void;

export interface InProcessResult {
  readonly tool: string;
  readonly available: boolean;
  readonly reason?: string;
  /** Per run: the whole corpus, file after file (ms). */
  readonly corpus: number[];
  readonly fileP50: number[];
  readonly fileP99: number[];
  /** Files that threw in the first run. */
  readonly throws: number;
  readonly files: number;
  /** Per synthetic size (lines), per run (ms). */
  readonly synthetic: Record<string, number[]>;
  /** Per run: re-linting the 20k-line file after a one-line edit, in the same session (ms). */
  readonly edit20k: number[];
  /**
   * Per run: the whole corpus once more at the end of the process, after `STEADY_PASSES` passes in all. Why: a tool
   * with much code keeps optimizing for several passes after the warm-up; this is the figure of a process that has
   * been linting for a while (an editor session), beside the budget's figure after the warm-up.
   */
  readonly steadyCorpus: number[];
}

async function loadLinter(tool: string): Promise<{ lint: Linter; newSession: () => unknown } | string> {
  switch (tool) {
    case 'ours': {
      const bundle = path.join(ROOT, '.bench', 'analysisCore.js');
      if (!existsSync(bundle)) return 'not built (node esbuild.mjs --production --bench)';
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- the bundle is CommonJS, built by the run
      const { initShellParser, createDocumentLinter } = require(bundle) as typeof AnalysisCore;
      await initShellParser();
      return {
        lint: (text, session) => (session as ReturnType<typeof createDocumentLinter>).lint(text),
        newSession: () => createDocumentLinter({ today: '2026-01-01' }),
      };
    }
    case 'dockerfile-ast': {
      const { DockerfileParser } = await import('dockerfile-ast');
      return { lint: (text) => void DockerfileParser.parse(text), newSession: () => undefined };
    }
    case 'dockerfile-utils': {
      const { validate } = await import('dockerfile-utils');
      return { lint: (text) => void validate(text), newSession: () => undefined };
    }
    case 'dockerfilelint': {
      const dockerfilelint = (await import('dockerfilelint')) as unknown as { run(configPath: string, content: string): unknown[] };
      return { lint: (text) => void dockerfilelint.run(ROOT, text), newSession: () => undefined };
    }
    case 'dockerlinter': {
      const base = path.join(ROOT, 'bench', 'peers', 'node_modules', 'dockerlinter');
      if (!existsSync(base)) return 'not installed (bench/peers)';
      const load = (file: string): Promise<Record<string, unknown>> => import(pathToFileURL(path.join(base, file)).href) as Promise<Record<string, unknown>>;
      type Fn = (...args: unknown[]) => unknown;
      const parser = await load('lib/parser.js');
      const directives = await load('lib/directives.js');
      const groups = await load('lib/groups.js');
      const lints = (await load('lib/lints.js')).default as Record<string, Fn>;
      const errors = await load('lib/errors.js');
      // Note: the same steps as its `lint()` with `--shellcheck none`, minus printing: ShellCheck is a separate
      // binary its install script downloads, and its output is not part of the comparison.
      return {
        lint: (text) => {
          (errors.cleanErrors as Fn)();
          const lines = (parser.parseToLines as Fn)(text);
          const inlineIgnores = (groups.getInlineIgnores as Fn)(lines);
          const parserDirectives = (directives.directivesParser as Fn)(lines);
          const escape = (directives.getEscape as Fn)(parserDirectives);
          let grouped = (groups.groupByCommand as Fn)((groups.groupLinesByInstruction as Fn)(lines, escape));
          grouped = (groups.replaceArgAndEnv as Fn)(grouped, escape);
          const aliases = (directives.parseFromAliases as Fn)(grouped);
          const parsedFile = { lines, parserDirectives, escape, groups: grouped, aliases, inlineIgnores };
          for (const lint of Object.values(lints)) lint(parsedFile);
        },
        newSession: () => undefined,
      };
    }
    default:
      return `unknown tool ${tool}`;
  }
}

const WARM_UP_PASSES = 3;
/** Corpus passes before the steady-state figure: the warm-up, the measured runs, and more up to this count. */
const STEADY_PASSES = 12;

function time(fn: () => void): { ms: number; threw: boolean } {
  const start = performance.now();
  let threw = false;
  try {
    fn();
  } catch {
    threw = true;
  }
  return { ms: performance.now() - start, threw };
}

async function main(): Promise<void> {
  const [tool, runsArgument] = process.argv.slice(2);
  const runs = Number(runsArgument ?? 7);
  const corpus = loadCorpus() ?? [];
  const result: InProcessResult = { tool, available: true, corpus: [], fileP50: [], fileP99: [], throws: 0, files: corpus.length, synthetic: {}, edit20k: [], steadyCorpus: [] };
  const linter = await loadLinter(tool);
  if (typeof linter === 'string') {
    process.stdout.write(JSON.stringify({ ...result, available: false, reason: linter }));
    return;
  }
  const { lint, newSession } = linter;
  // Why warm-up passes: the figures are for a running editor or CI process, not for JIT compilation.
  for (let pass = 0; pass < WARM_UP_PASSES; pass++) for (const file of corpus) time(() => lint(file.text, newSession()));
  for (let run = 0; run < runs; run++) {
    const perFile: number[] = [];
    let throws = 0;
    for (const file of corpus) {
      const timing = time(() => lint(file.text, newSession()));
      perFile.push(timing.ms);
      if (timing.threw) throws++;
    }
    if (run === 0) (result as { throws: number }).throws = throws;
    result.corpus.push(perFile.reduce((sum, ms) => sum + ms, 0));
    result.fileP50.push(quantile(perFile, 0.5));
    result.fileP99.push(quantile(perFile, 0.99));
  }
  for (const size of SYNTHETIC_SIZES) {
    const text = syntheticText(corpus, size);
    const timings: number[] = [];
    // A tool that throws on a synthetic file gets no figure for it.
    if (time(() => lint(text, newSession())).threw) continue;
    for (let run = 0; run < runs; run++) timings.push(time(() => lint(text, newSession())).ms);
    result.synthetic[size] = timings;
  }
  const big = syntheticText(corpus, 20000);
  const edited = applyEdit(big, oneLineEdit(big));
  for (let run = 0; run <= runs; run++) {
    const session = newSession();
    if (time(() => lint(big, session)).threw) break;
    const ms = time(() => lint(edited, session)).ms;
    if (run > 0) result.edit20k.push(ms);
  }
  for (let pass = WARM_UP_PASSES + runs; pass < STEADY_PASSES - 1; pass++) for (const file of corpus) time(() => lint(file.text, newSession()));
  let steady = 0;
  for (const file of corpus) steady += time(() => lint(file.text, newSession())).ms;
  result.steadyCorpus.push(steady);
  // Why an explicit exit once the result is out: a process that ends on its own has been seen to hang at exit (its
  // threads waiting on each other, 0% CPU) after some peers' runs, which stalled the whole benchmark.
  process.stdout.write(JSON.stringify(result), () => process.exit(0));
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
