/**
 * Shells on Alpine-based images. Alpine's base image carries BusyBox only: `/bin/sh` (ash) exists, `bash`, `zsh`
 * and `fish` exist only once their package is installed (package names equal to the program names).
 * Sources, read 2026-12-05: the alpine image's rootfs (alpine-baselayout, busybox, musl, apk-tools; no bash),
 * and the docker-library Dockerfiles of the `-alpine` variants listed below, which install no shell.
 */

/** Shells that are never in an Alpine image unless a package installs them, by program name (= package name). */
export const OPTIONAL_SHELLS: ReadonlySet<string> = new Set(['bash', 'zsh', 'fish']);

/**
 * Repositories whose Alpine images are known to ship BusyBox `sh` only (checked 2026-12-05 in docker-library's
 * `alpine`, `python`, `node` and `golang` Dockerfiles). Other Alpine-based images may add a shell (postgres's
 * entrypoint is a bash script, so its alpine variant installs bash): they are not assumed either way.
 */
export const IMAGES_WITHOUT_OPTIONAL_SHELLS: ReadonlySet<string> = new Set(['alpine', 'python', 'node', 'golang']);

/** The program a path or name runs: `/usr/bin/bash` → `bash`. */
export function programName(word: string): string {
  return word.slice(word.lastIndexOf('/') + 1);
}
