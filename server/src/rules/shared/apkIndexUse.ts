/** What the rules that read Alpine's package index share: which stage index applies, and where a package's parts sit. */
import type { RunInstruction, Stage } from '../../dockerfile/model';
import type { PackageIndexSnapshot } from '../../knowledge/alpineData';
import { branchOf } from '../../knowledge/releaseData';
import type { ApkCall, ApkPackage } from '../../shell/apk';
import type { RuleContext } from '../rule';

/**
 * The index of the stage's release branch, when the data has it. Only the official Alpine family with a known
 * release: Wolfi and images whose Alpine release the tag does not tell (`node:20-alpine`) stay silent.
 */
export function indexForStage(context: RuleContext, stage: Stage | undefined): PackageIndexSnapshot | undefined {
  if (!stage || stage.family !== 'alpine') return undefined;
  const branch = branchOf(stage.alpineRelease);
  return branch === undefined ? undefined : context.alpineData?.packages(branch);
}

/**
 * Whether packages of this call may come from repositories the index does not hold: `--repository`/`-X`, a
 * repositories file, or an earlier step of the stage (or its parents) that edits `/etc/apk/repositories`.
 */
export function usesOtherRepositories(run: RunInstruction, call: ApkCall): boolean {
  if (call.flags.some((flag) => flag.name === '--repository' || flag.name === '--repositories-file' || flag.name === '--allow-untrusted')) return true;
  for (let stage: Stage | undefined = run.stage; stage; stage = stage.parent) {
    for (const instruction of stage.instructions) {
      if (instruction.start > run.end && stage === run.stage) break;
      if (instruction.text.includes('/etc/apk/repositories') || instruction.text.includes('/etc/apk/repositories.d')) return true;
    }
  }
  return false;
}

/** Offsets of the package text inside its word (inside the quotes when the whole word is quoted), or undefined. */
export function packageTextOffsets(pkg: ApkPackage): { readonly start: number; readonly end: number } | undefined {
  const { raw, value, start } = pkg.word;
  if (value === undefined) return undefined;
  if (raw === value) return { start, end: start + value.length };
  const quote = raw[0];
  if ((quote === '"' || quote === '\'') && raw.endsWith(quote) && raw.slice(1, -1) === value) return { start: start + 1, end: start + 1 + value.length };
  return undefined;
}

/** The span of the package name (without constraint or tag) when the word is literal, else the word. */
export function packageNameSpan(pkg: ApkPackage): { readonly start: number; readonly end: number } {
  const inner = packageTextOffsets(pkg);
  return inner ? { start: inner.start, end: inner.start + pkg.name.length } : pkg.word;
}
