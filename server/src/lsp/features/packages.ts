/**
 * Alpine packages where apk names them: completion of package names (and versions after `=`) inside `apk add` /
 * `apk del`, and the hover of a package word, from the package index of the stage's release. `apk del` first offers
 * what the stage installed before it (its virtual groups, then its packages), with or without an index. Pure: an
 * analysis, an offset and the Alpine data in; completion items and Markdown out. Without an index of the stage's
 * release there is nothing else to offer (the musl/glibc notes of hover.ts still apply).
 */
import { CompletionItemKind, MarkupKind, type CompletionItem, type CompletionList, type Range } from 'vscode-languageserver-types';
import type { Analysis } from '../../analysis/analysis';
import type { DockerfileModel, RunInstruction, Stage } from '../../dockerfile/model';
import { describeIndex, type AlpineDataView, type PackageIndexSnapshot } from '../../knowledge/alpineData';
import type { ApkPackageInfo } from '../../knowledge/apkIndex';
import { branchOf } from '../../knowledge/releaseData';
import { apkFlagTakesValue, type ApkCall, type ApkPackage } from '../../shell/apk';

/** Most names one completion answers; the list is marked incomplete beyond it, so typing more narrows it. */
export const MAX_PACKAGE_ITEMS = 200;

/** The package index of the stage's release (official Alpine with a known release only). */
export function indexOfStage(stage: Stage | undefined, view: AlpineDataView | undefined): PackageIndexSnapshot | undefined {
  if (!stage || stage.family !== 'alpine' || !view) return undefined;
  const branch = branchOf(stage.alpineRelease);
  return branch === undefined ? undefined : view.packages(branch);
}

/** The RUN instruction at `offset` and the apk call whose command holds it, if any. */
function apkCallAt(model: DockerfileModel, offset: number): { run: RunInstruction; call: ApkCall } | undefined {
  const instruction = model.instructions.find((candidate) => candidate.start <= offset && offset <= candidate.end);
  if (!instruction || instruction.keyword !== 'RUN') return undefined;
  const run = instruction.stage?.runs.find((candidate) => candidate.start === instruction.start);
  if (!run) return undefined;
  for (const call of run.apkCalls) {
    if (call.command.start <= offset && (offset <= call.command.end || onlyBlanksBetween(model.text, call.command.end, offset))) return { run, call };
  }
  return undefined;
}

/** Whether `text` between the offsets is only spaces, tabs and line continuations (the command goes on). */
function onlyBlanksBetween(text: string, start: number, end: number): boolean {
  for (let index = start; index < end; index++) {
    const char = text[index];
    if (char === ' ' || char === '\t') continue;
    if (char === '\\' && (text[index + 1] === '\n' || (text[index + 1] === '\r' && text[index + 2] === '\n'))) {
      index += text[index + 1] === '\r' ? 2 : 1;
      continue;
    }
    return false;
  }
  return true;
}

const isBlank = (char: string | undefined): boolean => char === ' ' || char === '\t' || char === '\n' || char === '\r';

/** Package names (or versions after `=`) for the word being typed at `offset` in `apk add` / `apk del`. */
export function packageCompletions(analysis: Analysis, offset: number, view: AlpineDataView | undefined): CompletionList | undefined {
  const { model } = analysis;
  const found = apkCallAt(model, offset);
  if (!found) return undefined;
  const { run, call } = found;
  if ((call.subcommand !== 'add' && call.subcommand !== 'del') || !call.subcommandWord || offset <= call.subcommandWord.end) return undefined;
  const text = model.text;
  let start = offset;
  while (start > call.command.start && !isBlank(text[start - 1])) start--;
  const typed = text.slice(start, offset);
  if (typed.startsWith('-') || typed.startsWith('$') || typed.startsWith('"') || typed.startsWith('\'')) return undefined;
  // The value of `-t`, `--virtual`, `-X` …: a name of the user's own, not a package.
  if (call.flags.some((flag) => flag.valueWord?.start === start)) return undefined;
  const previous = call.command.words.filter((word) => word.end <= start).at(-1);
  if (previous?.value !== undefined && apkFlagTakesValue(previous.value) && !call.flags.some((flag) => flag.word === previous && flag.valueWord && flag.valueWord.start < start)) return undefined;
  const snapshot = indexOfStage(run.stage, view);
  const range = { start: model.document.positionAt(start), end: model.document.positionAt(offset) };
  const equals = typed.indexOf('=');
  const listed = new Set(call.packages.filter((pkg: ApkPackage) => pkg.word.start !== start).map((pkg) => pkg.name));
  // `apk del`: what this stage installed before the call comes first (virtual groups, then packages), index or not.
  const installed = call.subcommand === 'del' && equals === -1 ? installedItems(model, run, call, typed, listed, range) : [];
  if (!snapshot) return installed.length > 0 ? { isIncomplete: false, items: installed } : undefined;
  if (equals !== -1) {
    const name = typed.slice(0, equals);
    const info = snapshot.index.get(name);
    if (!info) return undefined;
    const items = info.versions.map((version, order): CompletionItem => ({
      label: `${name}=${version}`,
      kind: CompletionItemKind.Value,
      detail: order === 0 ? `newest in ${describeIndex(snapshot)}` : `also in ${describeIndex(snapshot)}`,
      sortText: String(order).padStart(4, '0'),
      filterText: `${name}=${version}`,
      documentation: { kind: MarkupKind.Markdown, value: packageMarkdown(info, snapshot) },
      textEdit: { range, newText: `${name}=${version}` },
    }));
    return { isIncomplete: false, items };
  }
  for (const item of installed) listed.add(item.label);
  const names = snapshot.index.names();
  const items: CompletionItem[] = [...installed];
  let truncated = false;
  for (let index = lowerBound(names, typed); index < names.length && names[index].startsWith(typed); index++) {
    if (listed.has(names[index])) continue;
    if (items.length - installed.length === MAX_PACKAGE_ITEMS) {
      truncated = true;
      break;
    }
    const info = snapshot.index.get(names[index]);
    if (info) items.push(packageItem(info, snapshot, range));
  }
  return { isIncomplete: truncated, items };
}

