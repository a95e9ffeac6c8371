/**
 * Why: Alpine is built on musl; programs linked against glibc fail there (`not found`, `Error relocating`), and pip
 * refuses `manylinux` wheels. Only names that say "glibc" unambiguously are reported: a URL or apk name as written,
 * or the value an ENV/ARG gives it (`curl -o jdk.tgz "$JDK_URL"`), and glibc's loader name made a link to musl.
 * One finding per glibc file and stage: downloading it and installing it later are one install.
 */
import { stageChain, type CopyInstruction, type DockerfileModel, type RunInstruction, type Stage } from '../dockerfile/model';
import { expandNestedAt } from '../dockerfile/variables';
import {
  classifyGlibcFile, DOWNLOADERS, GCOMPAT_PACKAGES, GLIBC_LOADER, GLIBC_REMEDIES, MUSL_LIBC, SGERRAND_PACKAGES, SHIMMABLE, URL_PATTERN, type GlibcFile,
} from '../knowledge/glibc';
import { parsePipCall } from '../shell/pip';
import { argumentsOf, type ShellCommand, type ShellWord } from '../shell/shellCommand';
import { memoOn } from '../util/memo';
import type { Span } from '../util/span';
import { defineRule, type Report } from './rule';

export default defineRule({
  id: 'alpine-no-glibc-binaries',
  description: 'Avoid downloading or installing glibc builds in Alpine stages; musl cannot run them.',
  defaultSeverity: 'warning',
  check(context) {
    const model = context.dockerfile;
    let copiedBy: Map<string, Stage[]> | undefined;
    const last = model.stages[model.stages.length - 1];
    for (const stage of model.stages) {
      if (!stage.isAlpineLike || (stage !== last && feedsOnlyOtherFamilies(stage, (copiedBy ??= stagesCopyingFrom(model))))) continue;
      // Note: read only when the stage has something to report.
      let hasShim: boolean | undefined;
      // Why: fetching a file and installing it (or the several apks of the sgerrand install) is one glibc install.
      const reported = new Set<string>();
      for (const instruction of stage.instructions) {
        const found =
          instruction.keyword === 'ADD' || (instruction.keyword === 'COPY' && instruction.isFromContext)
            ? copySources(stage, instruction)
            : instruction.keyword === 'RUN'
              ? runCandidates(stage, instruction)
              : [];
        for (const { at, file, via } of found) {
          const key = file.kind === 'sgerrand' ? 'sgerrand' : `${file.kind}:${file.fileName}`;
          if (reported.has(key)) continue;
          reported.add(key);
          context.report(toReport(at, file, (hasShim ??= hasGcompat(stage)), via));
        }
      }
    }
  },
});

interface Candidate {
  readonly at: Span;
  readonly file: GlibcFile;
  /** The word as written when the file name came from a variable's value. */
  readonly via?: string;
}

/** What a word given to a downloader or to `apk add` holds when it expands a variable. */
interface Deferred {
  readonly word: ShellWord;
  readonly use: 'download' | 'apk';
}

interface RunWords {
  readonly found: readonly { readonly word: ShellWord; readonly file: GlibcFile }[];
  /** Words whose text is known only through the stage's ENV/ARG values. */
  readonly deferred: readonly Deferred[];
}

/**
 * URLs given to curl/wget, glibc apks given to `apk add`, manylinux wheels given to `pip install`, glibc's loader name
 * linked to musl; and the same downloads and apks when an ENV or ARG value holds them.
 */
function runCandidates(stage: Stage, run: RunInstruction): Candidate[] {
  const words = memoOn(run.commands, CANDIDATE_WORDS, () => readRunCandidates(run));
  const found: Candidate[] = words.found.map(({ word, file }) => ({ at: word, file: word.value === undefined ? resolvedName(stage, run, word, file) : file }));
  for (const { word, use } of words.deferred) {
    const expanded = expandNestedAt(stage, run.start, word.raw);
    if (expanded === undefined) continue;
    const via = unquote(word.raw);
    if (use === 'download') {
      const file = URL_PATTERN.test(expanded) ? classifyGlibcFile(expanded) : undefined;
      if (file) found.push({ at: word, file, via });
      continue;
    }
    for (const name of expanded.split(/\s+/)) {
      const file = apkItemFile(name, name.endsWith('.apk') || name.includes('/'));
      if (file) {
        found.push({ at: word, file, via });
        break;
      }
    }
  }
  return found;
}

/** The file named with the stage's variable values (`glibc-2.27-r0.apk` for `glibc-${V}.apk`), when they are known. */
function resolvedName(stage: Stage, run: RunInstruction, word: ShellWord, file: GlibcFile): GlibcFile {
  const expanded = expandNestedAt(stage, run.start, word.raw);
  const resolved = expanded === undefined ? undefined : classifyGlibcFile(expanded);
  return resolved === undefined ? file : { kind: file.kind, fileName: resolved.fileName };
}

