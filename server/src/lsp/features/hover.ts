/**
 * Hovers: musl/glibc knowledge where it bites (Alpine FROM, apk flags, pip install, compat packages, locale ENV,
 * glibc downloads) and the rule's explanation on Alpinist diagnostics, merged with the library's instruction hover.
 * Knowledge is data (knowledge/); it is rendered to Markdown only here.
 */
import type { Hover, MarkupContent, Position } from 'vscode-languageserver-types';
import type { Analysis } from '../../analysis/analysis';
import type { DockerfileModel, Instruction, Stage } from '../../dockerfile/model';
import { classifyGlibcFile, GLIBC_REMEDIES, URL_PATTERN } from '../../knowledge/glibc';
import { findApkFlagEntry, findEntry, findRelease, isReleasePastSupport } from '../../knowledge/lookup';
import { releaseTableOf, type AlpineDataView } from '../../knowledge/alpineData';
import { releaseIn } from '../../knowledge/releaseData';
import type { KnowledgeEntry } from '../../knowledge/types';
import { isCommand, type ShellWord } from '../../shell/shellCommand';
import { docsUri } from '../../config/docs';
import { packageHover } from './packages';

const COMPAT_PACKAGES = new Set(['gcompat', 'libc6-compat', 'musl-dev', 'build-base']);
const LOCALE_VARIABLES = new Set(['LANG', 'LC_ALL', 'LANGUAGE', 'MUSL_LOCPATH']);

/** Renders one knowledge entry as Markdown. */
export function renderEntry(entry: KnowledgeEntry): string {
  const parts = [`**${entry.title}**`, entry.summary, entry.details];
  if (entry.remedies.length > 0) parts.push(`Remedies:\n${entry.remedies.map((remedy) => `- ${remedy}`).join('\n')}`);
  parts.push(`Sources: ${entry.references.map((reference) => `[${reference.title}](${reference.url})`).join(' · ')}`);
  parts.push(`_As of ${entry.asOf}._`);
  return parts.join('\n\n');
}

/** Alpinist's own hover Markdown at `position`, or undefined. */
export function computeAlpinistHover(analysis: Analysis, position: Position, today: string, alpineData?: AlpineDataView): string | undefined {
  const { model } = analysis;
  const offset = model.document.offsetAt(position);
  const sections: string[] = [];
  for (const finding of analysis.findings) {
    const start = model.document.offsetAt(finding.range.start);
    const end = model.document.offsetAt(finding.range.end);
    if (offset < start || offset > end) continue;
    sections.push(`**Alpinist \`${finding.ruleId}\`** — ${finding.rule.description} [Documentation](${docsUri(finding.ruleId)})`);
  }
  const instruction = model.instructions.find((candidate) => candidate.start <= offset && offset <= candidate.end);
  const knowledge = instruction ? knowledgeAt(model, instruction, offset, today, alpineData) : undefined;
  if (knowledge) sections.push(knowledge);
  return sections.length > 0 ? [...new Set(sections)].join('\n\n---\n\n') : undefined;
}

function knowledgeAt(model: DockerfileModel, instruction: Instruction, offset: number, today: string, alpineData: AlpineDataView | undefined): string | undefined {
  const stage = instruction.stage;
  if (instruction.keyword === 'FROM' && stage && stage.from === instruction && stage.family === 'alpine' && !stage.parent) {
    return fromHover(stage, today, alpineData);
  }
  if (!stage || !stage.isAlpineLike) return undefined;
  if (instruction.keyword === 'ENV') {
    const word = wordAt(model, instruction, offset);
    const name = word?.split('=')[0];
    if (name && LOCALE_VARIABLES.has(name)) return entryMarkdown('env-locale');
    return undefined;
  }
  if (instruction.keyword === 'ADD') {
    const source = instruction.sources.find((candidate) => candidate.start <= offset && offset <= candidate.end);
    return source ? glibcMarkdown(source.value) : undefined;
  }
  if (instruction.keyword !== 'RUN') return undefined;
  const run = stage.runs.find((candidate) => candidate.start === instruction.start);
  if (!run) return undefined;
  for (const call of run.apkCalls) {
    for (const flag of call.flags) {
      if (contains(flag.word, offset)) {
        const entry = findApkFlagEntry(flag.name) ?? findApkFlagEntry(flag.word.value ?? '');
        if (entry) return renderEntry(entry);
      }
    }
    for (const item of call.packages) {
      if (!contains(item.word, offset)) continue;
      // The index's entry first, then the musl/glibc note the knowledge base has for the package.
      const sections = [packageHover(stage, item, alpineData), COMPAT_PACKAGES.has(item.name) ? entryMarkdown(item.name) : undefined].filter((section) => section !== undefined);
      if (sections.length > 0) return sections.join('\n\n---\n\n');
    }
  }
  for (const command of run.commands) {
    const word = command.words.find((candidate) => contains(candidate, offset));
    if (!word) continue;
    const isPip = isCommand(command, 'pip', 'install') || isCommand(command, 'pip3', 'install') || ((command.name ?? '').startsWith('python') && command.words.some((candidate) => candidate.value === 'pip'));
    const text = word.value ?? word.raw;
    const glibc = URL_PATTERN.test(text) || text.endsWith('.whl') ? glibcMarkdown(text) : undefined;
    if (glibc) return glibc;
    if (isPip && command.words.indexOf(word) <= 3) return entryMarkdown('pip-install');
  }
  return undefined;
}

