/**
 * The checks the yum, dnf/microdnf and zypper rules share (hadolint has one code per tool for each): `-y`, a cache
 * cleanup in the same RUN, and versions on packages. Each rule file picks its tools and wording.
 */
import type { RunInstruction } from '../../dockerfile/model';
import { appendStep } from '../../edits/append';
import { insertArgumentAfter } from '../../edits/edits';
import { hasOption } from '../../shell/cli';
import { parseRpmCall, type RpmCall, type RpmTool } from '../../shell/rpm';
import type { ShellWord } from '../../shell/shellCommand';
import { memoOn } from '../../util/memo';
import { spanOf } from '../../util/span';
import type { RuleContext } from '../rule';
import { isMountedCache, reachesImage, removesPath } from './cleanup';

/** Subcommands that change installed packages and ask for confirmation without `-y`. */
const TRANSACTIONS = new Set(['install', 'reinstall', 'upgrade', 'update', 'upgrade-minimal', 'downgrade', 'distro-sync', 'dist-upgrade', 'remove', 'autoremove', 'patch', 'source-install']);
/** Subcommands that download packages or metadata into the cache. */
const DOWNLOADS = new Set(['install', 'reinstall', 'upgrade', 'update', 'upgrade-minimal', 'downgrade', 'distro-sync', 'dist-upgrade', 'patch', 'source-install']);
/** Cache directories per tool: yum(8), dnf 4 and dnf 5, microdnf, zypper(8). */
const CACHE_DIRECTORIES: Readonly<Record<RpmTool, readonly string[]>> = {
  yum: ['/var/cache/yum'],
  dnf: ['/var/cache/dnf', '/var/cache/libdnf5', '/var/cache/yum'],
  microdnf: ['/var/cache/dnf', '/var/cache/libdnf5', '/var/cache/yum'],
  zypper: ['/var/cache/zypp'],
};

const RPM_CALLS = Symbol('rpm calls');

/** The rpm calls of every RUN made by one of `tools`, with the RUN. */
function callsOf(context: RuleContext, tools: readonly RpmTool[]): [RpmCall, RunInstruction][] {
  // Why once per model: a dozen rules ask, and most files have no such call.
  const all = memoOn(context.dockerfile, RPM_CALLS, () => {
    const found: [RpmCall, RunInstruction][] = [];
    for (const run of context.dockerfile.runs) {
      for (const command of run.commands) {
        const call = parseRpmCall(command);
        if (call) found.push([call, run]);
      }
    }
    return found;
  });
  return all.length === 0 ? all : all.filter(([call]) => tools.includes(call.tool));
}

function callText(call: RpmCall): string {
  return call.scope ? `${call.tool} ${call.scope} ${call.subcommandWord?.value ?? ''}` : `${call.tool} ${call.subcommandWord?.value ?? ''}`;
}

/** `-y` (`-n` for zypper) missing from a command that asks for confirmation. */
export function checkAssumeYes(context: RuleContext, tools: readonly RpmTool[]): void {
  for (const [call, run] of callsOf(context, tools)) {
    if (!call.subcommandWord || call.subcommand === undefined || !TRANSACTIONS.has(call.subcommand) || call.line.unknown.length > 0) continue;
    const zypper = call.tool === 'zypper';
    if (zypper ? hasOption(call.line, '-n', '--non-interactive', '-y', '--no-confirm') : hasOption(call.line, '-y', '--assumeyes', '--assume-yes')) continue;
    const flag = zypper ? '-n' : '-y';
    context.report({
      at: spanOf(call.programWord, call.subcommandWord),
      message: `\`${callText(call)}\` without \`${zypper ? '-n' : '-y'}\` stops at its confirmation prompt, which a build cannot answer.`,
      fixes: [
        {
          title: `Add \`${flag}\` to \`${callText(call)}\``,
          kind: 'safe',
          // Why: zypper's `-n` is a global option, valid before every subcommand.
          edits: [insertArgumentAfter(run, zypper ? call.programWord : call.subcommandWord, flag)],
        },
      ],
    });
  }
}

/** The last downloading call of a RUN without the tool's clean (or removal of its cache) after it. */
export function checkCleanup(context: RuleContext, tools: readonly RpmTool[]): void {
  const model = context.dockerfile;
  const last = new Map<object, RpmCall>();
  for (const [call, run] of callsOf(context, tools)) {
    if (call.subcommand !== undefined && DOWNLOADS.has(call.subcommand) && call.subcommandWord) last.set(run, call);
  }
  for (const run of model.runs) {
    const call = last.get(run);
    if (!call?.subcommandWord || !reachesImage(model, run)) continue;
    const directories = CACHE_DIRECTORIES[call.tool];
    if (directories.some((directory) => isMountedCache(run, directory))) continue;
    const cleaned = run.commands.some((command) => {
      if (command.start <= call.command.end) return false;
      const clean = parseRpmCall(command);
      if (clean?.tool === call.tool && clean.subcommand === 'clean') return call.tool === 'zypper' || clean.operands.some((word) => word.value === 'all');
      return removesPath(command, (path) => directories.some((directory) => path === directory || path.startsWith(`${directory}/`)));
    });
    if (cleaned) continue;
    const step = call.tool === 'zypper' ? 'zypper clean' : `${call.tool} clean all`;
    const edit = appendStep(run, step);
    context.report({
      at: spanOf(call.programWord, call.subcommandWord),
      message: `\`${callText(call)}\` leaves its package cache in the image layer; this \`RUN\` never runs \`${step}\` after it.`,
      fixes: edit && [{ title: `Append \`${step}\` to this \`RUN\``, kind: 'safe', edits: [edit] }],
    });
  }
}

/** A yum/dnf package spec carries a version: `name-1.2`, `name-1:1.2-3.el9`, `name-9*` (rpm's name-version-release). */
const RPM_VERSIONED = /-(?:\d+:)?\d[^-]*(?:-\d[^-]*)?$/;

/** Packages of `install` without a version (`name-version` for yum/dnf, `name=version` or a comparison for zypper). */
export function checkPinned(context: RuleContext, tools: readonly RpmTool[]): void {
  for (const [call] of callsOf(context, tools)) {
    if (call.subcommand !== 'install' || call.scope === 'group') continue;
    const type = call.line.options.find((option) => option.name === '-t' || option.name === '--type');
    if (type && type.value !== 'package') continue;
    for (const word of call.operands) {
      if (isPinned(call, word)) continue;
      const value = word.value as string;
      const example = call.tool === 'zypper' ? `${value}=<version>` : call.scope === 'module' ? `${value}:<stream>` : `${value}-<version>`;
      context.report({ at: word, message: `\`${value}\` is installed without a version (\`${example}\`), so a rebuild can install a different one.` });
    }
  }
}

function isPinned(call: RpmCall, word: ShellWord): boolean {
  const value = word.value;
  // Why: a variable may hold the version, and files, paths, URLs, groups (`@name`) and capabilities name what they install.
  if (value === undefined || value.endsWith('.rpm') || value.includes('/') || value.startsWith('@') || value.includes('(')) return true;
  if (call.tool === 'zypper') return /[=<>]/.test(value);
  if (call.scope === 'module') return value.includes(':');
  return RPM_VERSIONED.test(value);
}
