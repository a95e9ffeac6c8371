/**
 * Why: Alpine is built on musl; programs linked against glibc fail there (`not found`, `Error relocating`), and pip
 * refuses `manylinux` wheels. Only names that say "glibc" unambiguously are reported.
 */
import { stageChain, type CopyInstruction, type DockerfileModel, type RunInstruction, type Stage } from '../dockerfile/model';
import {
  classifyGlibcFile, DOWNLOADERS, GCOMPAT_PACKAGES, GLIBC_REMEDIES, SGERRAND_PACKAGES, SHIMMABLE, URL_PATTERN, type GlibcFile,
} from '../knowledge/glibc';
import { parsePipCall } from '../shell/pip';
import { argumentsOf, type ShellWord } from '../shell/shellCommand';
import { memoOn } from '../util/memo';
import type { Span } from '../util/span';
import { defineRule, type Report } from './rule';

export default defineRule({
  id: 'alpine-no-glibc-binaries',
  description: 'Avoid downloading or installing glibc builds in Alpine stages; musl cannot run them.',
  defaultSeverity: 'warning',
  check(context) {
    const model = context.dockerfile;
    const copiedBy = stagesCopyingFrom(model);
    for (const stage of model.stages) {
      if (!stage.isAlpineLike || feedsOnlyOtherFamilies(model, stage, copiedBy)) continue;
      const hasShim = hasGcompat(stage);
      for (const instruction of stage.instructions) {
        const found = instruction.keyword === 'ADD' ? addSources(instruction) : instruction.keyword === 'RUN' ? runCandidates(instruction) : [];
        let reportedSgerrand = false;
        for (const { at, file } of found) {
          // Note: the sgerrand install downloads several apks; one finding per instruction is enough.
          if (file.kind === 'sgerrand' && reportedSgerrand) continue;
          reportedSgerrand ||= file.kind === 'sgerrand';
          context.report(toReport(at, file, hasShim));
        }
      }
    }
  },
});

interface Candidate {
  readonly at: Span;
  readonly file: GlibcFile;
}

/** URLs given to curl/wget, glibc apks given to `apk add`, manylinux wheels given to `pip install`. */
function runCandidates(run: RunInstruction): Candidate[] {
  const words = memoOn(run.commands, CANDIDATE_WORDS, () => readRunCandidates(run));
  return words.map(({ word, file }) => ({ at: word, file }));
}

/**
 * The candidate words of each RUN, by its commands, read once. Why kept: they depend on the RUN's text alone, and a
 * RUN's commands (with their words, which move with them) outlive an edit elsewhere in the file.
 */
const CANDIDATE_WORDS = Symbol('glibc candidate words');

function readRunCandidates(run: RunInstruction): { word: ShellWord; file: GlibcFile }[] {
  const found: { word: ShellWord; file: GlibcFile }[] = [];
  const apkCalls = new Map(run.apkCalls.map((call) => [call.command, call]));
  const push = (word: ShellWord, file: GlibcFile | undefined): void => {
    if (file) found.push({ word, file });
  };
  for (const command of run.commands) {
    if (command.name !== undefined && DOWNLOADERS.has(command.name)) {
      for (const word of argumentsOf(command)) if (URL_PATTERN.test(textOf(word))) push(word, classifyGlibcFile(textOf(word)));
      continue;
    }
    const apk = apkCalls.get(command);
    if (apk?.subcommand === 'add') {
      for (const item of apk.packages) {
        if (item.kind === 'name' && SGERRAND_PACKAGES.has(item.name)) push(item.word, { kind: 'sgerrand', fileName: item.name });
        if (item.kind === 'file') {
          const file = classifyGlibcFile(item.name);
          // Note: any local `.apk` named after glibc is the third-party package, whatever its file name says.
          if (file?.kind === 'sgerrand' || file?.kind === 'build') push(item.word, { ...file, kind: 'sgerrand' });
        }
      }
      continue;
    }
    const pip = parsePipCall(command);
    if (pip?.subcommand === 'install') {
      for (const word of pip.options) {
        const file = classifyGlibcFile(textOf(word));
        if (file?.kind === 'manylinux') push(word, file);
      }
    }
  }
  return found;
}

/** Source arguments of ADD (every argument but the destination), shell or JSON form. */
function addSources(instruction: CopyInstruction): Candidate[] {
  const found: Candidate[] = [];
  for (const source of instruction.sources) {
    const file = classifyGlibcFile(source.value);
    if (file) found.push({ at: source, file });
  }
  return found;
}

function toReport(at: Span, file: GlibcFile, hasShim: boolean): Report {
  const name = `\`${file.fileName}\``;
  if (hasShim && SHIMMABLE.has(file.kind)) {
    return {
      at,
      severity: 'info',
      message: `${name} is a glibc build that relies on \`gcompat\` here, which covers only part of glibc; prefer a musl build when one is published.`,
    };
  }
  const remedy = GLIBC_REMEDIES[file.kind];
  return { at, message: `${name} ${remedy.what}; ${remedy.instead}.` };
}

/** The literal value, or the text as written without surrounding quotes when it expands a variable. */
function textOf(word: ShellWord): string {
  return word.value ?? word.raw.replace(/^(["'])(.*)\1$/s, '$2');
}

/** True when the stage or a stage it builds on installs `gcompat` (or `libc6-compat`, which now installs it). */
function hasGcompat(stage: Stage): boolean {
  return stageChain(stage).some((current) =>
    current.runs.some((run) => run.apkCalls.some((call) => call.subcommand === 'add' && call.packages.some((item) => GCOMPAT_PACKAGES.has(item.name)))),
  );
}

/**
 * True when the stage is only a download step for stages of another family: it is not the last stage, and every
 * stage that copies from it or builds on it is not Alpine-like (e.g. fetching a tarball for a Debian stage).
 */
function feedsOnlyOtherFamilies(model: DockerfileModel, stage: Stage, copiedBy: ReadonlyMap<string, readonly Stage[]>): boolean {
  if (stage === model.stages[model.stages.length - 1]) return false;
  const consumers = new Set([...(copiedBy.get(String(stage.index)) ?? []), ...(stage.name === undefined ? [] : (copiedBy.get(stage.name) ?? []))]);
  for (const child of stage.children) consumers.add(child);
  consumers.delete(stage);
  for (const consumer of consumers) if (consumer.isAlpineLike) return false;
  return consumers.size > 0;
}

/**
 * The stages whose COPY instructions name each `--from` value (a stage name or index; `''` for COPY without it).
 */
function stagesCopyingFrom(model: DockerfileModel): Map<string, Stage[]> {
  const copiedBy = new Map<string, Stage[]>();
  for (const stage of model.stages) {
    for (const instruction of stage.instructions) {
      if (instruction.keyword !== 'COPY') continue;
      const source = instruction.from?.value?.toLowerCase() ?? '';
      const stages = copiedBy.get(source);
      if (!stages) copiedBy.set(source, [stage]);
      else if (stages[stages.length - 1] !== stage) stages.push(stage);
    }
  }
  return copiedBy;
}
