/** COPY and ADD as the layer rules and the stage split use them: copies of files with sources and a destination. */
import type { CopyInstruction, Instruction } from './instructions';

/**
 * The COPY or ADD when it copies files into this build: not an ONBUILD trigger, not a heredoc, with at least one
 * source and a destination. Undefined for anything else.
 */
export function fileCopy(instruction: Instruction): CopyInstruction | undefined {
  if ((instruction.keyword !== 'COPY' && instruction.keyword !== 'ADD') || instruction.isOnbuild) return undefined;
  if (instruction.destination === undefined || instruction.sources.length === 0 || instruction.heredocs.length > 0) return undefined;
  return instruction;
}

/** The flags to repeat on a COPY of some of the same files (`--chown`, `--chmod`, `--link`), as written. */
export function ownershipFlags(copy: CopyInstruction): string[] {
  return copy.flags.filter((flag) => ['chown', 'chmod', 'link'].includes(flag.name)).map((flag) => flag.text);
}

/** `COPY . /myapp` as a short label for messages and titles. */
export function copyLabel(copy: CopyInstruction): string {
  return [copy.keyword, ...copy.sources.map((source) => source.value), copy.destination?.value ?? ''].join(' ');
}