/** A package name or file given to `apk add` that is the third-party glibc package. */
function apkItemFile(name: string, isFile: boolean): GlibcFile | undefined {
  if (!isFile) return SGERRAND_PACKAGES.has(name) ? { kind: 'sgerrand', fileName: name } : undefined;
  const file = classifyGlibcFile(name);
  // Note: any local `.apk` named after glibc is the third-party package, whatever its file name says.
  return file?.kind === 'sgerrand' || file?.kind === 'build' ? { ...file, kind: 'sgerrand' } : undefined;
}

/**
 * The candidate words of each RUN, by its commands, read once. Why kept: they depend on the RUN's text alone, and a
 * RUN's commands (with their words, which move with them) outlive an edit elsewhere in the file.
 */
const CANDIDATE_WORDS = Symbol('glibc candidate words');

function readRunCandidates(run: RunInstruction): RunWords {
  const found: { word: ShellWord; file: GlibcFile }[] = [];
  const deferred: Deferred[] = [];
  const push = (word: ShellWord, file: GlibcFile | undefined): void => {
    if (file) found.push({ word, file });
  };
  for (const command of run.commands) {
    if (command.name !== undefined && DOWNLOADERS.has(command.name)) {
      for (const word of argumentsOf(command)) {
        const text = textOf(word);
        const file = URL_PATTERN.test(text) ? classifyGlibcFile(text) : undefined;
        if (file) push(word, file);
        else if (word.value === undefined && word.raw.includes('$') && !text.startsWith('-')) deferred.push({ word, use: 'download' });
      }
      continue;
    }
    const apk = run.apkCallOf(command);
    if (apk?.subcommand === 'add') {
      for (const item of apk.packages) {
        if (item.kind === 'name' || item.kind === 'file') push(item.word, apkItemFile(item.name, item.kind === 'file'));
        else if (item.kind === 'opaque' && item.word.raw.includes('$')) {
          // Note: `glibc-${V}.apk` says what it is as written; `$GLIBC_APK` needs the variable's value.
          const file = apkItemFile(unquote(item.word.raw), true);
          if (file && /glibc/i.test(item.word.raw.replace(/\$\{?\w+\}?/g, ''))) push(item.word, file);
          else deferred.push({ word: item.word, use: 'apk' });
        }
      }
      continue;
    }
    if (command.name === 'ln') {
      const loader = loaderLink(command);
      if (loader) push(loader, { kind: 'loader', fileName: loader.value ?? loader.raw });
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
  return { found, deferred };
}

/**
 * The link name of `ln -s <musl libc> <glibc loader>` (glibc's loader name pointing at musl), else undefined.
 */
function loaderLink(command: ShellCommand): ShellWord | undefined {
  const operands = argumentsOf(command).filter((word) => !(word.value ?? word.raw).startsWith('-'));
  if (operands.length < 2) return undefined;
  const link = operands[operands.length - 1];
  if (link.value === undefined || !GLIBC_LOADER.test(link.value)) return undefined;
  return operands.slice(0, -1).some((word) => word.value !== undefined && MUSL_LIBC.test(word.value)) ? link : undefined;
}

/** Sources of ADD (URLs included) and of COPY from the build context, shell or JSON form; variables resolved. */
function copySources(stage: Stage, instruction: CopyInstruction): Candidate[] {
  const found: Candidate[] = [];
  // Note: a local file named after glibc may be a script or a config file; from the context only packages count.
  const accepts = (file: GlibcFile | undefined): file is GlibcFile => file !== undefined && (instruction.keyword === 'ADD' || PACKAGE_FILE.test(file.fileName));
  for (const source of instruction.sources) {
    const literal = classifyGlibcFile(source.value);
    if (accepts(literal)) {
      found.push({ at: source, file: literal });
      continue;
    }
    if (!source.value.includes('$')) continue;
    const expanded = expandNestedAt(stage, instruction.start, source.value);
    const file = expanded === undefined ? undefined : classifyGlibcFile(expanded);
    if (accepts(file)) found.push({ at: source, file, via: source.value });
  }
  return found;
}

/** Archives and packages: what a COPY from the build context brings in to install. */
const PACKAGE_FILE = /\.(?:tar\.(?:gz|xz|bz2|zst)|tgz|zip|apk|whl)$/i;

function toReport(at: Span, file: GlibcFile, hasShim: boolean, via: string | undefined): Report {
  const name = via === undefined ? `\`${file.fileName}\`` : `\`${file.fileName}\` (from \`${via}\`)`;
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
  return word.value ?? unquote(word.raw);
}

function unquote(raw: string): string {
  return raw.replace(/^(["'])(.*)\1$/s, '$2');
}

/** True when the stage or a stage it builds on installs `gcompat` (or `libc6-compat`, which now installs it). */
function hasGcompat(stage: Stage): boolean {
  return stageChain(stage).some((current) =>
    current.runs.some((run) => run.apkCalls.some((call) => call.subcommand === 'add' && call.packages.some((item) => GCOMPAT_PACKAGES.has(item.name)))),
  );
}

/**
 * True when a stage that is not the last is only a download step for stages of another family: every stage that
 * copies from it or builds on it is not Alpine-like (e.g. fetching a tarball for a Debian stage).
 */
function feedsOnlyOtherFamilies(stage: Stage, copiedBy: ReadonlyMap<string, readonly Stage[]>): boolean {
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
