/**
 * Edits on the package words of an `apk add`: removing one package so the command stays valid (its line goes when
 * it sat alone on a continuation line; the whole command or RUN goes when it was the only package).
 */
import type { DockerfileModel, RunInstruction } from '../../dockerfile/model';
import { removeCommand, removeInstruction, removeWord, replace, type Edit } from '../../edits/edits';
import type { ApkCall, ApkPackage } from '../../shell/apk';
import { writesIndex } from './apkLayers';

/**
 * Removes a package word. When it sits alone on a continuation line, the whole line goes, so no empty
 * continuation is left behind (`python3 \\` / `python \\` / `gcc`, or `python` as the last line).
 */
export function removePackage(model: DockerfileModel, run: RunInstruction, pkg: ApkPackage): Edit {
  const { text, escapeChar } = model;
  const { start, end } = pkg.word;
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  if (run.form !== 'exec' && lineStart > 0 && text.slice(lineStart, start).trim() === '') {
    const after = /^[ \t]*(\S?)(\r?\n|$)/.exec(text.slice(end, end + 200));
    if (after && after[1] === escapeChar) return replace({ start: lineStart, end: end + after[0].length }, '');
    const before = /[ \t]*(\S)\r?\n$/.exec(text.slice(Math.max(0, lineStart - 200), lineStart));
    if (after && after[1] === '' && before && before[1] === escapeChar) {
      return replace({ start: lineStart - before[0].length, end: end + after[0].length - after[2].length }, '');
    }
  }
  return removeWord(model, run, pkg.word);
}

/**
 * Edits that take `pkgs` (packages of `call`) out of the install. When nothing else is left to install the whole
 * command goes (the whole RUN when it was its only command); undefined when that removal cannot be done without
 * changing something else: a `--virtual` group a later `apk del` names, an index refresh (`-U`) other commands read,
 * a command inside `if`/`||`.
 */
export function packagesRemoval(model: DockerfileModel, run: RunInstruction, call: ApkCall, pkgs: readonly ApkPackage[]): Edit[] | undefined {
  const remaining = call.packages.filter((pkg) => !pkgs.includes(pkg));
  if (remaining.length > 0) return pkgs.map((pkg) => removePackage(model, run, pkg));
  if (call.virtualName !== undefined || writesIndex(call)) return undefined;
  const isOnlyCommand = run.commands.length === 1 && run.commands[0] === call.command && call.command.isTopLevel && call.command.redirects.length === 0;
  if (isOnlyCommand) return [removeInstruction(model, run)];
  const removal = removeCommand(run, call.command);
  return removal ? [removal] : undefined;
}
