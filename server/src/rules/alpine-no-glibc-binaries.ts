/**
 * Why: Alpine is built on musl; programs linked against glibc fail there (`not found`, `Error relocating`), and pip
 * refuses `manylinux` wheels. Only names that say "glibc" unambiguously are reported.
 */
import type { Instruction } from 'dockerfile-ast';
import type { Range } from 'vscode-languageserver-types';
import { wordRange, type DockerfileModel, type InstructionModel, type RunModel, type Stage } from '../dockerfile/model';
import { argumentsOf, type ShellWord } from '../shell/shellCommand';
import { defineRule, type Report } from './rule';
import { childStages } from './shared/apkLayers';
import { parsePipCall, stageChain } from '../dockerfile/pip';
import { memoOn } from '../util/memo';

type GlibcKind = 'build' | 'node' | 'dotnet' | 'temurin' | 'awscli' | 'manylinux' | 'sgerrand';

interface GlibcFile {
  readonly kind: GlibcKind;
  /** The last path segment, as written. */
  readonly fileName: string;
}

const DOWNLOADERS = new Set(['curl', 'wget']);
const URL_PATTERN = /^(?:https?|ftp):\/\//i;
/** Keys, signatures and checksums that travel with a download; the download itself is reported. */
const COMPANION_FILE = /(?:\.(?:asc|sig|sign|minisig|pub|pem|md5|sha\d*|sha\d*sum|sum|txt|json)|^shasums\d*.*)$/i;
// Note: `(?=(…))\1` takes the first `-linux-` once and for all; `[^/]*-linux-[^/]+` backtracked quadratically.
const NODE = /(?:^|\/)node-v(?=([^/]*?-linux-))\1[^/]+\.tar\.(?:gz|xz)$/i;
const DOTNET = /(?:^|\/)(?:dotnet|aspnetcore)-[^/]*-linux-(?:x64|arm64|arm)\.tar\.gz$/i;
const TEMURIN = /(?:^|\/)openjdk\d+u?-(?:jdk|jre)_[^/_]+_linux_hotspot[^/]*\.tar\.gz$/i;
const AWSCLI = /(?:^|\/)awscli-exe-linux-[^/]+\.zip$/i;
const SGERRAND_APK = /^glibc-(?:bin-|i18n-|dev-)?\d[^/]*\.apk$/i;
const LINUX_GNU = /[-_.]linux-gnu(?:eabi|eabihf|x32|abi64)?(?:[-_./]|$)/i;
/** Package names of the third-party glibc apk (there is no `glibc` package in Alpine's repositories). */
const SGERRAND_PACKAGES = new Set(['glibc', 'glibc-bin', 'glibc-i18n', 'glibc-dev']);
/** Kinds `gcompat` may be enough for; it does nothing for wheels or for a second libc. */
const SHIMMABLE = new Set<GlibcKind>(['build', 'node', 'dotnet', 'temurin', 'awscli']);

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
        const found = instruction.keyword === 'ADD' ? addSources(instruction) : instruction.keyword === 'RUN' ? runCandidates(model, instruction as RunModel) : [];
        let reportedSgerrand = false;
        for (const { range, file } of found) {
          // Note: the sgerrand install downloads several apks; one finding per instruction is enough.
          if (file.kind === 'sgerrand' && reportedSgerrand) continue;
          reportedSgerrand ||= file.kind === 'sgerrand';
          context.report(toReport(range, file, hasShim));
        }
      }
    }
  },
});

