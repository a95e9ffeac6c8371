/**
 * Turns shell segments into `ShellCommand`s using tree-sitter-bash.
 * Note: broken shell still yields a tree (with ERROR nodes), so it degrades to fewer commands, never a throw.
 */
import type { Node } from '@vscode/tree-sitter-wasm';
import type { ShellSegment } from './segment';
import type { Separator, ShellCommand, ShellRedirect, ShellWord } from './shellCommand';
import { getShellParser } from './treeSitter';
import { withMemoSlot } from '../util/memo';

/** Node types that make the commands inside them conditional or nested rather than plain steps. */
const NESTING_TYPES = new Set([
  'if_statement', 'elif_clause', 'else_clause', 'while_statement', 'for_statement', 'c_style_for_statement',
  'case_statement', 'subshell', 'compound_statement', 'function_definition', 'command_substitution',
  'process_substitution', 'negated_command', 'test_command',
]);

/**
 * Node types that hold no command: tokens, and `$NAME` expansions. The walk does not ask for their children, one
 * wasm call each for the most common nodes (`number` is not here: it may hold a command substitution).
 */
export const NO_COMMAND_INSIDE: ReadonlySet<string> = new Set([
  'word', 'variable_name', 'special_variable_name', 'string_content', 'raw_string', 'ansi_c_string', 'simple_expansion',
  'extglob_pattern', 'test_operator', 'regex', 'comment', 'file_descriptor', 'heredoc_start',
]);

/**
 * Parses every segment and returns their commands in source order. When `exports` is given it also receives the
 * `NAME=value` words of `export` statements (which are declarations, not commands), in source order. The commands
 * are appended to `into` when it is given, numbered after the ones it holds.
 */
export function parseSegments(segments: readonly ShellSegment[], exports?: ShellWord[], into: ShellCommand[] = []): ShellCommand[] {
  for (const segment of segments) collectCommands(segment, into, exports);
  return into;
}

/** A node still to visit, with what the walk knows about its ancestors. */
interface PendingNode {
  readonly node: Node;
  /** The node's type when the walk has read it already (each read crosses into wasm). */
  readonly type: string | undefined;
  readonly isNested: boolean;
  /** The statement that wraps this node with redirections (`cmd > /dev/null`), when its parent is one. */
  readonly redirectedBy: Node | undefined;
}

/**
 * How long tree-sitter may take for one segment before the segment counts as unknown syntax (no commands): a fixed
 * allowance plus one proportional to its length, some 20 times what a valid script needs on a busy machine.
 * Why: its error recovery is superlinear on long runs of broken input (12,000 `)` take seconds, 100,000 minutes),
 * which would stall the server; nothing that parses normally comes near the budget.
 */
const PARSE_BUDGET_MS = 100;
const PARSE_BUDGET_MS_PER_CHARACTER = 0.02;

/** The tree of a segment, or null when parsing ran out of budget. */
function parseWithinBudget(input: string): ReturnType<ReturnType<typeof getShellParser>['parse']> {
  const deadline = performance.now() + PARSE_BUDGET_MS + PARSE_BUDGET_MS_PER_CHARACTER * input.length;
  return getShellParser().parse(input, null, { progressCallback: () => performance.now() > deadline });
}

/** A segment and the text tree-sitter parsed for it, whose indices its nodes carry. */
interface Source {
  readonly segment: ShellSegment;
  readonly input: string;
}

/** A command found by the walk, read as far as the walk could without knowing its neighbours. */
interface FoundCommand {
  readonly node: Node;
  readonly parts: CommandParts;
  readonly statement: Node;
  readonly statementEnd: number;
  readonly isTopLevel: boolean;
}

/** The words of a command: what `ShellCommand` needs besides its place among the others. */
interface CommandParts {
  readonly name: string | undefined;
  readonly words: ShellWord[];
  readonly assignments: ShellWord[];
  readonly redirects: ShellRedirect[];
}

/**
 * Children of a command that hold a command only through a substitution. Any other child (a `subshell` or an ERROR
 * node where tree-sitter repaired broken input) is always walked.
 */
const WORD_TYPES: ReadonlySet<string> = new Set([
  'command_name', 'string', 'concatenation', 'number', 'expansion', 'variable_assignment', 'file_redirect',
  'herestring_redirect', 'translated_string', 'arithmetic_expansion', 'array', 'brace_expression',
]);

/**
 * True when `text` may hold a command: only a substitution (`$(…)`, `` `…` ``, `<(…)`, `>(…)`) puts one inside a
 * word. Why: the walk reads the words of a command once, and descends into one only when it may hide a command.
 */
function mayHoldCommand(text: string): boolean {
  return text.includes('$(') || text.includes('`') || text.includes('<(') || text.includes('>(');
}

