/** Where a rule's documentation lives: the Markdown page shipped with the extension and the npm package. */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

let docsRoot: string | undefined;

/** The folder holding `rules/<id>.md`: `docs/` beside `dist/` when bundled, or in the repository. */
function findDocsRoot(): string {
  if (docsRoot) return docsRoot;
  for (let directory = __dirname, depth = 0; depth < 5; depth++, directory = path.dirname(directory)) {
    const candidate = path.join(directory, 'docs');
    if (existsSync(path.join(candidate, 'rules'))) return (docsRoot = candidate);
  }
  return (docsRoot = path.resolve(__dirname, '..', 'docs'));
}

/** A `file:` URI of the rule's docs page, which every LSP client can open offline. */
export function docsUri(ruleId: string): string {
  let uri = uris.get(ruleId);
  if (uri === undefined) {
    uri = pathToFileURL(path.join(findDocsRoot(), 'rules', `${ruleId}.md`)).toString();
    uris.set(ruleId, uri);
  }
  return uri;
}

/** Every diagnostic carries its rule's page; the path conversion is done once per rule. */
const uris = new Map<string, string>();
