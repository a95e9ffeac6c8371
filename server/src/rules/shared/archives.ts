/**
 * Archive names as hadolint reads them (DL3010, DL3020): the extensions of tar archives and the compressions Docker's
 * `ADD` unpacks from the build context (source: hadolint `archiveFileFormatExtensions`, and Docker's ADD reference,
 * which unpacks identity, gzip, bzip2 and xz tar archives).
 */
const ARCHIVE_EXTENSIONS: readonly string[] = [
  '.tar', '.Z', '.bz2', '.gz', '.lz', '.lzma', '.tZ', '.tb2', '.tbz', '.tbz2', '.tgz', '.tlz', '.tpz', '.txz', '.xz',
];

/** True when the path names an archive `ADD` would unpack (by its extension). */
export function isArchiveName(path: string): boolean {
  return ARCHIVE_EXTENSIONS.some((extension) => path.endsWith(extension));
}

/** The last path segment, for `/` and Windows `\` separators alike. */
export function baseName(path: string): string {
  let index = path.length;
  while (index > 0 && path[index - 1] !== '/' && path[index - 1] !== '\\') index--;
  return path.slice(index);
}

/** True for `http://` and `https://` sources, which `ADD` downloads. */
export function isUrl(path: string): boolean {
  return path.startsWith('http://') || path.startsWith('https://');
}

/** True for git sources `ADD` clones (`git@host:repo`, `https://…/repo.git`, `…git#ref`). */
export function isGitSource(path: string): boolean {
  return path.startsWith('git@') || path.startsWith('git://') || path.endsWith('.git') || path.includes('.git#');
}
