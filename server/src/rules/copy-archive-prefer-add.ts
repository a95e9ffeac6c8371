/**
 * Why: copying an archive and unpacking it in a later `RUN` keeps the archive in a layer; `ADD` unpacks it in one step.
 * Note: paths are read as written (`raw`), so Windows paths keep their backslashes.
 */
import { argumentsOf } from '../shell/shellCommand';
import type { ShellCommand } from '../shell/shellCommand';
import type { Token } from '../dockerfile/model';
import { baseName, isArchiveName } from './shared/archives';
import { defineRule } from './rule';

const UNPACKERS = new Set(['unzip', 'gunzip', 'bunzip2', 'unlzma', 'unxz', 'zgz', 'uncompress', 'zcat', 'gzcat']);

export default defineRule({
  id: 'copy-archive-prefer-add',
  description: 'Use `ADD` to unpack a local archive instead of `COPY` followed by an extracting `RUN`.',
  defaultSeverity: 'info',
  hadolint: ['DL3010'],
  requires: { keywords: ['COPY'] },
  check(context) {
    for (const stage of context.dockerfile.stages) {
      const archives = new Map<string, Token>();
      const reported = new Set<Token>();
      for (const instruction of stage.instructions) {
        if (instruction.isOnbuild) continue;
        if (instruction.keyword === 'COPY' && instruction.from === undefined) {
          const destination = instruction.destination;
          const target = destination && stripQuotes(destination.raw);
          if (destination && target !== undefined && isArchiveName(target)) archives.set(baseName(target), destination);
          else for (const source of instruction.sources) if (isArchiveName(stripQuotes(source.raw))) archives.set(baseName(stripQuotes(source.raw)), source);
        } else if (instruction.keyword === 'RUN' && archives.size > 0) {
          for (const command of instruction.commands) {
            if (!isExtraction(command)) continue;
            for (const word of argumentsOf(command)) {
              const value = word.value;
              if (value === undefined || value.startsWith('-')) continue;
              const token = archives.get(baseName(value));
              if (!token || reported.has(token)) continue;
              reported.add(token);
              context.report({
                at: token,
                message: `\`${baseName(value)}\` is copied and then unpacked by \`${command.name ?? ''}\`: \`ADD\` unpacks a local tar archive without keeping it in a layer.`,
              });
            }
          }
        }
      }
    }
  },
});

function isExtraction(command: ShellCommand): boolean {
  if (command.name !== undefined && UNPACKERS.has(command.name)) return true;
  if (command.name !== 'tar') return false;
  return argumentsOf(command).some((word) => {
    const value = word.value ?? '';
    if (value === '--extract' || value === '--get') return true;
    return value.startsWith('-') && !value.startsWith('--') && value.includes('x');
  });
}

/**
 * The path without quotes at either end. Why each end alone: a quoted path with a blank (`"C:\\Program Files\\a.tgz"`)
 * reaches the model as two words in shell form.
 */
function stripQuotes(raw: string): string {
  let start = 0;
  let end = raw.length;
  if (raw[start] === '"' || raw[start] === "'") start++;
  if (end > start && (raw[end - 1] === '"' || raw[end - 1] === "'")) end--;
  return raw.slice(start, end);
}