function collectCommands(segment: ShellSegment, into: ShellCommand[], exports: ShellWord[] | undefined): void {
  if (segment.text.trim() === '') return;
  // Note: NUL ends tree-sitter's input and restarts it at every one, without progress callbacks; bash drops NULs, and
  // a space keeps every offset.
  const input = segment.text.includes('\0') ? segment.text.replaceAll('\0', ' ') : segment.text;
  const source: Source = { segment, input };
  const tree = parseWithinBudget(input);
  if (!tree) return;
  try {
    const found: FoundCommand[] = [];
    // Why once: a tree without errors has no statement with one, and each question crosses into wasm.
    const treeHasError = tree.rootNode.hasError;
    // Note: commands inside ERROR nodes are kept; tree-sitter wraps whole valid lists in ERROR for one stray token.
    // Why: an explicit stack that carries each node's enclosing redirected statement, because `a && b && …` nests
    // one list per operator: a recursive walk overflows the call stack after a few thousand commands, and
    // `Node.parent` walks down from the root, which is quadratic. Children are pushed in reverse (source order).
    const pending: PendingNode[] = [{ node: tree.rootNode, type: undefined, isNested: false, redirectedBy: undefined }];
    for (let item = pending.pop(); item; item = pending.pop()) {
      const { node, isNested } = item;
      // Note: every property read crosses into wasm and copies the node there and back; read the type once.
      const type = item.type ?? node.type;
      if (type === 'command') {
        const statement = item.redirectedBy ?? node;
        // Why: a statement tree-sitter had to repair (an unclosed quote gets a MISSING node) may end somewhere else in
        // the real script, so text appended after it or edits joining it could land inside a string.
        const isTopLevel = !isNested && !(treeHasError && statement.hasError);
        const inside: PendingNode[] = [];
        const parts = readCommand(source, node, isNested, inside);
        found.push({ node, parts, statement, statementEnd: statement.endIndex, isTopLevel });
        for (let i = inside.length - 1; i >= 0; i--) pending.push(inside[i]);
        continue;
      }
      if (exports && type === 'declaration_command' && node.firstChild?.type === 'export') {
        for (const child of node.namedChildren) if (child?.type === 'variable_assignment') exports.push(toWord(source, child));
      }
      if (NO_COMMAND_INSIDE.has(type)) continue;
      const nested = isNested || NESTING_TYPES.has(type);
      // The outermost of directly nested redirected statements is the statement of the command inside them.
      const redirectedBy = type === 'redirected_statement' ? (item.redirectedBy ?? node) : undefined;
      const children = node.namedChildren;
      for (let i = children.length - 1; i >= 0; i--) {
        const child = children[i];
        if (child) pending.push({ node: child, type: undefined, isNested: nested, redirectedBy });
      }
    }
    for (let i = 0; i < found.length; i++) {
      const { node, parts, statement, statementEnd, isTopLevel } = found[i];
      const before = separatorBetween(segment.text, found[i - 1]?.statementEnd, statement.startIndex);
      const after = separatorBetween(segment.text, statementEnd, found[i + 1]?.statement.startIndex);
      into.push(toCommand(source, node, parts, statement, statementEnd, isTopLevel, into.length, before, after));
    }
  } finally {
    tree.delete();
  }
}

/**
 * Reads the words, assignments and redirections of a `command` node, each child's type once, and gives `inside` the
 * children that may hold commands of their own (substitutions), in source order.
 */
function readCommand(source: Source, node: Node, isNested: boolean, inside: PendingNode[]): CommandParts {
  const words: ShellWord[] = [];
  const assignments: ShellWord[] = [];
  const redirects: ShellRedirect[] = [];
  let name: string | undefined;
  for (const child of node.namedChildren) {
    if (!child) continue;
    const type = child.type;
    const startIndex = child.startIndex;
    const endIndex = child.endIndex;
    if (type === 'file_redirect') {
      redirects.push(toRedirect(source, child, words));
    } else if (type === 'variable_assignment') {
      assignments.push(wordAt(source, child, type, startIndex, endIndex));
    } else if (type === 'command_name') {
      // Why: a plain name (`apk`, `/usr/bin/env`, `docker-php-ext-install`) is one word of the same range, whose value
      // is its text (read as a word, from the indices known); reading the inner node costs three calls into wasm.
      const raw = source.input.slice(startIndex, endIndex);
      let word: ShellWord;
      if (PLAIN_NAME.test(raw)) {
        word = wordAt(source, child, 'word', startIndex, endIndex);
      } else {
        const inner = child.firstNamedChild;
        word = inner ? toWord(source, inner) : wordAt(source, child, type, startIndex, endIndex);
      }
      words.push(word);
      name = word.value === undefined ? undefined : basename(word.value);
    } else if (type !== 'herestring_redirect' && type !== 'comment') {
      words.push(wordAt(source, child, type, startIndex, endIndex));
    }
    if (!NO_COMMAND_INSIDE.has(type) && (!WORD_TYPES.has(type) || mayHoldCommand(source.input.slice(startIndex, endIndex)))) inside.push({ node: child, type, isNested, redirectedBy: undefined });
  }
  return { name, words, assignments, redirects };
}

