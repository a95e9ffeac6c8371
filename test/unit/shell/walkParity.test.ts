/**
 * The shell walk takes shortcuts (it reads a command's words once and descends into a word only when its text holds
 * a substitution). This test checks that the shortcuts change nothing: for every script, the commands equal those of
 * a plain walk that visits every node and reads every property again. Scripts: hand-written ones that reach each
 * place a command can hide, generated ones, and, when ../shared is present, every RUN of the corpus and of the
 * hadolint cases.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import type { Node } from '@vscode/tree-sitter-wasm';
import { parseDockerfile } from '../../../server/src/dockerfile/model';
import { parseSegments } from '../../../server/src/shell/parseShell';
import { joinContinuationLines, type ShellSegment } from '../../../server/src/shell/segment';
import type { ShellCommand, ShellRedirect, ShellWord } from '../../../server/src/shell/shellCommand';
import { getShellParser, initShellParser } from '../../../server/src/shell/treeSitter';
import { corpusPath } from '../../support/corpus';
import { propertyParameters } from '../../support/dockerfileArbitraries';

const NESTING = new Set([
  'if_statement', 'elif_clause', 'else_clause', 'while_statement', 'for_statement', 'c_style_for_statement',
  'case_statement', 'subshell', 'compound_statement', 'function_definition', 'command_substitution',
  'process_substitution', 'negated_command', 'test_command',
]);

/** The plain walk: every node, no shortcut, every property read where it is needed. */
function referenceCommands(segment: ShellSegment): { commands: ShellCommand[]; exports: ShellWord[] } {
  const commands: ShellCommand[] = [];
  const exports: ShellWord[] = [];
  if (segment.text.trim() === '') return { commands, exports };
  const input = segment.text.replaceAll('\0', ' ');
  const tree = getShellParser().parse(input);
  assert.ok(tree);
  const offsetOf = (index: number): number => segment.offsets[index];
  const word = (node: Node): ShellWord => ({ raw: input.slice(node.startIndex, node.endIndex), value: literal(node), start: offsetOf(node.startIndex), end: offsetOf(node.endIndex - 1) + 1 });
  const literal = (node: Node): string | undefined => {
    const text = input.slice(node.startIndex, node.endIndex);
    switch (node.type) {
      case 'word':
      case 'number':
        return text.replace(/\\(.)/gs, '$1');
      case 'raw_string':
        return text.slice(1, -1);
      case 'string':
        return node.namedChildren.every((child) => child?.type === 'string_content') ? text.slice(1, -1).replace(/\\([$`"\\\n])/g, '$1') : undefined;
      case 'concatenation': {
        const parts = node.namedChildren.map((child) => (child ? literal(child) : ''));
        return parts.length === 0 || parts.includes(undefined) ? undefined : parts.join('');
      }
      case 'variable_assignment':
        return text;
      default:
        return undefined;
    }
  };
  const redirect = (node: Node, into: ShellWord[]): ShellRedirect => {
    const targets = node.namedChildren.filter((child): child is Node => child !== null && child.type !== 'file_descriptor');
    for (const extra of targets.slice(1)) into.push(word(extra));
    const end = targets[0] ? targets[0].endIndex : node.endIndex;
    return { operator: input.slice(node.startIndex, targets[0] ? targets[0].startIndex : end).trim(), target: targets[0] ? word(targets[0]) : undefined, start: offsetOf(node.startIndex), end: offsetOf(end - 1) + 1 };
  };
  const found: { node: Node; statement: Node; isTopLevel: boolean }[] = [];
  const visit = (node: Node, isNested: boolean, redirectedBy: Node | undefined): void => {
    if (node.type === 'command') {
      const statement = redirectedBy ?? node;
      found.push({ node, statement, isTopLevel: !isNested && !statement.hasError });
    }
    if (node.type === 'declaration_command' && node.firstChild?.type === 'export') {
      for (const child of node.namedChildren) if (child?.type === 'variable_assignment') exports.push(word(child));
    }
    const nested = isNested || NESTING.has(node.type);
    const byStatement = node.type === 'redirected_statement' ? (redirectedBy ?? node) : undefined;
    for (const child of node.namedChildren) if (child) visit(child, nested, byStatement);
  };
  visit(tree.rootNode, false, undefined);
  const separator = (from: number, to: number, hasBoth: boolean): ShellCommand['separatorBefore'] => {
    if (to < from) return 'other';
    const between = segment.text.slice(from, to);
    const operator = between.trim();
    if (['&&', '||', ';', '|', '&'].includes(operator)) return operator as ShellCommand['separatorBefore'];
    if (operator !== '') return 'other';
    return !hasBoth ? 'none' : /[\r\n]/.test(between) ? 'newline' : 'other';
  };
  found.forEach(({ node, statement, isTopLevel }, index) => {
    const words: ShellWord[] = [];
    const assignments: ShellWord[] = [];
    const redirects: ShellRedirect[] = [];
    let name: string | undefined;
    for (const child of node.namedChildren) {
      if (!child) continue;
      if (child.type === 'file_redirect') redirects.push(redirect(child, words));
      else if (child.type === 'variable_assignment') assignments.push(word(child));
      else if (child.type === 'command_name') {
        const nameWord = word(child.firstNamedChild ?? child);
        words.push(nameWord);
        name = nameWord.value?.split('/').pop();
      } else if (child.type !== 'herestring_redirect' && child.type !== 'comment') words.push(word(child));
    }
    if (statement.startIndex !== node.startIndex || statement.endIndex !== node.endIndex || statement.type !== node.type) {
      for (const child of statement.namedChildren) if (child?.type === 'file_redirect') redirects.push(redirect(child, words));
    }
    const previous = found[index - 1]?.statement;
    const next = found[index + 1]?.statement;
    commands.push({
      name,
      words,
      assignments,
      redirects,
      start: offsetOf(statement.startIndex),
      end: offsetOf(statement.endIndex - 1) + 1,
      separatorBefore: separator(previous ? previous.endIndex : 0, statement.startIndex, previous !== undefined),
      separatorAfter: separator(statement.endIndex, next ? next.startIndex : segment.text.length, next !== undefined),
      isTopLevel,
      index,
    });
  });
  tree.delete();
  return { commands, exports };
}

function assertSameCommands(script: string, label: string): void {
  const segment = joinContinuationLines(script, 0, script.length, '\\');
  const exports: ShellWord[] = [];
  const commands = parseSegments([segment], exports);
  const expected = referenceCommands(segment);
  assert.deepEqual(JSON.parse(JSON.stringify(commands)), JSON.parse(JSON.stringify(expected.commands)), `${label}: ${JSON.stringify(script.slice(0, 200))}`);
  assert.deepEqual(exports, expected.exports, `${label} (exports): ${JSON.stringify(script.slice(0, 200))}`);
}

const SCRIPTS = [
  'apk add --no-cache curl jq && rm -rf /var/cache/apk/*',
  'echo "$(apk add a)" `apk add b` ${X:-$(apk add c)} $((1 + $(apk add d))) "x${Y}z" \'$(no)\' $\'\\t\'',
  'for p in $(ls); do [[ $p =~ ^a.*$ ]] && echo "$p" >&2; done; case $x in *.tar) tar x;; esac',
  'X=$(apk add e) Y="$(apk add f)" cmd <<<"$(apk add g)" 2>"$(mktemp)"; export Z=$(apk add h) W=1; echo ${#ARR[@]} $1 $@',
  'if [ -n "$A" ]; then apk add i; elif test -z $B; then apk add j; fi; f() { apk add k; }; ! apk add l | grep m',
  'apk add curl>=8.0 jq bash > /dev/null 2>&1 && { make; } > build.log',
  'diff <(sort a) >(tee b) && cat <<EOF | sort\nx\nEOF\necho done',
  '$(echo apk) add x; "$CC" -o out main.c; /sbin/apk add --virtual .b gcc; A=1 B="two words" env',
  'echo "unclosed && apk add y',
  'apk add \\\n  curl \\\n  # comment\n  jq',
];

const TOKENS = [
  'apk', 'add', '--no-cache', 'curl', '"quoted word"', "'single'", '$VAR', '${VAR:-x}', '$(apk add z)', '`date`', '>', '>>', '2>&1',
  '<', '&&', '||', ';', '|', '&', '\n', 'A=1', 'export B=2', 'if', 'then', 'fi', '(', ')', '{', '}', '[', ']', '!', '#c', '\\ ',
  'x"y"z', '*.pyc', '<(ls)', '<<<', '"$(x)"', '=', 'done', 'for i in a b; do', '\\',
];

describe('shell walk shortcuts change no command', () => {
  before(async () => {
    await initShellParser();
  });

  it('hand-written scripts', () => {
    for (const script of SCRIPTS) assertSameCommands(script, 'script');
  });

  it('generated scripts', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...TOKENS), { maxLength: 30 }), fc.array(fc.constantFrom(' ', '', '\t'), { minLength: 30, maxLength: 30 }), (tokens, gaps) => {
        assertSameCommands(tokens.map((token, index) => token + gaps[index]).join(''), 'generated');
      }),
      propertyParameters(400),
    );
  });

  it('every shell-form RUN of the corpus and of the hadolint cases', function () {
    const real = corpusPath('real');
    const cases = corpusPath('hadolint-cases.jsonl');
    if (!real || !cases) {
      this.skip();
      return;
    }
    const texts = fs.readdirSync(real).filter((name) => !name.endsWith('.tsv') && !name.endsWith('.md')).map((name) => fs.readFileSync(path.join(real, name), 'utf8'));
    for (const line of fs.readFileSync(cases, 'utf8').split('\n')) if (line.trim()) texts.push((JSON.parse(line) as { dockerfile: string }).dockerfile);
    let checked = 0;
    for (const text of texts) {
      const model = parseDockerfile(text);
      for (const run of model.runs) {
        if (run.form !== 'shell') continue;
        assertSameCommands(text.slice(run.bodyStart, run.end), `RUN at ${run.start}`);
        checked++;
      }
    }
    assert.ok(checked > 900, `only ${checked} RUNs checked`);
  });
});
