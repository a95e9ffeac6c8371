/**
 * "Is this stage's base an official language image on Alpine?" — asked by the rules that must not add a second
 * interpreter beside the image's own (`python:*-alpine`, `node:*-alpine`), through global ARGs and earlier stages
 * (`FROM base AS app` where `base` is `FROM python:3.12-alpine`). Layers below the rules (split/) can ask the same
 * of a parsed image reference with `officialAlpineLanguageRuntime` (knowledge/languageImages.ts).
 */
import { stageChain, type Stage } from '../../dockerfile/model';
import { parseImageReference } from '../../dockerfile/image';
import { officialAlpineLanguageRuntime, type LanguageRuntime } from '../../knowledge/languageImages';
import { memoOn } from '../../util/memo';

export interface OfficialLanguageImage {
  readonly runtime: LanguageRuntime;
  /** The image as resolved (`python:3.12-alpine`), for messages. */
  readonly image: string;
}

const KEY = Symbol('officialLanguageImage');

/**
 * The official `python`/`node` image an Alpine stage is built on (directly or through its parent stages), or
 * undefined. A tag that still holds an unset ARG (`python:${VERSION}-alpine`) counts when the rest is literal.
 */
export function officialLanguageImage(stage: Stage | undefined): OfficialLanguageImage | undefined {
  if (!stage) return undefined;
  return memoOn(stage, KEY, () => {
    const chain = stageChain(stage);
    const root = chain[chain.length - 1];
    const image = root.resolvedImage ?? root.imageText;
    const reference = parseImageReference(image) ?? parseImageReference(withoutExpansionsInTag(image));
    const runtime = reference && officialAlpineLanguageRuntime(reference.registry, reference.repository, reference.tag);
    return runtime ? { runtime, image } : undefined;
  });
}

/** `python:${V}-alpine` → `python:V-alpine`: the repository must be literal, the tag only has to say `alpine`. */
function withoutExpansionsInTag(image: string): string {
  const colon = image.indexOf(':', image.lastIndexOf('/') + 1);
  if (colon === -1 || image.slice(0, colon).includes('$')) return '';
  return image.slice(0, colon + 1) + image.slice(colon + 1).replaceAll('$', '').replaceAll('{', '').replaceAll('}', '').replaceAll(':', '');
}
