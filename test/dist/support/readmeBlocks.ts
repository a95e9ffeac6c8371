/** The README's fenced code blocks, by language, with the heading they sit under. */
import fs from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from './installedPackage';

export interface ReadmeBlock {
  readonly heading: string;
  readonly language: string;
  readonly text: string;
}

export function readmeBlocks(): ReadmeBlock[] {
  const readme = fs.readFileSync(path.join(REPO_ROOT, 'README.md'), 'utf8');
  const blocks: ReadmeBlock[] = [];
  let heading = '';
  let open: { language: string; lines: string[] } | undefined;
  for (const line of readme.split('\n')) {
    if (open) {
      if (line.startsWith('```')) {
        blocks.push({ heading, language: open.language, text: open.lines.join('\n') });
        open = undefined;
      } else {
        open.lines.push(line);
      }
    } else if (line.startsWith('```')) {
      open = { language: line.slice(3).trim(), lines: [] };
    } else if (line.startsWith('#')) {
      heading = line.replace(/^#+\s*/, '');
    }
  }
  return blocks;
}

/** The blocks under one heading (exactly as written in the README). */
export function blocksUnder(heading: string, language = 'yaml'): string[] {
  const found = readmeBlocks().filter((block) => block.heading === heading && block.language === language).map((block) => block.text);
  if (found.length === 0) throw new Error(`README: no ${language} block under "${heading}"`);
  return found;
}
