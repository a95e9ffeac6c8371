/**
 * Why: Alpine images have BusyBox `sh` only. A `bash`, `zsh` or `fish` that nothing installed is "not found" when
 * the build runs it (RUN, SHELL) or when the container starts (CMD, ENTRYPOINT, HEALTHCHECK).
 */
import { parseImageReference } from '../dockerfile/image';
import { stageChain, type Stage } from '../dockerfile/model';
import type { Instruction, Token } from '../dockerfile/instructions';
import type { RunInstruction } from '../dockerfile/run';
import { insertAt, replace } from '../edits/edits';
import { IMAGES_WITHOUT_OPTIONAL_SHELLS, OPTIONAL_SHELLS, programName } from '../knowledge/shells';
import type { ApkCall } from '../shell/apk';
import type { ShellWord } from '../shell/shellCommand';
import type { Span } from '../util/span';
import { defineRule, type Fix, type RuleContext } from './rule';

/** What the stage chain installs before a point: shells by name, and whether an unreadable `apk add` could add any. */
interface Installs {
  readonly shells: Set<string>;
  opaque: boolean;
}

/** True when the root of the stage chain is an image known to carry no optional shell. */
function startsWithoutShells(stage: Stage): boolean {
  const root = stageChain(stage).at(-1);
  if (!root?.resolvedImage || root.family !== 'alpine') return false;
  const reference = parseImageReference(root.resolvedImage);
  if (!reference) return false;
  const registry = reference.registry;
  if (registry !== undefined && registry !== 'docker.io' && registry !== 'index.docker.io') return false;
  const repository = reference.repository.startsWith('library/') ? reference.repository.slice('library/'.length) : reference.repository;
  return IMAGES_WITHOUT_OPTIONAL_SHELLS.has(repository);
}

function record(installs: Installs, call: ApkCall): void {
  if (call.subcommand !== 'add') return;
  for (const pkg of call.packages) {
    if (pkg.kind === 'opaque') installs.opaque = true;
    else if (pkg.kind === 'name' && OPTIONAL_SHELLS.has(pkg.name)) installs.shells.add(pkg.name);
  }
}

/** Span of a word's text inside its quotes (exec-form JSON strings, quoted shell words). */
function innerSpan(token: { readonly raw: string; readonly start: number; readonly end: number }): Span {
  const quote = token.raw[0];
  if ((quote === '"' || quote === '\'') && token.raw.length >= 2 && token.raw.endsWith(quote)) return { start: token.start + 1, end: token.end - 1 };
  return token;
}

/** The shell an exec-form or shell-form command line starts, as its first word or through `/usr/bin/env NAME`. */
function shellWordOf(words: readonly (Token | ShellWord)[]): (Token | ShellWord) | undefined {
  const [first, second] = words;
  if (first?.value === undefined) return undefined;
  if (OPTIONAL_SHELLS.has(programName(first.value))) return first;
  if (programName(first.value) === 'env' && second?.value !== undefined && OPTIONAL_SHELLS.has(second.value)) return second;
  return undefined;
}

const SHEBANG = /^#![ \t]*(\S+)(?:[ \t]+(\S+))?/;

/** A heredoc script's `#!` line naming an optional shell: the span of the shell's name in it. */
function shebangShell(context: RuleContext, run: RunInstruction): { shell: string; at: Span } | undefined {
  for (const heredoc of run.heredocs) {
    if (!heredoc.contentSpan) continue;
    const text = context.dockerfile.text;
    let lineEnd = heredoc.contentSpan.start;
    while (lineEnd < heredoc.contentSpan.end && text[lineEnd] !== '\n' && text[lineEnd] !== '\r') lineEnd++;
    const line = text.slice(heredoc.contentSpan.start, lineEnd);
    const match = SHEBANG.exec(line);
    if (!match) continue;
    const program = programName(match[1]);
    const name = program === 'env' && match[2] !== undefined ? match[2] : program;
    if (!OPTIONAL_SHELLS.has(name)) continue;
    const offset = heredoc.contentSpan.start + line.indexOf(name, 2);
    return { shell: name, at: { start: offset, end: offset + name.length } };
  }
  return undefined;
}

/** The first `apk add` of the stage chain before `offset` that lists packages by name: where a shell can be added. */
function firstApkAdd(stage: Stage, offset: number): { run: RunInstruction; call: ApkCall } | undefined {
  for (const current of stageChain(stage).reverse()) {
    for (const run of current.runs) {
      if (run.start >= offset) return undefined;
      if (run.form === 'exec' || run.isOnbuild) continue;
      const call = run.apkCalls.find((candidate) => candidate.subcommand === 'add' && candidate.packages.some((pkg) => pkg.kind === 'name'));
      if (call && call.command.end <= offset) return { run, call };
    }
  }
  return undefined;
}