function toCommand(
  source: Source,
  node: Node,
  parts: CommandParts,
  statement: Node,
  statementEnd: number,
  isTopLevel: boolean,
  index: number,
  separatorBefore: Separator,
  separatorAfter: Separator,
): ShellCommand {
  const { name, words, assignments, redirects } = parts;
  if (statement !== node) {
    for (const child of statement.namedChildren) if (child?.type === 'file_redirect') redirects.push(toRedirect(source, child, words));
  }
  return withMemoSlot({
    name,
    words,
    assignments,
    redirects,
    start: source.segment.offsets[statement.startIndex],
    end: source.segment.offsets[statementEnd - 1] + 1,
    separatorBefore,
    separatorAfter,
    isTopLevel,
    index,
  });
}

/**
 * A `file_redirect` node: the operator (with its descriptor number) and the target word after it. tree-sitter-bash
 * gives a redirection every word up to the next operator (`> =8.0 jq`); bash takes only the first as the target,
 * the others are arguments of the command, which `into` receives.
 */
function toRedirect(source: Source, node: Node, into: ShellWord[]): ShellRedirect {
  const targets = node.namedChildren.filter((child): child is Node => child !== null && child.type !== 'file_descriptor');
  const targetNode = targets[0];
  const target = targetNode ? toWord(source, targetNode) : undefined;
  for (const extra of targets.slice(1)) into.push(toWord(source, extra));
  const startIndex = node.startIndex;
  const endIndex = targetNode ? targetNode.endIndex : node.endIndex;
  return {
    operator: source.input.slice(startIndex, targetNode ? targetNode.startIndex : endIndex).trim(),
    target,
    start: source.segment.offsets[startIndex],
    end: source.segment.offsets[endIndex - 1] + 1,
  };
}

/** Characters that tree-sitter-bash reads as part of a plain word, without quoting, expansion or globbing. */
const PLAIN_NAME = /^[\w./+:@%,-]+$/;

function basename(value: string): string {
  const slash = value.lastIndexOf('/');
  return slash === -1 ? value : value.slice(slash + 1);
}

function toWord(source: Source, node: Node): ShellWord {
  // Note: every node property read crosses into wasm; the indices are read once and the text sliced here.
  return wordAt(source, node, node.type, node.startIndex, node.endIndex);
}

/** A word from a node whose type and indices the caller has read already. */
function wordAt(source: Source, node: Node, type: string, startIndex: number, endIndex: number): ShellWord {
  const raw = source.input.slice(startIndex, endIndex);
  return {
    raw,
    value: literalValue(node, type, raw),
    start: source.segment.offsets[startIndex],
    end: source.segment.offsets[endIndex - 1] + 1,
  };
}

/** The value after quote removal, or undefined when the word expands anything at run time. `text` is the node's. */
function literalValue(node: Node, type: string, text: string): string | undefined {
  switch (type) {
    case 'word':
    case 'number':
      return unescapeUnquoted(text);
    case 'raw_string':
      return text.slice(1, -1);
    case 'string': {
      // Note: only `$` and `` ` `` start anything but plain content inside double quotes; without them the children
      // need not be read (a wasm call each).
      if (text.includes('$') || text.includes('`')) {
        for (const child of node.namedChildren) {
          if (!child) continue;
          if (child.type !== 'string_content') return undefined;
        }
      }
      return text.includes('\\') ? text.slice(1, -1).replace(/\\([$`"\\\n])/g, '$1') : text.slice(1, -1);
    }
    case 'concatenation': {
      let value = '';
      const children = node.namedChildren;
      for (const child of children) {
        if (!child) continue;
        const part = literalValue(child, child.type, child.text);
        if (part === undefined) return undefined;
        value += part;
      }
      return children.length === 0 ? undefined : value;
    }
    case 'variable_assignment':
      return text;
    default:
      return undefined;
  }
}

function unescapeUnquoted(text: string): string {
  // Note: most words have no backslash; the test spares them a regular expression run.
  return text.includes('\\') ? text.replace(/\\(.)/gs, '$1') : text;
}

/**
 * Reads the operator between two consecutive statements from the text between them: exactly one operator,
 * or only white space with a line break, is a plain separator; anything else (`then`, `)`, `done;`) is `other`.
 */
function separatorBetween(text: string, leftEnd: number | undefined, rightStart: number | undefined): Separator {
  const from = leftEnd ?? 0;
  const to = rightStart ?? text.length;
  if (to < from) return 'other';
  const between = text.slice(from, to);
  const operator = between.trim();
  switch (operator) {
    case '&&': case '||': case ';': case '|': case '&':
      return operator;
    case '':
      if (leftEnd === undefined || rightStart === undefined) return 'none';
      return /[\r\n]/.test(between) ? 'newline' : 'other';
    default:
      return 'other';
  }
}