/** Classifies a URL or file name; undefined unless it is unmistakably a glibc build. */
function classifyGlibcFile(text: string): GlibcFile | undefined {
  const unquoted = text.replace(/^(["'])(.*)\1$/s, '$2');
  if (/musl/i.test(unquoted)) return undefined;
  const path = unquoted.replace(/[?#].*$/s, '').replace(/(?<!\/)\/+$/, '');
  const fileName = path.slice(path.lastIndexOf('/') + 1);
  if (fileName === '' || COMPANION_FILE.test(fileName)) return undefined;
  const kind = kindOf(path, fileName);
  return kind === undefined ? undefined : { kind, fileName };
}

function kindOf(path: string, fileName: string): GlibcKind | undefined {
  if (NODE.test(path)) return 'node';
  if (DOTNET.test(path)) return 'dotnet';
  if (TEMURIN.test(path)) return 'temurin';
  if (AWSCLI.test(path)) return 'awscli';
  if (/manylinux/i.test(fileName) && /\.whl$/i.test(fileName)) return 'manylinux';
  if (/alpine-pkg-glibc/i.test(path) || SGERRAND_APK.test(fileName)) return 'sgerrand';
  if (/glibc/i.test(fileName) || LINUX_GNU.test(path)) return 'build';
  return undefined;
}

interface Candidate {
  readonly range: Range;
  readonly file: GlibcFile;
}

/** URLs given to curl/wget, glibc apks given to `apk add`, manylinux wheels given to `pip install`. */
function runCandidates(model: DockerfileModel, run: RunModel): Candidate[] {
  const words = memoOn(run.commands, CANDIDATE_WORDS, () => readRunCandidates(run));
  return words.map(({ word, file }) => ({ range: wordRange(model, word), file }));
}

/**
 * The candidate words of each RUN, by its commands, read once. Why kept: they depend on the RUN's text alone, and a
 * RUN's commands (with their words, which move with them) outlive an edit elsewhere in the file.
 */
const CANDIDATE_WORDS = Symbol('glibc candidate words');

function readRunCandidates(run: RunModel): { word: ShellWord; file: GlibcFile }[] {
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
function addSources(instruction: InstructionModel): Candidate[] {
  const ast = instruction.isOnbuild
    ? (instruction.ast as unknown as { getTriggerInstruction(): Instruction | null }).getTriggerInstruction()
    : instruction.ast;
  if (!ast) return [];
  const json = (ast as unknown as { getJSONStrings?(): { getJSONValue(): string; getRange(): Range }[] }).getJSONStrings?.() ?? [];
  const args = json.length > 0
    ? json.map((item) => ({ text: item.getJSONValue(), range: item.getRange() }))
    : ast.getArguments().map((item) => ({ text: item.getValue(), range: item.getRange() }));
  const found: Candidate[] = [];
  for (const { text, range } of args.slice(0, -1)) {
    const file = classifyGlibcFile(text);
    if (file) found.push({ range, file });
  }
  return found;
}

function toReport(range: Range, file: GlibcFile, hasShim: boolean): Report {
  const name = `\`${file.fileName}\``;
  if (hasShim && SHIMMABLE.has(file.kind)) {
    return {
      range,
      severity: 'info',
      message: `${name} is a glibc build that relies on \`gcompat\` here, which covers only part of glibc; prefer a musl build when one is published.`,
    };
  }
  const messages: Record<GlibcKind, string> = {
    build: `${name} is a glibc build, which does not run on musl-based Alpine; use a musl build (\`linux-musl\`), the Alpine package, \`gcompat\` or a glibc-based image.`,
    node: `${name} is the glibc build of Node.js, which does not run on musl-based Alpine; use \`apk add nodejs\`, the \`-musl\` build from unofficial-builds.nodejs.org or a \`node:*-alpine\` image.`,
    dotnet: `${name} is the glibc build of .NET, which does not run on musl-based Alpine; use the \`linux-musl\` build of the same release.`,
    temurin: `${name} is the glibc build of Temurin, which does not run on musl-based Alpine; use the \`alpine-linux\` build or an \`eclipse-temurin:*-alpine\` image.`,
    awscli: `${name} is the glibc build of AWS CLI v2, which does not run on musl-based Alpine; use the Alpine package (\`apk add aws-cli\`).`,
    manylinux: `${name} is a \`manylinux\` wheel built for glibc, which pip on Alpine refuses; use a \`musllinux\` wheel or build from source.`,
    sgerrand: `${name} is the third-party glibc package, which puts a second C library next to musl; prefer a musl build, \`gcompat\` or a glibc-based image.`,
  };
  return { range, message: messages[file.kind] };
}

/** The literal value, or the text as written without surrounding quotes when it expands a variable. */
function textOf(word: ShellWord): string {
  return word.value ?? word.raw.replace(/^(["'])(.*)\1$/s, '$2');
}

/** True when the stage or a stage it builds on installs `gcompat` (or `libc6-compat`, which now installs it). */
function hasGcompat(stage: Stage): boolean {
  return stageChain(stage).some((current) =>
    current.runs.some((run) => run.apkCalls.some((call) => call.subcommand === 'add' && call.packages.some((item) => item.name === 'gcompat' || item.name === 'libc6-compat'))),
  );
}

/**
 * True when the stage is only a download step for stages of another family: it is not the last stage, and every
 * stage that copies from it or builds on it is not Alpine-like (e.g. fetching a tarball for a Debian stage).
 */
function feedsOnlyOtherFamilies(model: DockerfileModel, stage: Stage, copiedBy: ReadonlyMap<string, readonly Stage[]>): boolean {
  if (stage === model.stages[model.stages.length - 1]) return false;
  const consumers = new Set([...(copiedBy.get(String(stage.index)) ?? []), ...(stage.name === undefined ? [] : (copiedBy.get(stage.name) ?? []))]);
  for (const child of childStages(model, stage)) consumers.add(child);
  consumers.delete(stage);
  for (const consumer of consumers) if (consumer.isAlpineLike) return false;
  return consumers.size > 0;
}

/**
 * The stages whose COPY instructions name each `--from` value (a stage name or index; `''` for COPY without it).
 * Note: built once per check, as each read of a flag re-parses the instruction's arguments.
 */
function stagesCopyingFrom(model: DockerfileModel): Map<string, Stage[]> {
  const copiedBy = new Map<string, Stage[]>();
  for (const stage of model.stages) {
    for (const instruction of stage.instructions) {
      if (instruction.keyword !== 'COPY') continue;
      const source = copySource(instruction) ?? '';
      const stages = copiedBy.get(source);
      if (!stages) copiedBy.set(source, [stage]);
      else if (stages[stages.length - 1] !== stage) stages.push(stage);
    }
  }
  return copiedBy;
}

function copySource(instruction: InstructionModel): string | undefined {
  // Why a memo by syntax tree: a tree outlives versions while its part of the document is unchanged.
  return memoOn(instruction.ast, COPY_SOURCE, () => readCopySource(instruction));
}

const COPY_SOURCE = Symbol('copy source');

function readCopySource(instruction: InstructionModel): string | undefined {
  const ast = instruction.isOnbuild
    ? (instruction.ast as unknown as { getTriggerInstruction(): Instruction | null }).getTriggerInstruction()
    : instruction.ast;
  const flag = (ast as unknown as { getFromFlag?(): { getValue(): string | null } | null } | null)?.getFromFlag?.();
  return flag?.getValue()?.toLowerCase() ?? undefined;
}
