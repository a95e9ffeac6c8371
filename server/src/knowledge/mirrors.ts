/**
 * Alpine package mirrors: hosts that no longer serve Alpine's repositories, and hosts known to serve them over
 * HTTPS. Each dead host carries the date it was reported gone and where.
 */
import type { Reference } from './types';

export interface DeadMirror {
  readonly host: string;
  /** When the host was reported as no longer serving Alpine, `YYYY-MM-DD`. */
  readonly reportedGone: string;
  readonly reference: Reference;
}

/** The host Alpine's own images and documentation use: a CDN in front of the master mirror. */
export const ALPINE_CDN_HOST = 'dl-cdn.alpinelinux.org';

/** Hosts that answer Alpine repository paths over HTTPS (checked 2026-12-05). */
export const HTTPS_MIRRORS: ReadonlySet<string> = new Set([ALPINE_CDN_HOST]);

/**
 * The first release whose `alpine` image lists its repositories as `https://dl-cdn.alpinelinux.org/…`, so the image
 * itself fetches over HTTPS (its CA certificates included). Sources: alpinelinux/docker-alpine#132 (2021-01-11,
 * https by default from 3.13 on); canonical/cloud-init#6947 (2026-07-22, `alpine:3.24`'s file shown with https).
 */
export const FIRST_HTTPS_DEFAULT_RELEASE = '3.13';
export const HTTPS_DEFAULT_REFERENCES: readonly Reference[] = [
  { title: 'alpinelinux/docker-alpine#132: https repositories by default from Alpine 3.13', url: 'https://github.com/alpinelinux/docker-alpine/issues/132' },
  { title: 'canonical/cloud-init#6947: alpine:3.24 lists https://dl-cdn.alpinelinux.org', url: 'https://github.com/canonical/cloud-init/pull/6947' },
];

export const DEAD_MIRRORS: readonly DeadMirror[] = [
  {
    host: 'nl.alpinelinux.org',
    reportedGone: '2022-10-25',
    reference: { title: 'richarvey/nginx-php-fpm#270: nl.alpinelinux.org is gone from the mirror list and answers 404', url: 'https://github.com/richarvey/nginx-php-fpm/pull/270' },
  },
  {
    host: 'dl-4.alpinelinux.org',
    reportedGone: '2022-10-25',
    reference: { title: 'webdevops/Dockerfile#460: dl-4.alpinelinux.org is down, builds fail', url: 'https://github.com/webdevops/Dockerfile/issues/460' },
  },
  {
    host: 'dl-1.alpinelinux.org',
    reportedGone: '2018-07-25',
    reference: { title: 'NetApp/trident#155: dl-1.alpinelinux.org answers "No such file or directory"', url: 'https://github.com/NetApp/trident/pull/155' },
  },
  {
    host: 'fr.alpinelinux.org',
    reportedGone: '2017-02-09',
    reference: { title: 'alpinelinux/alpine-chroot-install#1: fr.alpinelinux.org was shut down', url: 'https://github.com/alpinelinux/alpine-chroot-install/pull/1' },
  },
];

const deadByHost = new Map(DEAD_MIRRORS.map((mirror) => [mirror.host, mirror]));

/** The dead-mirror entry for a host (case-insensitive), if any. */
export function findDeadMirror(host: string): DeadMirror | undefined {
  return deadByHost.get(host.toLowerCase());
}
