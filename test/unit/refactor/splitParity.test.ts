/**
 * The editor and the CLI offer the same split for the same file: the language server's code actions for a file's
 * diagnostics (the split suggestion a finding carries) and its refactor action on the stage's FROM line, and
 * `alpinist lint --fix-dry-run --fix-suggestions` with only the rules that carry the split, all give the same text.
 * Runs on the fixtures below and, when ../shared is present, on every real Dockerfile of the corpus.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { applyPatch } from 'diff';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, CodeActionParams, Diagnostic, TextEdit } from 'vscode-languageserver';
import { analyze } from '../../../server/src/analysis/analysis';
import { computeCodeActions } from '../../../server/src/lsp/features/codeActions';
import { DIAGNOSTIC_SOURCE } from '../../../server/src/lsp/features/diagnostics';
import { SPLIT_TITLE } from '../../../server/src/split/splitStages';
import { onlyRules, runAlpinist } from '../../support/cliHarness';
import { corpusPath } from '../../support/corpus';

const SPLIT_RULES = ['prefer-multi-stage-build', 'apk-virtual-prefer-multi-stage'];
const URI = 'file:///project/Dockerfile';

const fixtures: Readonly<Record<string, string>> = {
  'python with a virtual group': 'FROM alpine:3.20\nWORKDIR /app\nCOPY . .\nRUN apk add --no-cache --virtual .build-deps python3 py3-pip gcc musl-dev python3-dev \\\n  && pip install --break-system-packages -r requirements.txt \\\n  && apk del .build-deps\nCMD ["python3", "app.py"]\n',
  'cmake build run through tini': 'FROM alpine:3.20\nWORKDIR /src\nCOPY . .\nRUN apk add --no-cache tini build-base cmake\nRUN cmake . && make && make install\nENTRYPOINT ["/sbin/tini", "--", "myprog"]\n',
  'python image with runtime libraries': 'FROM python:3.12-alpine\nWORKDIR /app\nCOPY requirements.txt .\nRUN apk add --no-cache gcc musl-dev libffi-dev\nRUN pip install -r requirements.txt\nCOPY . .\nCMD ["gunicorn", "app:app"]\n',
  'a submodule fetched before the build': 'FROM alpine:3.20\nWORKDIR /app\nCOPY . .\nRUN apk add --no-cache git build-base python3 py3-pip\nRUN git submodule update --init --recursive\nRUN pip install --break-system-packages -r requirements.txt\nCMD ["python3", "app.py"]\n',
  'node with native modules': 'FROM node:20-alpine\nWORKDIR /app\nCOPY package*.json ./\nRUN apk add --no-cache python3 make g++\nRUN npm ci\nCOPY . .\nCMD ["node", "server.js"]\n',
  'npm install with no package.json: no split anywhere': 'FROM node:20-alpine\nWORKDIR /app\nRUN apk add --no-cache python3 make g++\nRUN npm install\nCMD ["node", "server.js"]\n',
  'CRLF line endings': 'FROM python:3.12-alpine\r\nWORKDIR /app\r\nCOPY . .\r\nRUN apk add --no-cache gcc musl-dev\r\nRUN pip install -r requirements.txt\r\nCMD ["python", "app.py"]\r\n',
};

function applied(text: string, edits: readonly TextEdit[]): string {
  return TextDocument.applyEdits(TextDocument.create(URI, 'dockerfile', 1, text), [...edits]);
}

const editsOf = (action: CodeAction): TextEdit[] => action.edit?.changes?.[URI] ?? [];

/** What the language server offers: the split a diagnostic's quick fixes carry, and the refactor action's, per stage. */
function editorSplits(text: string): { quickFix: string | undefined; refactors: Map<number, string> } {
  const analysis = analyze(text);
  const diagnostics: Diagnostic[] = analysis.findings.map((finding) => ({ range: finding.range, message: finding.message, source: DIAGNOSTIC_SOURCE, code: finding.ruleId }));
  const document = analysis.model.document;
  let quickFix: string | undefined;
  const refactors = new Map<number, string>();
  for (const stage of analysis.model.stages) {
    if (!stage.from) continue;
    const line = document.positionAt(stage.from.start).line;
    const params: CodeActionParams = { textDocument: { uri: URI }, range: { start: { line, character: 0 }, end: { line, character: 0 } }, context: { diagnostics } };
    for (const action of computeCodeActions(URI, analysis, params, {})) {
      if (action.title !== SPLIT_TITLE) continue;
      const result = applied(text, editsOf(action));
      if (action.kind === 'refactor.rewrite') refactors.set(stage.index, result);
      else if (quickFix === undefined) quickFix = result;
      else assert.equal(result, quickFix, 'every finding carries the same split');
    }
  }
  return { quickFix, refactors };
}

