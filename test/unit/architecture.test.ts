/**
 * The layers hold: the lint step rejects imports that point up or sideways and parsing-library imports outside
 * dockerfile/, the real sources break none of them, and docs/architecture.md shows the imports the sources have.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { ESLint } from 'eslint';

const ROOT = path.resolve(__dirname, '..', '..');

/** Lints `text` as if it were the file at `filePath` and returns the import-boundary messages. */
async function boundaryMessages(eslint: ESLint, filePath: string, text: string): Promise<string[]> {
  const [result] = await eslint.lintText(text, { filePath: path.join(ROOT, filePath) });
  return result.messages.filter((message) => message.ruleId === 'no-restricted-imports').map((message) => message.message);
}

describe('architecture: layer boundaries', function () {
  this.timeout(120_000);
  let eslint: ESLint;
  before(() => {
    // typescript-eslint reads files from disk instead of the given text in its "single run" mode, which it turns on
    // by itself when CI=true; these checks lint text that is not on disk.
    process.env.TSESTREE_SINGLE_RUN = 'false';
    eslint = new ESLint({ cwd: ROOT });
  });

  const rejected: readonly (readonly [string, string, RegExp])[] = [
    ['server/src/rules/apk-prefer-no-cache.ts', "import { createLanguageServer } from '../lsp/languageServer';\nexport const x = createLanguageServer;\n", /rules layer/],
    ['server/src/rules/apk-prefer-no-cache.ts', "import { analyze } from '../analysis/analysis';\nexport const x = analyze;\n", /rules layer/],
    ['server/src/rules/shared/noCache.ts', "import { analyze } from '../../analysis/analysis';\nexport const x = analyze;\n", /rules layer/],
    ['server/src/rules/apk-prefer-no-cache.ts', "import { DockerfileParser } from 'dockerfile-ast';\nexport const x = DockerfileParser;\n", /Only server\/src\/dockerfile/],
    ['server/src/split/splitStages.ts', "import { validate } from 'dockerfile-utils';\nexport const x = validate;\n", /Only server\/src\/dockerfile/],
    ['server/src/shell/apk.ts', "import { parseDockerfile } from '../dockerfile/model';\nexport const x = parseDockerfile;\n", /shell layer/],
    ['server/src/dockerfile/model.ts', "import { replace } from '../edits/edits';\nexport const x = replace;\n", /dockerfile layer/],
    ['server/src/lsp/languageServer.ts', "import { main } from '../cli/index';\nexport const x = main;\n", /entry layer/],
    ['server/src/cli/index.ts', "import { createLanguageServer } from '../lsp/languageServer';\nexport const x = createLanguageServer;\n", /entry layer/],
    ['server/src/knowledge/lookup.ts', "import { parseApk } from '../shell/apk';\nexport const x = parseApk;\n", /knowledge layer/],
    ['client/src/languageClient.ts', "import { analyze } from '../../server/src/analysis/analysis';\nexport const x = analyze;\n", /client shares only/],
  ];
  for (const [filePath, text, expected] of rejected) {
    it(`rejects ${text.split('\n')[0]} in ${filePath}`, async () => {
      const messages = await boundaryMessages(eslint, filePath, text);
      assert.equal(messages.length, 1, messages.join('\n'));
      assert.match(messages[0], expected);
    });
  }

  const accepted: readonly (readonly [string, string])[] = [
    ['server/src/dockerfile/model.ts', "import { DockerfileParser } from 'dockerfile-ast';\nexport const x = DockerfileParser;\n"],
    ['server/src/rules/apk-prefer-no-cache.ts', "import { splitStage } from '../split/splitStages';\nexport const x = splitStage;\n"],
    ['server/src/lsp/languageServer.ts', "import { validateSettings } from '../config/settings';\nexport const x = validateSettings;\n"],
    ['client/src/languageClient.ts', "import { SERVER_NODE_OPTIONS } from '../../server/src/protocol';\nexport const x = SERVER_NODE_OPTIONS;\n"],
  ];
  for (const [filePath, text] of accepted) {
    it(`accepts ${text.split('\n')[0]} in ${filePath}`, async () => {
      assert.deepEqual(await boundaryMessages(eslint, filePath, text), []);
    });
  }

  it('docs/architecture.md shows the imports the sources have (npm run architecture)', () => {
    assert.doesNotThrow(() => execFileSync(process.execPath, [require.resolve('tsx/cli'), 'scripts/architecture.ts', '--check'], { cwd: ROOT, stdio: 'pipe' }));
  });
});
