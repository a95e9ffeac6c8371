/** The `alpinist: lint` task's command line, without the `vscode` API (unit-tested). */

/** The `files.exclude` globs of a folder that are on (`true`); conditional entries (`{ "when": … }`) are left out. */
export function excludedGlobs(filesExclude: unknown): string[] {
  if (typeof filesExclude !== 'object' || filesExclude === null || Array.isArray(filesExclude)) return [];
  return Object.entries(filesExclude as Record<string, unknown>)
    .filter(([glob, on]) => on === true && glob.trim() !== '')
    .map(([glob]) => glob);
}

/** The CLI's arguments (after the script): text for the matcher, no failure, the exclusions, then `--` and the paths. */
export function lintArguments(excludes: readonly string[], paths: readonly string[] | undefined): string[] {
  return [
    'lint', '--no-color', '--format', 'text', '--failure-threshold', 'none',
    ...excludes.flatMap((glob) => ['--exclude', glob]),
    '--', ...(paths?.length ? paths : ['.']),
  ];
}
