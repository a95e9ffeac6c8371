/**
 * Facts about BuildKit's Dockerfile frontend that its build checks depend on (docs.docker.com, "Dockerfile
 * reference" and "Build checks", and moby/buildkit `frontend/dockerfile/dockerfile2llb`, as of 2026-11).
 */

/** The platform ARGs BuildKit defines in the global scope: FROM lines may use them without declaring them. */
export const PLATFORM_ARGS: ReadonlySet<string> = new Set([
  'TARGETPLATFORM', 'TARGETOS', 'TARGETARCH', 'TARGETVARIANT', 'BUILDPLATFORM', 'BUILDOS', 'BUILDARCH', 'BUILDVARIANT',
]);

/** The proxy ARGs Docker predefines: a build may pass them with `--build-arg` without an `ARG` line. */
export const PROXY_ARGS: ReadonlySet<string> = new Set([
  'HTTP_PROXY', 'http_proxy', 'HTTPS_PROXY', 'https_proxy', 'FTP_PROXY', 'ftp_proxy', 'NO_PROXY', 'no_proxy', 'ALL_PROXY', 'all_proxy',
]);

/**
 * Build arguments BuildKit reads itself and never turns into environment variables (SBOM scanning); using them is
 * never reported.
 */
export const BUILDKIT_ARGS: ReadonlySet<string> = new Set(['BUILDKIT_SBOM_SCAN_CONTEXT', 'BUILDKIT_SBOM_SCAN_STAGE']);

/**
 * Official Docker Hub images whose image configuration sets no environment variable but `PATH` (their Dockerfiles on
 * github.com/docker-library and alpinelinux/docker-alpine, checked 2026-11): a stage built on one of them has only
 * the variables its Dockerfile defines. For any other image the environment is unknown without a registry.
 */
export const PATH_ONLY_IMAGES: ReadonlySet<string> = new Set(['alpine', 'busybox', 'debian', 'ubuntu']);

/** Stage names BuildKit reserves: `scratch` (the empty image) and `context` (the build context). */
export const RESERVED_STAGE_NAMES: ReadonlySet<string> = new Set(['scratch', 'context']);
