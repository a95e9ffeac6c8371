import assert from 'node:assert/strict';
import { parseDockerfile } from '../../../../server/src/dockerfile/model';
import { officialLanguageImage } from '../../../../server/src/rules/shared/languageImage';

/** The runtime and image of each stage of `text`, `-` for a stage that is not an official language image. */
function imagesOf(text: string): string[] {
  return parseDockerfile(text).stages.map((stage) => {
    const image = officialLanguageImage(stage);
    return image ? `${image.runtime} ${image.image}` : '-';
  });
}

describe('officialLanguageImage', () => {
  it('official python and node Alpine images, through Docker Hub spellings', () => {
    assert.deepEqual(imagesOf('FROM python:3.12-alpine\nFROM node:22-alpine3.20\nFROM docker.io/library/python:3-alpine\nFROM index.docker.io/library/node:lts-alpine'), [
      'python python:3.12-alpine',
      'node node:22-alpine3.20',
      'python docker.io/library/python:3-alpine',
      'node index.docker.io/library/node:lts-alpine',
    ]);
  });

  it('not other variants, registries or namespaces', () => {
    assert.deepEqual(imagesOf('FROM python:3.12-slim\nFROM python\nFROM ghcr.io/acme/python:3.12-alpine\nFROM acme/python:3.12-alpine\nFROM alpine:3.20\nFROM golang:1.22-alpine'), ['-', '-', '-', '-', '-', '-']);
  });

  it('through global ARGs, with and without defaults, and through earlier stages', () => {
    assert.deepEqual(imagesOf('ARG PY=3.11\nARG NODE\nFROM python:${PY}-alpine AS base\nFROM node:${NODE}-alpine\nFROM base AS app\nFROM app\nFROM ${NODE}:alpine'), [
      'python python:3.11-alpine',
      'node node:${NODE}-alpine',
      'python python:3.11-alpine',
      'python python:3.11-alpine',
      '-',
    ]);
  });
});