function installFix(stage: Stage, shell: string, offset: number): Fix | undefined {
  const found = firstApkAdd(stage, offset);
  if (!found) return undefined;
  const last = found.call.packages.at(-1);
  if (!last) return undefined;
  return { title: `Install \`${shell}\` with the stage's first \`apk add\``, kind: 'suggestion', edits: [insertAt(last.word.end, ` ${shell}`)] };
}

function useShFix(word: Token | ShellWord, shell: string): Fix | undefined {
  const inner = innerSpan(word);
  if (word.value !== `/bin/${shell}` && word.value !== shell) return undefined;
  return { title: 'Use BusyBox `/bin/sh` (only if the script has no bash-only syntax)', kind: 'suggestion', edits: [replace(inner, '/bin/sh')] };
}

function where(instruction: Instruction): string {
  return instruction.keyword === 'RUN' || instruction.keyword === 'SHELL' ? 'the build stops with "not found"' : 'the container fails to start with "not found"';
}

export default defineRule({
  id: 'shell-require-installed',
  description: 'Report `bash`, `zsh` or `fish` used on an Alpine image that never installs them.',
  defaultSeverity: 'error',
  fixSummary: 'suggestion: add the shell to the first `apk add`, or `/bin/sh`',
  check(context) {
    for (const stage of context.dockerfile.stages) {
      if (!startsWithoutShells(stage)) continue;
      const installs: Installs = { shells: new Set(), opaque: false };
      const chain = stageChain(stage).reverse();
      const ancestors = chain.slice(0, -1);
      for (const ancestor of ancestors) for (const run of ancestor.runs) if (!run.isOnbuild) for (const call of run.apkCalls) record(installs, call);
      // The programs a container runs are there if any RUN of the chain installs them, before or after.
      const everything: Installs = { shells: new Set(installs.shells), opaque: installs.opaque };
      for (const run of stage.runs) if (!run.isOnbuild) for (const call of run.apkCalls) record(everything, call);
      const missing = (state: Installs, shell: string): boolean => !state.opaque && !state.shells.has(shell);
      let shellIsOptional = false;
      for (const instruction of stage.instructions) {
        if (instruction.isOnbuild) continue;
        if (instruction.keyword === 'RUN') {
          const run = instruction;
          if (!shellIsOptional) {
            const shebang = run.form === 'heredoc' ? shebangShell(context, run) : undefined;
            if (shebang && missing(installs, shebang.shell)) {
              context.report({ at: shebang.at, message: `\`${shebang.shell}\` is not installed on this Alpine image at this point, so ${where(run)}.`, fixes: optional([installFix(stage, shebang.shell, run.start)]) });
            }
            // Note: what the RUN's own `apk add` calls installed so far, copied from `installs` at the first one.
            let state: Installs | undefined;
            for (const command of run.commands) {
              const call = run.apkCallOf(command);
              if (call) {
                record((state ??= { shells: new Set(installs.shells), opaque: installs.opaque }), call);
                continue;
              }
              const word = command.name !== undefined ? shellWordOf(command.words) : undefined;
              if (!word?.value) continue;
              const shell = programName(word.value);
              const name = OPTIONAL_SHELLS.has(shell) ? shell : word.value;
              if (!missing(state ?? installs, name)) continue;
              context.report({ at: word, message: `\`${name}\` is not installed on this Alpine image at this point, so ${where(run)}.`, fixes: optional([installFix(stage, name, command.start)]) });
            }
          }
          for (const call of run.apkCalls) record(installs, call);
          continue;
        }
        if (instruction.keyword !== 'SHELL' && instruction.keyword !== 'CMD' && instruction.keyword !== 'ENTRYPOINT' && instruction.keyword !== 'HEALTHCHECK') continue;
        const command = instruction.command;
        if (!command) continue;
        const words = command.form === 'exec' ? command.words : command.words;
        const word = shellWordOf(words);
        if (!word?.value) continue;
        const shell = OPTIONAL_SHELLS.has(programName(word.value)) ? programName(word.value) : word.value;
        if (instruction.keyword === 'SHELL') {
          // Later RUNs run in this shell: the SHELL line is the one place to report.
          if (missing(installs, shell)) {
            context.report({ at: innerSpan(word), message: `\`${shell}\` is not installed on this Alpine image at this point, so ${where(instruction)}.`, fixes: optional([installFix(stage, shell, instruction.start), useShFix(word, shell)]) });
          }
          shellIsOptional = true;
          continue;
        }
        if (!missing(everything, shell)) continue;
        context.report({ at: innerSpan(word), message: `\`${shell}\` is never installed on this Alpine image, so ${where(instruction)}.`, fixes: optional([installFix(stage, shell, Number.POSITIVE_INFINITY), command.form === 'exec' ? useShFix(word, shell) : undefined]) });
      }
    }
  },
});

function optional(fixes: readonly (Fix | undefined)[]): Fix[] {
  return fixes.filter((fix): fix is Fix => fix !== undefined);
}
