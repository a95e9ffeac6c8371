/** ShellCheck's names for its checks, as users write them in ignore lists, pragmas and severity settings. */

/** `SC` and four digits (`SC2086`), as ShellCheck numbers its checks. */
export function isShellCheckCode(id: string): boolean {
  return id.length === 6 && id.startsWith('SC') && [...id.slice(2)].every((character) => character >= '0' && character <= '9');
}
