/** Classifies a base image reference into a family (Alpine, Debian, …) and, for Alpine, a release. */

export type BaseFamily = 'alpine' | 'wolfi' | 'debian' | 'rhel' | 'distroless' | 'scratch' | 'windows' | 'unknown';

export interface ImageReference {
  readonly registry: string | undefined;
  /** Repository path without registry, e.g. `library/alpine` → `alpine`, `bitnami/python`. */
  readonly repository: string;
  readonly tag: string | undefined;
  readonly digest: string | undefined;
}

export interface BaseImageFacts {
  readonly family: BaseFamily;
  /** `3.20`, `edge`, or undefined when the tag does not say (e.g. `alpine`, `alpine:latest`, `node:20-alpine`). */
  readonly alpineRelease: string | undefined;
}

/**
 * Official images whose default (untagged-variant) flavour is Debian or Ubuntu, as published on Docker Hub.
 * Why: `python:3.12` is Debian-based; naming the family keeps Alpine-only rules quiet there.
 */
const DEBIAN_DEFAULT_IMAGES = new Set([
  'python', 'node', 'golang', 'ruby', 'php', 'perl', 'postgres', 'redis', 'nginx', 'httpd', 'rust', 'haproxy',
  'memcached', 'rabbitmq', 'elixir', 'erlang', 'gcc', 'buildpack-deps', 'maven', 'gradle', 'eclipse-temurin',
  'openjdk', 'debian', 'ubuntu', 'julia', 'r-base', 'mongo', 'mariadb', 'wordpress', 'drupal', 'ghost', 'tomcat',
  'jenkins/jenkins', 'bitnami/minideb', 'mcr.microsoft.com/devcontainers/base', 'swift', 'haskell', 'clojure',
  'pypy', 'sonarqube', 'nextcloud', 'influxdb',
]);
/**
 * Official images whose default flavour is built `FROM alpine` (release not in the tag).
 * Why: `bash:5` (tianon/docker-bash), `composer:2` (`php:8-alpine`) and `traefik:v3` run `apk`, not `apt-get`.
 */
const ALPINE_DEFAULT_IMAGES = new Set(['bash', 'composer', 'traefik']);
/** Official images with a Debian default whose tags matching the pattern are Alpine-based (`wordpress:cli-*`). */
const ALPINE_TAGS_OF_DEBIAN_IMAGES: ReadonlyMap<string, RegExp> = new Map([['wordpress', /^cli(?:$|-)/]]);
const DEBIAN_TAG_WORDS = /(?:^|[-.])(?:bookworm|bullseye|buster|stretch|jessie|trixie|forky|sid|slim|focal|jammy|noble|bionic|xenial|oracular|plucky)(?:$|[-.])/;
const RHEL_IMAGES = /^(?:centos|fedora|rockylinux|rockylinux\/rockylinux|almalinux|amazonlinux|oraclelinux|redhat\/ubi\d*(?:-\w+)?|ubi\d+(?:\/\w+)?|rhel\d*(?:\/\w+)?|opensuse\/\w+|photon)$/;
const ALPINE_RELEASE_IN_TAG = /alpine(\d+\.\d+)/;

/** Splits `registry/repo:tag@digest`. Returns undefined for references that still contain `$` expansions. */
export function parseImageReference(reference: string): ImageReference | undefined {
  if (reference === '' || reference.includes('$')) return undefined;
  let rest = reference;
  let digest: string | undefined;
  const at = rest.indexOf('@');
  if (at !== -1) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
  }
  let tag: string | undefined;
  const lastSlash = rest.lastIndexOf('/');
  const colon = rest.lastIndexOf(':');
  if (colon > lastSlash) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
  }
  let registry: string | undefined;
  const firstSlash = rest.indexOf('/');
  if (firstSlash !== -1) {
    const head = rest.slice(0, firstSlash);
    if (head.includes('.') || head.includes(':') || head === 'localhost') {
      registry = head;
      rest = rest.slice(firstSlash + 1);
    }
  }
  // Note: `library/` is Docker Hub's namespace for official images; on other registries it is a plain path.
  const isDockerHub = registry === undefined || registry === 'docker.io' || registry === 'index.docker.io';
  const repository = isDockerHub && rest.startsWith('library/') ? rest.slice('library/'.length) : rest;
  return { registry, repository: repository.toLowerCase(), tag, digest };
}