/** What `alpinist lint --fix-dry-run --fix-suggestions` makes of the file with only the rules that carry the split. */
async function cliSplit(directory: string, text: string, rules: readonly string[] = onlyRules(...SPLIT_RULES)): Promise<string> {
  const file = path.join(directory, 'Dockerfile');
  fs.writeFileSync(file, text);
  const run = await runAlpinist(['lint', '--no-config', '--no-shellcheck', '--no-fail', '-f', 'json', '--fix-dry-run', '--fix-suggestions', ...rules, file]);
  assert.equal(run.code, 0, run.stderr);
  const [result] = JSON.parse(run.stdout) as { diff?: string }[];
  if (!result.diff) return text;
  const patched = applyPatch(text, result.diff);
  assert.notEqual(patched, false, 'the CLI diff applies to the file');
  return patched as string;
}

function check(name: string, text: () => string): void {
  it(name, async () => {
    const original = text();
    const { quickFix, refactors } = editorSplits(original);
    const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'alpinist-split-parity-'));
    try {
      const fromCli = await cliSplit(directory, original);
      assert.equal(fromCli, quickFix ?? original, quickFix ? 'the CLI applies the split the editor offers' : 'the CLI splits nothing the editor does not offer');
    } finally {
      fs.rmSync(directory, { recursive: true, force: true });
    }
    if (quickFix !== undefined) {
      const last = analyze(original).model.stages.length - 1;
      assert.equal(refactors.get(last), quickFix, 'the refactor action on the final stage gives the same split');
    }
  });
}

describe('the editor and the CLI offer the same split', () => {
  for (const [name, text] of Object.entries(fixtures)) check(name, () => text);

  it('with every rule on, the CLI still applies the split first, before fixes that would rewrite its RUNs', async () => {
    const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'alpinist-split-parity-'));
    try {
      for (const [name, text] of Object.entries(fixtures)) {
        if (editorSplits(text).quickFix === undefined) continue;
        const fixed = await cliSplit(directory, text, []);
        assert.equal(analyze(fixed).model.stages.length, analyze(text).model.stages.length + 1, `${name}: split by the CLI`);
        assert.match(fixed, /^FROM .* AS compile\r?$/m, name);
      }
    } finally {
      fs.rmSync(directory, { recursive: true, force: true });
    }
  });

  it('offers the split on the fixtures that have one', () => {
    const offered = Object.entries(fixtures).filter(([, text]) => editorSplits(text).quickFix !== undefined).map(([name]) => name);
    assert.deepEqual(offered, ['python with a virtual group', 'cmake build run through tini', 'python image with runtime libraries', 'a submodule fetched before the build', 'node with native modules', 'CRLF line endings']);
  });

  describe('real-world corpus', function () {
    const directory = corpusPath('real');
    if (!directory) {
      it('skipped: ../shared/corpus/real is not present');
      return;
    }
    for (const file of fs.readdirSync(directory).filter((name) => name !== 'SOURCES.tsv').sort()) {
      check(file, () => fs.readFileSync(path.join(directory, file), 'utf8'));
    }
  });
});