/**
 * For `apk del`: the virtual groups and packages that `apk add` calls of the stage installed before `call` (earlier
 * RUNs, and earlier in the same RUN), less what an earlier `apk del` removed, starting with `typed`.
 */
function installedItems(model: DockerfileModel, run: RunInstruction, call: ApkCall, typed: string, listed: ReadonlySet<string>, range: Range): CompletionItem[] {
  const groups = new Map<string, { line: number; packages: string[] }>();
  const packages = new Map<string, number>();
  for (const earlier of run.stage?.runs ?? []) {
    if (earlier.start > run.start) break;
    for (const apk of earlier.apkCalls) {
      if (earlier === run && apk.command.start >= call.command.start) break;
      const names = apk.packages.filter((pkg) => pkg.kind === 'name' && pkg.name !== '').map((pkg) => pkg.name);
      if (apk.subcommand === 'add') {
        const line = model.document.positionAt(apk.command.start).line + 1;
        if (apk.virtualName !== undefined) groups.set(apk.virtualName, { line, packages: names });
        for (const name of names) packages.set(name, line);
      } else if (apk.subcommand === 'del') {
        for (const name of names) {
          groups.delete(name);
          packages.delete(name);
        }
      }
    }
  }
  const items: CompletionItem[] = [];
  for (const [name, group] of groups) {
    if (!name.startsWith(typed) || listed.has(name)) continue;
    items.push({ label: name, kind: CompletionItemKind.Folder, detail: `virtual group, installed on line ${group.line}`, labelDetails: { description: group.packages.join(' ') }, sortText: `0${name}`, textEdit: { range, newText: name } });
  }
  for (const [name, line] of packages) {
    if (!name.startsWith(typed) || listed.has(name) || groups.has(name)) continue;
    items.push({ label: name, kind: CompletionItemKind.Module, detail: `installed on line ${line}`, sortText: `1${name}`, textEdit: { range, newText: name } });
  }
  return items;
}

function packageItem(info: ApkPackageInfo, snapshot: PackageIndexSnapshot, range: Range): CompletionItem {
  return {
    sortText: `2${info.name}`,
    label: info.name,
    kind: CompletionItemKind.Module,
    detail: `${info.version} (${info.repository})`,
    labelDetails: { description: info.description },
    documentation: { kind: MarkupKind.Markdown, value: packageMarkdown(info, snapshot) },
    textEdit: { range, newText: info.name },
  };
}

/** The first index of `names` (sorted) not below `prefix`. */
function lowerBound(names: readonly string[], prefix: string): number {
  let low = 0;
  let high = names.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (names[middle] < prefix) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** What the index says about a package, as Markdown. */
export function packageMarkdown(info: ApkPackageInfo, snapshot: PackageIndexSnapshot): string {
  const facts = [`\`${info.version}\``, `repository \`${info.repository}\``];
  if (info.origin !== info.name) facts.push(`built from \`${info.origin}\``);
  if (info.license) facts.push(`licence ${info.license}`);
  const lines = [`**${info.name}** — ${info.description || 'no description'}`, facts.join(' · ')];
  if (info.versions.length > 1) lines.push(`Also in the index: ${info.versions.slice(1).map((version) => `\`${version}\``).join(', ')}.`);
  if (info.url) lines.push(`[Project](${info.url})`);
  lines.push(`_${describeIndex(snapshot)}._`);
  return lines.join('\n\n');
}

/**
 * The hover of a package word of `apk add`/`apk del`/…: the index's entry, or the packages that provide the name
 * (`py-pip` → `py3-pip`). Undefined when the stage has no index or the index does not know the name.
 */
export function packageHover(stage: Stage | undefined, pkg: ApkPackage, view: AlpineDataView | undefined): string | undefined {
  if (pkg.kind !== 'name' || pkg.tag !== undefined) return undefined;
  const snapshot = indexOfStage(stage, view);
  if (!snapshot) return undefined;
  const info = snapshot.index.get(pkg.name);
  if (info) {
    const markdown = packageMarkdown(info, snapshot);
    const pinned = pkg.constraint?.operator === '=' ? pkg.constraint.version : undefined;
    if (pinned !== undefined && !info.versions.includes(pinned)) return `${markdown}\n\nThe pinned \`${pinned}\` is not in this index.`;
    return markdown;
  }
  const providers = snapshot.index.providersOf(pkg.name);
  if (providers.length === 0) return undefined;
  const described = providers.slice(0, 5).map((name) => {
    const provider = snapshot.index.get(name);
    return provider ? `\`${name}\` ${provider.version} — ${provider.description}` : `\`${name}\``;
  });
  return [`**${pkg.name}** is not a package of its own; \`apk\` installs a package that provides it:`, described.map((line) => `- ${line}`).join('\n'), `_${describeIndex(snapshot)}._`].join('\n\n');
}
