/** Base image references: how they split, and which family and Alpine release they name. */
import assert from 'node:assert/strict';
import { classifyImage, parseImageReference, type BaseFamily, type ImageReference } from '../../../server/src/dockerfile/image';

interface Case {
  readonly image: string;
  readonly reference: Partial<ImageReference> & Pick<ImageReference, 'repository'>;
  readonly family: BaseFamily;
  readonly alpineRelease?: string;
}

const DIGEST = `sha256:${'0123456789abcdef'.repeat(4)}`;

const cases: Case[] = [
  // Alpine itself
  { image: 'alpine', reference: { repository: 'alpine' }, family: 'alpine' },
  { image: 'alpine:3.20', reference: { repository: 'alpine', tag: '3.20' }, family: 'alpine', alpineRelease: '3.20' },
  { image: 'alpine:3.20.3', reference: { repository: 'alpine', tag: '3.20.3' }, family: 'alpine', alpineRelease: '3.20' },
  { image: 'alpine:edge', reference: { repository: 'alpine', tag: 'edge' }, family: 'alpine', alpineRelease: 'edge' },
  { image: 'alpine:latest', reference: { repository: 'alpine', tag: 'latest' }, family: 'alpine' },
  { image: 'alpine:3', reference: { repository: 'alpine', tag: '3' }, family: 'alpine' },
  { image: 'ALPINE:3.20', reference: { repository: 'alpine', tag: '3.20' }, family: 'alpine', alpineRelease: '3.20' },
  { image: 'docker.io/library/alpine:3.19', reference: { registry: 'docker.io', repository: 'alpine', tag: '3.19' }, family: 'alpine', alpineRelease: '3.19' },
  { image: 'docker.io/alpine', reference: { registry: 'docker.io', repository: 'alpine' }, family: 'alpine' },
  // Note: `library/` is Docker Hub's namespace; elsewhere it is part of the path.
  { image: 'ghcr.io/library/alpine', reference: { registry: 'ghcr.io', repository: 'library/alpine' }, family: 'alpine' },
  { image: 'localhost:5000/alpine:3.18', reference: { registry: 'localhost:5000', repository: 'alpine', tag: '3.18' }, family: 'alpine', alpineRelease: '3.18' },
  { image: 'localhost/alpine', reference: { registry: 'localhost', repository: 'alpine' }, family: 'alpine' },
  { image: `alpine@${DIGEST}`, reference: { repository: 'alpine', digest: DIGEST }, family: 'alpine' },
  { image: `alpine:3.20@${DIGEST}`, reference: { repository: 'alpine', tag: '3.20', digest: DIGEST }, family: 'alpine', alpineRelease: '3.20' },
  { image: 'alpine/git', reference: { repository: 'alpine/git' }, family: 'alpine' },
  // Alpine variants of other images
  { image: 'python:3.12-alpine3.20', reference: { repository: 'python', tag: '3.12-alpine3.20' }, family: 'alpine', alpineRelease: '3.20' },
  { image: 'node:20-alpine', reference: { repository: 'node', tag: '20-alpine' }, family: 'alpine' },
  { image: 'node:20-alpine3.19', reference: { repository: 'node', tag: '20-alpine3.19' }, family: 'alpine', alpineRelease: '3.19' },
  { image: 'golang:alpine', reference: { repository: 'golang', tag: 'alpine' }, family: 'alpine' },
  { image: 'nginx:alpine', reference: { repository: 'nginx', tag: 'alpine' }, family: 'alpine' },
  { image: 'traefik:v3', reference: { repository: 'traefik', tag: 'v3' }, family: 'alpine' },
  // Debian and Ubuntu
  { image: 'python:3.12', reference: { repository: 'python', tag: '3.12' }, family: 'debian' },
  { image: 'python:3.12-slim', reference: { repository: 'python', tag: '3.12-slim' }, family: 'debian' },
  { image: 'node', reference: { repository: 'node' }, family: 'debian' },
  { image: 'debian:bookworm', reference: { repository: 'debian', tag: 'bookworm' }, family: 'debian' },
  { image: 'ubuntu:24.04', reference: { repository: 'ubuntu', tag: '24.04' }, family: 'debian' },
  { image: 'redis:7-bookworm', reference: { repository: 'redis', tag: '7-bookworm' }, family: 'debian' },
  // Others
  { image: 'centos:7', reference: { repository: 'centos', tag: '7' }, family: 'rhel' },
  { image: 'fedora:40', reference: { repository: 'fedora', tag: '40' }, family: 'rhel' },
  { image: 'registry.access.redhat.com/ubi9', reference: { registry: 'registry.access.redhat.com', repository: 'ubi9' }, family: 'rhel' },
  { image: 'gcr.io/distroless/static', reference: { registry: 'gcr.io', repository: 'distroless/static' }, family: 'distroless' },
  { image: 'scratch', reference: { repository: 'scratch' }, family: 'scratch' },
  { image: 'cgr.dev/chainguard/wolfi-base', reference: { registry: 'cgr.dev', repository: 'chainguard/wolfi-base' }, family: 'wolfi' },
  {
    image: 'mcr.microsoft.com/windows/servercore:ltsc2022',
    reference: { registry: 'mcr.microsoft.com', repository: 'windows/servercore', tag: 'ltsc2022' },
    family: 'windows',
  },
  {
    image: 'mcr.microsoft.com/dotnet/runtime:8.0-nanoserver-ltsc2022',
    reference: { registry: 'mcr.microsoft.com', repository: 'dotnet/runtime', tag: '8.0-nanoserver-ltsc2022' },
    family: 'windows',
  },
  { image: 'bitnami/python:3.12', reference: { repository: 'bitnami/python', tag: '3.12' }, family: 'unknown' },
  { image: 'registry.example.com:5000/team/app:1.0', reference: { registry: 'registry.example.com:5000', repository: 'team/app', tag: '1.0' }, family: 'unknown' },
];

describe('parseImageReference and classifyImage', () => {
  for (const { image, reference, family, alpineRelease } of cases) {
    it(image, () => {
      const parsed = parseImageReference(image);
      assert.ok(parsed);
      assert.deepEqual(parsed, { registry: undefined, tag: undefined, digest: undefined, ...reference });
      assert.deepEqual(classifyImage(parsed), { family, alpineRelease });
    });
  }

  for (const image of ['$BASE', '${BASE}', 'alpine:${TAG}', '']) {
    it(`${JSON.stringify(image)} cannot be parsed`, () => {
      assert.equal(parseImageReference(image), undefined);
    });
  }
});
