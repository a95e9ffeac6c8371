/**
 * Why: `apt-get` in an Alpine stage (or `apk` in a Debian or RHEL stage) fails with "not found" at build time; it is
 * usually a base image swapped without updating the RUN lines. Multi-distro scripts that check for the tool first
 * (`if command -v apt-get`, `command -v apk && apk add …`, `apt-get install … || apk add …`) are left alone.
 */
import { type DockerfileModel, type RunInstruction, type Stage } from '../dockerfile/model';
import { parseImageReference } from '../dockerfile/image';
import type { ShellCommand } from '../shell/shellCommand';
import { defineRule } from './rule';

/** Package managers of other distributions, with what they belong to. */
const FOREIGN_TO_ALPINE: ReadonlyMap<string, string> = new Map([
  ['apt-get', 'Debian\'s'],
  ['apt', 'Debian\'s'],
  ['aptitude', 'Debian\'s'],
  ['yum', 'Red Hat\'s'],
  ['dnf', 'Red Hat\'s'],
  ['microdnf', 'Red Hat\'s'],
  ['zypper', 'openSUSE\'s'],
]);

/** How much text before a command can hold its `[ … ] 2>/dev/null &&` guard. */
const MAX_GUARD_LENGTH = 512;

/** Commands that test whether a tool or file exists, used to guard multi-distro scripts. */
const CHECK_COMMANDS = new Set(['command', 'which', 'type', 'hash', 'test', '[', '[[', 'whereis']);

/** What the stage's own package manager is called, for the message; undefined when the rule does not apply. */
function nativeTool(stage: Stage): { family: string; install: string; names: readonly string[] } | undefined {
  switch (stage.family) {
    case 'alpine':
      return { family: 'Alpine', install: '`apk add --no-cache`', names: ['apk'] };
    case 'debian':
      return { family: 'Debian', install: '`apt-get install`', names: ['apt-get', 'apt', 'aptitude'] };
    case 'rhel': {
      const repository = stage.resolvedImage === undefined ? undefined : parseImageReference(stage.resolvedImage)?.repository;
      if (repository?.startsWith('opensuse/')) return { family: 'openSUSE', install: '`zypper install`', names: ['zypper'] };
      if (repository === 'photon') return { family: 'Photon OS', install: '`tdnf install`', names: ['tdnf', 'yum'] };
      return { family: 'Red Hat', install: '`dnf`, `microdnf` or `yum`', names: ['dnf', 'microdnf', 'yum'] };
    }
    default:
      return undefined;
  }
}

function isForeign(stage: Stage, name: string): boolean {
  if (stage.family === 'alpine') return FOREIGN_TO_ALPINE.has(name);
  return name === 'apk';
}

/**
 * The `&&`/`||` list around `position`: neighbouring top-level commands joined by `&&` or `||`.
 * Returns the index range [first, last] within `commands`.
 */
function andOrList(commands: readonly ShellCommand[], position: number): [number, number] {
  const joins = (separator: string): boolean => separator === '&&' || separator === '||';
  let first = position;
  while (first > 0 && joins(commands[first].separatorBefore) && commands[first - 1].isTopLevel) first--;
  let last = position;
  while (last < commands.length - 1 && joins(commands[last].separatorAfter) && commands[last + 1].isTopLevel) last++;
  return [first, last];
}

/** The source between the previous command (or the start of the RUN) and `command`, without line continuations. */
function textBefore(model: DockerfileModel, run: RunInstruction, position: number): string {
  const previous = run.commands[position - 1];
  const from = previous ? previous.end : run.bodyStart;
  return model.text.slice(from, run.commands[position].start).replace(/[\\`]\r?\n/g, ' ');
}

/**
 * True when the command only runs after a check for the tool (`command -v apt-get && …`, `[ -x … ] && …`), or is a
 * fallback joined by `||` to the stage's own package manager: the script is written for several distributions.
 */
function isGuarded(model: DockerfileModel, run: RunInstruction, position: number, native: readonly string[]): boolean {
  const commands = run.commands;
  const [first, last] = andOrList(commands, position);
  for (let index = first; index < position; index++) {
    if (CHECK_COMMANDS.has(commands[index].name ?? '')) return true;
  }
  // `[ … ]` and `[[ … ]]` are test expressions, not commands, in the shell model: look at the text before.
  // Note: only the end of the text can match; the pattern is quadratic on long text (`]>]>…`).
  if (/\]\]?\s*(?:\d?>[^&|;]*)?&&\s*$/.test(textBefore(model, run, first).slice(-MAX_GUARD_LENGTH))) return true;
  const hasOr = commands.slice(first, last + 1).some((command, offset) => offset > 0 && command.separatorBefore === '||');
  if (hasOr && commands.slice(first, last + 1).some((command) => native.includes(command.name ?? ''))) return true;
  return false;
}

export default defineRule({
  id: 'no-foreign-package-manager',
  description: 'Report package managers of another distribution, such as `apt-get` in an Alpine stage or `apk` in a Debian stage.',
  defaultSeverity: 'error',
  check(context) {
    const model = context.dockerfile;
    for (const run of model.runs) {
      const stage = run.stage;
      if (!stage) continue;
      const native = nativeTool(stage);
      if (!native) continue;
      run.commands.forEach((command, position) => {
        const name = command.name;
        if (name === undefined || !command.isTopLevel || !isForeign(stage, name)) return;
        if (isGuarded(model, run, position, native.names)) return;
        const owner = stage.family === 'alpine' ? FOREIGN_TO_ALPINE.get(name) : 'Alpine\'s';
        const nameWord = command.words[0];
        context.report({
          at: nameWord,
          message: `\`${name}\` is ${owner} package manager and does not exist in this ${native.family}-based stage; install packages with ${native.install}.`,
        });
      });
    }
  },
});
