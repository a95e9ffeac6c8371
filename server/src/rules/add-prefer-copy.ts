/** Why: `ADD` also downloads URLs and unpacks archives; for plain files `COPY` says what happens and nothing more. */
import { replace } from '../edits/edits';
import { baseName, isArchiveName, isGitSource, isUrl } from './shared/archives';
import { unquote } from './shared/stages';
import { defineRule } from './rule';

export default defineRule({
  id: 'add-prefer-copy',
  description: 'Use `COPY` instead of `ADD` for files and directories: `ADD` is for URLs and archives to unpack.',
  defaultSeverity: 'error',
  fixSummary: 'safe: `ADD` → `COPY` (suggestion when a source has no file extension)',
  hadolint: ['DL3020'],
  requires: { keywords: ['ADD'] },
  check(context) {
    for (const instruction of context.dockerfile.instructions) {
      if (instruction.keyword !== 'ADD' || instruction.heredocs.length > 0 || instruction.sources.length === 0) continue;
      const sources = instruction.sources.map((source) => unquote(source.value));
      // Note: a git source needs `ADD` (hadolint reports it; Alpinist does not).
      if (sources.some(isGitSource) || sources.every((source) => isArchiveName(source) || isUrl(source))) continue;
      const canFix =
        !sources.some((source) => isArchiveName(source) || isUrl(source)) &&
        instruction.flags.every((flag) => COPY_FLAGS.has(flag.name.toLowerCase()));
      // Why a suggestion without an extension: Docker unpacks a local tar archive by its content, whatever its name.
      const mayBeArchive = sources.some((source) => !isDirectory(source) && !baseName(source).includes('.'));
      const keyword = instruction.keywordText === 'ADD' ? 'COPY' : instruction.keywordText === 'add' ? 'copy' : 'COPY';
      context.report({
        at: instruction.keywordSpan,
        message: '`ADD` of plain files and directories: use `COPY`, which only copies (no URL download, no archive unpacking).',
        fixes: canFix ? [{ title: 'Replace `ADD` with `COPY`', kind: mayBeArchive ? 'suggestion' : 'safe', edits: [replace(instruction.keywordSpan, keyword)] }] : [],
      });
    }
  },
});

/** Flags `COPY` accepts as `ADD` does; `--checksum`, `--keep-git-dir` and `--unpack` are `ADD`'s own. */
const COPY_FLAGS = new Set(['from', 'chown', 'chmod', 'link', 'parents', 'exclude']);

function isDirectory(source: string): boolean {
  return source === '.' || source === '..' || source.endsWith('/') || source.endsWith('/.') || source === '*';
}