function fromHover(stage: Stage, today: string, alpineData: AlpineDataView | undefined): string {
  const base = findEntry('alpine-base');
  const lines: string[] = [];
  const release = stage.alpineRelease;
  // Why two sources: Alpine's releases.json when the server has it (dated the day it was fetched), else the table
  // written into Alpinist (dated the day it was checked).
  const table = releaseTableOf(alpineData);
  const where = table.source === 'releases.json' ? `Alpine's releases.json of ${table.asOf}` : `Alpinist's release table (as of ${table.asOf})`;
  if (release === 'edge') {
    lines.push('This stage is on **Alpine edge**, the moving development branch: packages change under you between builds.');
  } else if (release) {
    const facts = table.source === 'releases.json' ? releaseIn(table, release) : findRelease(release);
    if (facts) {
      const past = table.source === 'releases.json' ? today > facts.endOfSupport : isReleasePastSupport(release, today);
      const status = past ? `**past end of support** since ${facts.endOfSupport}` : `supported until ${facts.endOfSupport}`;
      lines.push(`This stage is on **Alpine ${release}** (released ${facts.released}, ${status}; latest is ${table.newest} according to ${where}).`);
    } else {
      lines.push(`This stage is on **Alpine ${release}**, which is not in ${where}.`);
    }
  } else {
    lines.push(`The tag does not name an Alpine release; according to ${where} the latest is ${table.newest}.`);
  }
  return [lines.join(' '), base ? renderEntry(base) : ''].filter(Boolean).join('\n\n');
}

/** What the glibc table says about a download or file name (the rule's words), then the musl/glibc background. */
function glibcMarkdown(text: string): string | undefined {
  const file = classifyGlibcFile(text);
  if (!file) return undefined;
  const remedy = GLIBC_REMEDIES[file.kind];
  return [`\`${file.fileName}\` ${remedy.what}; ${remedy.instead}.`, entryMarkdown('glibc-download')].filter(Boolean).join('\n\n');
}

function entryMarkdown(key: string): string | undefined {
  const entry = findEntry(key);
  return entry ? renderEntry(entry) : undefined;
}

function contains(word: ShellWord, offset: number): boolean {
  return word.start <= offset && offset <= word.end;
}

/** The whitespace-delimited word of an instruction's text under `offset`. */
function wordAt(model: DockerfileModel, instruction: Instruction, offset: number): string | undefined {
  const text = model.text;
  let start = offset;
  let end = offset;
  while (start > instruction.start && !/\s/.test(text[start - 1])) start--;
  while (end < instruction.end && !/\s/.test(text[end])) end++;
  return start === end ? undefined : text.slice(start, end);
}

/** Joins our Markdown with the library's hover (instruction documentation). */
export function mergeHovers(ours: string | undefined, library: Hover | null): Hover | null {
  if (!ours) return library;
  const libraryText = library ? hoverText(library) : '';
  const value = libraryText ? `${ours}\n\n---\n\n${libraryText}` : ours;
  const contents: MarkupContent = { kind: 'markdown', value };
  return library?.range ? { contents, range: library.range } : { contents };
}

function hoverText(hover: Hover): string {
  const contents = hover.contents;
  if (typeof contents === 'string') return contents;
  if (Array.isArray(contents)) return contents.map((item) => (typeof item === 'string' ? item : `\`\`\`${item.language}\n${item.value}\n\`\`\``)).join('\n\n');
  if ('kind' in contents) return contents.value;
  return `\`\`\`${contents.language}\n${contents.value}\n\`\`\``;
}
