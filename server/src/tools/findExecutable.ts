/** Where a program is: an absolute path as given, or a bare name looked up on `PATH`, as a shell would. */
import { accessSync, constants, statSync } from 'node:fs';
import path from 'node:path';

/**
 * The absolute path of `program`, or undefined when it is not an executable file. A relative path with a directory
 * (`./bin/shellcheck`) is refused: it would name a file of whatever directory the process runs in.
 */
export function findExecutable(program: string, pathVariable = process.env.PATH ?? '', platform = process.platform): string | undefined {
  if (program === '') return undefined;
  if (path.isAbsolute(program)) return isExecutableFile(program) ? program : undefined;
  if (program.includes('/') || program.includes('\\')) return undefined;
  // Note: only `.exe` on Windows; a `.cmd` or `.bat` file would need a shell to start.
  const extensions = platform === 'win32' ? ['.exe', ''] : [''];
  for (const directory of pathVariable.split(path.delimiter)) {
    // Why: an empty or relative PATH entry means the current directory, which may be a workspace.
    if (directory === '' || !path.isAbsolute(directory)) continue;
    for (const extension of extensions) {
      const candidate = path.join(directory, program + extension);
      if (isExecutableFile(candidate)) return candidate;
    }
  }
  return undefined;
}

function isExecutableFile(file: string): boolean {
  try {
    if (!statSync(file).isFile()) return false;
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}