/** The family and Alpine release of an image reference. */
export function classifyImage(reference: ImageReference): BaseImageFacts {
  const { registry, repository } = reference;
  const tag = reference.tag?.toLowerCase();
  const name = repository.slice(repository.lastIndexOf('/') + 1);
  const unknown: BaseImageFacts = { family: 'unknown', alpineRelease: undefined };
  if (repository === 'scratch') return { family: 'scratch', alpineRelease: undefined };
  if (registry === 'gcr.io' && repository.startsWith('distroless/')) return { family: 'distroless', alpineRelease: undefined };
  if (registry === 'cgr.dev' || name === 'wolfi-base' || repository.startsWith('chainguard/')) {
    return { family: 'wolfi', alpineRelease: undefined };
  }
  if (registry === 'mcr.microsoft.com' && /windows|nanoserver|servercore/.test(repository)) return { family: 'windows', alpineRelease: undefined };
  if (tag && /windowsservercore|nanoserver|ltsc\d{4}/.test(tag)) return { family: 'windows', alpineRelease: undefined };
  if (name === 'alpine' || repository.startsWith('alpine/') || repository === 'alpinelinux/docker-alpine') {
    return { family: 'alpine', alpineRelease: alpineReleaseFromAlpineTag(repository === 'alpine' || name === 'alpine' ? tag : undefined) };
  }
  if (tag && tag.includes('alpine')) {
    return { family: 'alpine', alpineRelease: ALPINE_RELEASE_IN_TAG.exec(tag)?.[1] };
  }
  if (RHEL_IMAGES.test(repository) || registry === 'registry.access.redhat.com' || registry === 'registry.redhat.io') {
    return { family: 'rhel', alpineRelease: undefined };
  }
  if (name === 'debian' || name === 'ubuntu' || (tag && DEBIAN_TAG_WORDS.test(tag))) return { family: 'debian', alpineRelease: undefined };
  const hubName = registry === undefined || registry === 'docker.io' ? repository : `${registry}/${repository}`;
  if (tag && ALPINE_TAGS_OF_DEBIAN_IMAGES.get(hubName)?.test(tag)) return { family: 'alpine', alpineRelease: undefined };
  if (DEBIAN_DEFAULT_IMAGES.has(hubName)) return { family: 'debian', alpineRelease: undefined };
  if (ALPINE_DEFAULT_IMAGES.has(hubName)) return { family: 'alpine', alpineRelease: undefined };
  return unknown;
}

/** `3.20.3` → `3.20`, `edge` → `edge`, `latest`/none → undefined. */
function alpineReleaseFromAlpineTag(tag: string | undefined): string | undefined {
  if (tag === undefined || tag === 'latest') return undefined;
  if (tag === 'edge') return 'edge';
  const match = /^(\d+)\.(\d+)/.exec(tag);
  return match ? `${match[1]}.${match[2]}` : undefined;
}

const isLowerAlnum = (character: string): boolean => (character >= 'a' && character <= 'z') || (character >= '0' && character <= '9');
const isAlnum = (character: string): boolean => isLowerAlnum(character) || (character >= 'A' && character <= 'Z');

/** A path component of a repository: lower-case letters and digits, joined by `.`, `_`, `__` or dashes. */
function isPathComponent(component: string): boolean {
  if (component === '' || !isLowerAlnum(component[0]) || !isLowerAlnum(component[component.length - 1])) return false;
  let separator = '';
  for (const character of component) {
    if (isLowerAlnum(character)) {
      separator = '';
      continue;
    }
    separator += character;
    const valid = separator === '.' || separator === '_' || separator === '__' || [...separator].every((dash) => dash === '-');
    if (!valid) return false;
  }
  return true;
}

/** A registry host: letters, digits, dots and dashes, optionally `:port`. */
function isDomain(component: string): boolean {
  const [host, port, extra] = component.split(':');
  if (extra !== undefined || host === '' || ![...host].every((character) => isAlnum(character) || character === '.' || character === '-')) return false;
  return port === undefined || (port !== '' && [...port].every((character) => character >= '0' && character <= '9'));
}

/**
 * True when `reference` is a valid image reference as Docker parses it (`name[:tag][@digest]`, the name lower case,
 * the tag up to 128 word characters, dots and dashes). BuildKit refuses a FROM whose image is not.
 */
export function isValidImageReference(reference: string): boolean {
  if (reference === '' || reference.length > 4096) return false;
  let rest = reference;
  const at = rest.indexOf('@');
  if (at !== -1) {
    const digest = rest.slice(at + 1);
    const colon = digest.indexOf(':');
    if (colon <= 0 || colon === digest.length - 1) return false;
    rest = rest.slice(0, at);
  }
  const lastSlash = rest.lastIndexOf('/');
  const colon = rest.lastIndexOf(':');
  if (colon > lastSlash) {
    const tag = rest.slice(colon + 1);
    if (tag === '' || tag.length > 128 || tag[0] === '.' || tag[0] === '-') return false;
    if (![...tag].every((character) => isAlnum(character) || '_.-'.includes(character))) return false;
    rest = rest.slice(0, colon);
  }
  const components = rest.split('/');
  const first = components[0];
  const hasDomain = components.length > 1 && (first.includes('.') || first.includes(':') || first === 'localhost');
  if (hasDomain && !isDomain(first)) return false;
  return components.slice(hasDomain ? 1 : 0).every(isPathComponent) && components.length > (hasDomain ? 1 : 0);
}
