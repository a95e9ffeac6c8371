/**
 * The shell scripts of a Dockerfile as ShellCheck should read them, each with a map from every character back to its
 * Dockerfile offset. A shell-form RUN is one script: its body with line continuations joined and the comment lines
 * inside them dropped, as Docker does before the shell runs. A heredoc RUN whose command is only the heredoc
 * (`RUN <<EOF`), or a shell reading it (`RUN bash <<EOF`), runs the heredoc body as the script, line for line; any
 * other heredoc RUN (`RUN cat <<EOF > /etc/motd`) is one script of the command line and its heredocs, which the shell
 * reads as data. Exec-form RUNs run no shell and give no script.
 * Names of the ARGs and ENVs visible at the RUN are declared on an added line (`export NAME=1 …`) so ShellCheck does
 * not take them for unassigned variables; that line maps to no Dockerfile offset.
 */
import type { DockerfileModel, RunInstruction } from '../dockerfile/model';
import { joinContinuationLines, verbatimSegment, type ShellSegment } from '../shell/segment';
import { dialectAt, dialectOfInterpreter, type Dialect } from './dialect';

export interface ShellScript {
  readonly run: RunInstruction;
  readonly dialect: Dialect;
  /** What ShellCheck reads. */
  readonly text: string;
  /**
   * `offsets[i]` is the document offset of `text[i]`, or -1 for a character Alpinist added (the declarations);
   * `offsets[text.length]` is the offset just past the last mapped character.
   */
  readonly offsets: Int32Array;
}

/**
 * Set by Docker for every build without being declared (BuildKit's predefined proxy arguments); hadolint declares the
 * same names.
 */
const PREDEFINED = ['HTTP_PROXY', 'http_proxy', 'HTTPS_PROXY', 'https_proxy', 'FTP_PROXY', 'ftp_proxy', 'NO_PROXY', 'no_proxy', 'ALL_PROXY', 'all_proxy'];

/** Every script of the file, in document order. */
export function shellScriptsOf(model: DockerfileModel): ShellScript[] {
  const scripts: ShellScript[] = [];
  for (const run of model.runs) {
    for (const script of scriptsOfRun(model, run)) scripts.push(script);
  }
  return scripts;
}

function scriptsOfRun(model: DockerfileModel, run: RunInstruction): ShellScript[] {
  if (run.form === 'exec' || run.bodyStart >= run.end) return [];
  const stageDialect = dialectAt(run.stage, run.start);
  const declared = declaredNames(run);
  const { text, escapeChar } = model;
  if (run.form === 'shell') {
    if (!stageDialect) return [];
    return [buildScript(run, stageDialect, declared, [joinContinuationLines(text, run.bodyStart, run.end, escapeChar)])];
  }
  const heredocs = run.heredocs;
  const firstContent = heredocs[0]?.contentSpan;
  // Why: an unclosed heredoc is a half-typed RUN; its text is not what the shell will run.
  if (!firstContent || heredocs.some((heredoc) => heredoc.contentSpan === undefined || heredoc.delimiterSpan === undefined)) return [];
  const headEnd = lineBreakBefore(text, firstContent.start);
  const head = run.commands.filter((command) => command.start < headEnd);
  if (head.length === 0) {
    // `RUN <<EOF`: each body is a script, run by its `#!` interpreter if it has one, else by the SHELL.
    const scripts: ShellScript[] = [];
    for (const heredoc of heredocs) {
      const content = heredoc.contentSpan;
      if (!content) continue;
      const body = verbatimSegment(text, content.start, content.end);
      const interpreter = shebangInterpreter(body.text);
      const dialect = interpreter === undefined ? stageDialect : dialectOfInterpreter(interpreter, run.stage?.isAlpineLike === true);
      if (dialect) scripts.push(buildScript(run, dialect, declared, [body]));
    }
    return scripts;
  }
  const reader = head.length === 1 && head[0].words.length === 1 && head[0].isTopLevel ? dialectOfInterpreter(head[0].name ?? '', run.stage?.isAlpineLike === true) : undefined;
  if (reader && heredocs.length === 1 && heredocs[0].contentSpan) {
    // `RUN bash <<EOF`: the shell reads the body as its script.
    const content = heredocs[0].contentSpan;
    return [buildScript(run, reader, declared, [verbatimSegment(text, content.start, content.end)])];
  }
  if (!stageDialect) return [];
  return [buildScript(run, stageDialect, declared, [joinContinuationLines(text, run.bodyStart, headEnd, escapeChar), verbatimSegment(text, headEnd, run.end)])];
}

