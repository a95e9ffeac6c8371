/**
 * Turns shell segments into `ShellCommand`s using tree-sitter-bash.
 * Note: broken shell still yields a tree (with ERROR nodes), so it degrades to fewer commands, never a throw.
 */
import type { Node } from '@vscode/tree-sitter-wasm';
import type { ShellSegment } from './segment';
import type { Separator, ShellCommand, ShellWord } from './shellCommand';
import { getShellParser } from './treeSitter';

/** Node types that make the commands inside them conditional or nested rather than plain steps. */
const NESTING_TYPES = new Set([
  'if_statement', 'elif_clause', 'else_clause', 'while_statement', 'for_statement', 'c_style_for_statement',
  'case_statement', 'subshell', 'compound_statement', 'function_definition', 'command_substitution',
  'process_substitution', 'negated_command', 'test_command',
]);

/**
 * Parses every segment and returns their commands in source order. When `exports` is given it also receives the
 * `NAME=value` words of `export` statements (which are declarations, not commands), in source order.
 */
export function parseSegments(segments: readonly ShellSegment[], exports?: ShellWord[]): ShellCommand[] {
  const commands: ShellCommand[] = [];
  for (const segment of segments) collectCommands(segment, commands, exports);
  return commands;
}

/** A node still to visit, with what the walk knows about its ancestors. */
interface PendingNode {
  readonly node: Node;
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
function parseWithinBudget(text: string): ReturnType<ReturnType<typeof getShellParser>['parse']> {
  const deadline = performance.now() + PARSE_BUDGET_MS + PARSE_BUDGET_MS_PER_CHARACTER * text.length;
  // Note: NUL ends tree-sitter's input and restarts it at every one, without progress callbacks; bash drops NULs, and
  // a space keeps every offset.
  const input = text.includes('\0') ? text.replaceAll('\0', ' ') : text;
  return getShellParser().parse(input, null, { progressCallback: () => performance.now() > deadline });
}

function collectCommands(segment: ShellSegment, into: ShellCommand[], exports: ShellWord[] | undefined): void {
  if (segment.text.trim() === '') return;
  const tree = parseWithinBudget(segment.text);
  if (!tree) return;
  try {
    const found: { node: Node; statement: Node; isTopLevel: boolean }[] = [];
    // Note: commands inside ERROR nodes are kept; tree-sitter wraps whole valid lists in ERROR for one stray token.
    // Why: an explicit stack that carries each node's enclosing redirected statement, because `a && b && …` nests
    // one list per operator: a recursive walk overflows the call stack after a few thousand commands, and
    // `Node.parent` walks down from the root, which is quadratic. Children are pushed in reverse (source order).
    const pending: PendingNode[] = [{ node: tree.rootNode, isNested: false, redirectedBy: undefined }];
    for (let item = pending.pop(); item; item = pending.pop()) {
      const { node, isNested } = item;
      if (node.type === 'command') {
        const statement = item.redirectedBy ?? node;
        // Why: a statement tree-sitter had to repair (an unclosed quote gets a MISSING node) may end somewhere else in
        // the real script, so text appended after it or edits joining it could land inside a string.
        found.push({ node, statement, isTopLevel: !isNested && !statement.hasError });
      }
      if (exports && node.type === 'declaration_command' && node.firstChild?.type === 'export') {
        for (const child of node.namedChildren) if (child?.type === 'variable_assignment') exports.push(toWord(segment, child));
      }
      const nested = isNested || NESTING_TYPES.has(node.type);
      // The outermost of directly nested redirected statements is the statement of the command inside them.
      const redirectedBy = node.type === 'redirected_statement' ? (item.redirectedBy ?? node) : undefined;
      const children = node.namedChildren;
      for (let i = children.length - 1; i >= 0; i--) {
        const child = children[i];
        if (child) pending.push({ node: child, isNested: nested, redirectedBy });
      }
    }
    for (let i = 0; i < found.length; i++) {
      const { node, statement, isTopLevel } = found[i];
      const before = separatorBetween(segment.text, found[i - 1]?.statement, statement);
      const after = separatorBetween(segment.text, statement, found[i + 1]?.statement);
      into.push(toCommand(segment, node, statement, isTopLevel, into.length, before, after));
    }
  } finally {
    tree.delete();
  }
}

function toCommand(
  segment: ShellSegment,
  node: Node,
  statement: Node,
  isTopLevel: boolean,
  index: number,
  separatorBefore: Separator,
  separatorAfter: Separator,
): ShellCommand {
  const words: ShellWord[] = [];
  const assignments: ShellWord[] = [];
  let name: string | undefined;
  for (const child of node.namedChildren) {
    if (!child) continue;
    if (child.type === 'variable_assignment') {
      assignments.push(toWord(segment, child));
    } else if (child.type === 'command_name') {
      const word = toWord(segment, child.firstNamedChild ?? child);
      words.push(word);
      name = word.value === undefined ? undefined : basename(word.value);
    } else if (child.type !== 'file_redirect' && child.type !== 'herestring_redirect' && child.type !== 'comment') {
      words.push(toWord(segment, child));
    }
  }
  return {
    name,
    words,
    assignments,
    start: segment.offsets[statement.startIndex],
    end: segment.offsets[statement.endIndex - 1] + 1,
    separatorBefore,
    separatorAfter,
    isTopLevel,
    index,
  };
}

function basename(value: string): string {
  const slash = value.lastIndexOf('/');
  return slash === -1 ? value : value.slice(slash + 1);
}

function toWord(segment: ShellSegment, node: Node): ShellWord {
  const raw = node.text;
  return {
    raw,
    value: literalValue(node),
    start: segment.offsets[node.startIndex],
    end: segment.offsets[node.endIndex - 1] + 1,
  };
}

/** The value after quote removal, or undefined when the word expands anything at run time. */
function literalValue(node: Node): string | undefined {
  switch (node.type) {
    case 'word':
    case 'number':
      return unescapeUnquoted(node.text);
    case 'raw_string':
      return node.text.slice(1, -1);
    case 'string': {
      let value = '';
      for (const child of node.namedChildren) {
        if (!child) continue;
        if (child.type !== 'string_content') return undefined;
      }
      value = node.text.slice(1, -1).replace(/\\([$`"\\\n])/g, '$1');
      return value;
    }
    case 'concatenation': {
      let value = '';
      for (const child of node.namedChildren) {
        if (!child) continue;
        const part = literalValue(child);
        if (part === undefined) return undefined;
        value += part;
      }
      return node.namedChildren.length === 0 ? undefined : value;
    }
    case 'variable_assignment':
      return node.text;
    default:
      return undefined;
  }
}

function unescapeUnquoted(text: string): string {
  return text.replace(/\\(.)/gs, '$1');
}

/**
 * Reads the operator between two consecutive statements from the text between them: exactly one operator,
 * or only white space with a line break, is a plain separator; anything else (`then`, `)`, `done;`) is `other`.
 */
function separatorBetween(text: string, left: Node | undefined, right: Node | undefined): Separator {
  const from = left ? left.endIndex : 0;
  const to = right ? right.startIndex : text.length;
  if (to < from) return 'other';
  const between = text.slice(from, to);
  const operator = between.trim();
  switch (operator) {
    case '&&': case '||': case ';': case '|': case '&':
      return operator;
    case '':
      if (!left || !right) return 'none';
      return /[\r\n]/.test(between) ? 'newline' : 'other';
    default:
      return 'other';
  }
}
