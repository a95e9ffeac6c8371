/** One-line reasons for file-system errors, without Node's error codes and syscall names. */
export function describeIoError(error: unknown, file: string): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return `${file}: no such file or directory`;
  if (code === 'EACCES' || code === 'EPERM') return `${file}: permission denied`;
  if (code === 'EISDIR') return `${file}: is a directory`;
  if (code === 'ENOTDIR') return `${file}: not a directory`;
  return `${file}: ${(error as Error).message.split('\n')[0]}`;
}