/** Names of ENVs (this stage and the stages it builds on) and ARGs (this stage) set before the RUN. */
function declaredNames(run: RunInstruction): string[] {
  const names = new Set<string>(PREDEFINED);
  const stage = run.stage;
  if (stage) {
    for (const entry of stage.env) if (entry.offset < run.start) names.add(entry.name);
    for (const entry of stage.args) if (entry.offset < run.start) names.add(entry.name);
    // Note: `stage.env` holds the parents' ENVs too; a parent's ARGs end with its stage.
  }
  return [...names].filter(isShellName).sort();
}

function isShellName(name: string): boolean {
  if (name === '') return false;
  for (let index = 0; index < name.length; index++) {
    const code = name.charCodeAt(index);
    const isLetter = (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95;
    const isDigit = code >= 48 && code <= 57;
    if (!isLetter && !(isDigit && index > 0)) return false;
  }
  return true;
}

/** Joins segments into a script, with the declarations after a first `#!` line, or first. */
function buildScript(run: RunInstruction, dialect: Dialect, declared: readonly string[], segments: readonly ShellSegment[]): ShellScript {
  const parts: string[] = [];
  let length = 0;
  const total = segments.reduce((sum, segment) => sum + segment.text.length, 0);
  const declarations = declared.length === 0 ? '' : `export ${declared.map((name) => `${name}=1`).join(' ')}\n`;
  const offsets = new Int32Array(total + declarations.length + 1);
  const addSynthetic = (text: string): void => {
    parts.push(text);
    offsets.fill(-1, length, length + text.length);
    length += text.length;
  };
  const addMapped = (segment: ShellSegment, from: number, to: number): void => {
    parts.push(segment.text.slice(from, to));
    for (let index = from; index < to; index++) offsets[length++] = segment.offsets[index];
  };
  const first = segments[0];
  const shebangEnd = first && first.text.startsWith('#!') ? lineEndAfter(first.text, 0) : 0;
  if (first) addMapped(first, 0, shebangEnd);
  addSynthetic(declarations);
  segments.forEach((segment, index) => addMapped(segment, index === 0 ? shebangEnd : 0, segment.text.length));
  const last = segments[segments.length - 1];
  offsets[length] = last ? last.offsets[last.text.length] : run.end;
  return { run, dialect, text: parts.join(''), offsets };
}

/** Just past the `\n` that ends the line holding `from`, or the end of the text. */
function lineEndAfter(text: string, from: number): number {
  const newline = text.indexOf('\n', from);
  return newline === -1 ? text.length : newline + 1;
}

/** Offset of the line break that ends the line before `offset`. */
function lineBreakBefore(text: string, offset: number): number {
  let index = offset;
  if (text[index - 1] === '\n') index--;
  if (text[index - 1] === '\r') index--;
  return index;
}

/** The program a `#!` line names (`/usr/bin/env bash` → `bash`), or undefined without one. */
export function shebangInterpreter(script: string): string | undefined {
  if (!script.startsWith('#!')) return undefined;
  const line = script.slice(2, lineEndAfter(script, 0)).trim();
  const words = line.split(' ').flatMap((part) => part.split('\t')).filter((word) => word !== '');
  const program = words[0] ?? '';
  const name = program.slice(program.lastIndexOf('/') + 1);
  if (name !== 'env') return name;
  return words.slice(1).find((word) => !word.startsWith('-')) ?? '';
}
