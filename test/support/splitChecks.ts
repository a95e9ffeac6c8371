/**
 * Checks every "Split into compile and runtime stages" result must pass, shared by the strategy tables and the corpus
 * test: the text parses, the runtime stage keeps every instruction that shapes the running container, and Alpinist
 * reports nothing the original did not already report.
 */
import { DockerfileParser } from 'dockerfile-ast';
import { analyze } from '../../server/src/analysis/analysis';
import { parseDockerfile, type DockerfileModel, type Stage } from '../../server/src/dockerfile/model';
import { TEST_TODAY } from './ruleTester';

/** Instructions whose effect is the running container's (ARG too: a later instruction may read it). */
export const RUNTIME_KEYWORDS = new Set(['ENV', 'EXPOSE', 'USER', 'WORKDIR', 'CMD', 'ENTRYPOINT', 'LABEL', 'HEALTHCHECK', 'VOLUME', 'ARG', 'STOPSIGNAL', 'SHELL', 'ONBUILD']);

/**
 * `ruleId: message` of every finding with the default rule set, as a set: the same finding in both new stages is not
 * a new one. Note: opt-in rules are left out on purpose; `apk-require-pinned-versions` would ask to pin each runtime
 * library the split adds (`libffi` for `libffi-dev`), which no split can know the version of. `run-no-consecutive` is
 * left out too: the runtime stage gives each install step its own `RUN` on purpose, one layer per step.
 */
export function findingKeys(text: string): Set<string> {
  return new Set(analyze(text, { today: TEST_TODAY }).findings.filter((finding) => finding.ruleId !== 'run-no-consecutive').map((finding) => `${finding.ruleId}: ${finding.message}`));
}

function runtimeInstructions(model: DockerfileModel, stage: Stage): string[] {
  return stage.instructions.filter((instruction) => RUNTIME_KEYWORDS.has(instruction.keyword) || instruction.isOnbuild).map((instruction) => model.text.slice(instruction.start, instruction.end).replace(/\r\n/g, '\n'));
}

/** True when `needle` appears in `haystack` in order (other items may come between). */
function isSubsequence(needle: readonly string[], haystack: readonly string[]): boolean {
  let position = 0;
  for (const item of haystack) if (item === needle[position]) position++;
  return position === needle.length;
}

/** Problems with a split of stage `stageIndex` of `before` into `after`; empty when it is sound. */
export function splitProblems(before: string, after: string, stageIndex: number): string[] {
  const problems: string[] = [];
  try {
    DockerfileParser.parse(after);
  } catch (error) {
    return [`does not parse: ${String(error)}`];
  }
  const original = parseDockerfile(before);
  const result = parseDockerfile(after);
  if (result.stages.length !== original.stages.length + 1) problems.push(`expected ${original.stages.length + 1} stages, got ${result.stages.length}`);
  const runtime = result.stages[stageIndex + 1];
  const compile = result.stages[stageIndex];
  if (!runtime || !compile?.name) return [...problems, 'no compile stage before the runtime stage'];
  const kept = runtimeInstructions(original, original.stages[stageIndex]);
  const now = runtimeInstructions(result, runtime);
  if (!isSubsequence(kept, now)) problems.push(`runtime instructions changed:\n  before: ${kept.join(' | ')}\n  after:  ${now.join(' | ')}`);
  const known = findingKeys(before);
  for (const key of findingKeys(after)) if (!known.has(key)) problems.push(`new finding: ${key}`);
  return problems;
}
