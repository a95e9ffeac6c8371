/**
 * Why: an untagged image means `:latest`, and `latest` (like Alpine's rolling `edge`) moves whenever a new image is
 * pushed, so the same Dockerfile builds on a different base from one day to the next.
 */
import { parseImageReference, type ImageReference } from '../dockerfile/image';
import { releaseTableOf } from '../knowledge/alpineData';
import { replace } from '../edits/edits';
import type { FromInstruction, Token } from '../dockerfile/model';
import type { Span } from '../util/span';
import { defineRule, type Fix, type RuleContext } from './rule';
import { missingAfterMovePhrase, packagesMissingAfterMove } from './shared/releaseMove';

type Problem = 'untagged' | 'latest' | 'edge';

const DOCKER_HUB = new Set([undefined, 'docker.io', 'index.docker.io', 'registry-1.docker.io']);

/** The official `alpine` image, however its Docker Hub name is spelled. */
function isOfficialAlpine(reference: ImageReference): boolean {
  return reference.repository === 'alpine' && DOCKER_HUB.has(reference.registry);
}

function problemOf(reference: ImageReference): Problem | undefined {
  if (reference.repository === 'scratch' || reference.digest !== undefined) return undefined;
  if (reference.tag === undefined) return 'untagged';
  if (reference.tag === 'latest') return 'latest';
  if (reference.tag === 'edge' && isOfficialAlpine(reference)) return 'edge';
  return undefined;
}

function literalMessage(image: string, reference: ImageReference, problem: Problem): string {
  switch (problem) {
    case 'untagged':
      return `\`${image}\` has no tag, so it pulls \`latest\`, which moves to a new image whenever one is pushed.`;
    case 'latest':
      return isOfficialAlpine(reference)
        ? 'The `latest` tag moves to each new Alpine release, so a rebuild can silently change the base image.'
        : 'The `latest` tag moves to a new image whenever one is pushed, so a rebuild can silently change the base image.';
    case 'edge':
      return '`edge` is Alpine\'s rolling development branch, so a rebuild can silently pick up different packages.';
  }
}

/** Spaces and tabs only (no line continuation between the two words). */
function isBlanks(gap: string): boolean {
  if (gap === '') return false;
  for (const char of gap) if (char !== ' ' && char !== '\t') return false;
  return true;
}

/**
 * A reference Docker rejects before pulling anything ("invalid reference format"): no repository name (`:3.14`,
 * `@sha256:…`), or a `:` with nothing after it (`golang:`). A tag written as a separate word (`golang: 1.17`,
 * `golang :1.17`) is the usual cause. Returns true when reported, so the pinning checks stay quiet there.
 */
function reportMalformed(context: RuleContext, from: FromInstruction, image: Token, reference: ImageReference): boolean {
  const noName = reference.repository === '';
  const emptyTag = reference.tag === '' && reference.digest === undefined;
  const next = from.arguments[1];
  const nextIsAs = next !== undefined && next.value.toLowerCase() === 'as';
  // `golang :1.17`: the name is whole, the tag is the next word.
  const detachedTag = !noName && reference.tag === undefined && reference.digest === undefined
    && next !== undefined && !nextIsAs && next.value.startsWith(':') && next.value.length > 1;
  if (!noName && !emptyTag && !detachedTag) return false;
  const text = context.dockerfile.text;
  const joinable = next !== undefined && !nextIsAs && image.raw === image.value && next.raw === next.value
    && isBlanks(text.slice(image.end, next.start));
  if (noName) {
    // `FROM :3.14` names a tag of nothing; `FROM golang: 1.17` is not this case (the name is there).
    const what = reference.digest !== undefined ? 'a digest' : reference.tag ? `the tag \`${reference.tag}\`` : 'its colon';
    context.report({
      at: image,
      message: `\`${image.value}\` has no image name before ${what}, so Docker rejects this FROM ("invalid reference format"). Write the image name before it.`,
    });
    return true;
  }
  if (joinable && (emptyTag !== next.value.startsWith(':'))) {
    // The tag was typed as a separate word: Docker reads the name alone and treats the tag as a stray argument.
    const at: Span = { start: image.start, end: next.end };
    const joined = `${image.value}${next.value}`;
    context.report({
      at,
      message: `The tag \`${next.value.startsWith(':') ? next.value.slice(1) : next.value}\` is a separate word after \`${image.value}\`, so Docker reads \`${image.value}\` as the image and rejects this FROM. Remove the space: \`${joined}\`.`,
      fixes: [{ title: `Join the tag: \`${joined}\``, kind: 'suggestion', edits: [replace({ start: image.end, end: next.start }, '')] }],
    });
    return true;
  }
  if (!emptyTag) return false;
  context.report({
    at: image,
    message: `\`${image.value}\` ends with \`:\` and no tag, so Docker rejects this FROM ("invalid reference format"). Write the tag after the colon, or remove the colon.`,
  });
  return true;
}

export default defineRule({
  id: 'from-require-pinned-tag',
  description: 'Give base images a tag other than `latest` (or a digest), so rebuilds start from the same image.',
  defaultSeverity: 'warning',
  fixSummary: 'suggestion: pin `alpine` to the current release',
  hadolint: ['DL3006', 'DL3007'],
  check(context) {
    const model = context.dockerfile;
    for (const stage of model.stages) {
      // Why: `FROM builder` names an earlier stage; an unresolved `$ARG` cannot be judged (hadolint skips both).
      if (!stage.from || stage.parent || stage.resolvedImage === undefined) continue;
      const reference = parseImageReference(stage.resolvedImage);
      if (!reference) continue;
      if (!stage.imageText.includes('$') && stage.from.image && reportMalformed(context, stage.from, stage.from.image, reference)) continue;
      const problem = problemOf(reference);
      if (!problem) continue;
      const offsets = stage.from.image;
      if (!offsets) continue;
      const written = model.text.slice(offsets.start, offsets.end);

      if (stage.imageText.includes('$')) {
        // Not reported by hadolint: the default build arguments decide which image is pulled.
        const resolved = problem === 'untagged' ? `the untagged \`${stage.resolvedImage}\`` : `\`${stage.resolvedImage}\``;
        context.report({
          at: offsets,
          message: `\`${stage.imageText}\` resolves to ${resolved} with the default build arguments, which moves to a new image whenever one is pushed.`,
        });
        continue;
      }
      if (written !== stage.imageText) {
        // A continuation line or escape inside the image word: report it whole and offer no edit.
        context.report({ at: offsets, message: literalMessage(stage.imageText, reference, problem) });
        continue;
      }
      const tagStart = problem === 'untagged' ? offsets.end : offsets.start + written.lastIndexOf(':') + 1;
      const at = problem === 'untagged' ? offsets : { start: tagStart, end: offsets.end };
      const fixes: Fix[] = [];
      let declined = '';
      if (isOfficialAlpine(reference)) {
        const latestAlpineRelease = releaseTableOf(context.alpineData).newest;
        // Why: pinning a stage that installs packages the release lacks would only move the build failure here.
        const missing = packagesMissingAfterMove(context, stage, latestAlpineRelease);
        if (missing.names.length > 0) {
          declined = ` ${missingAfterMovePhrase(missing, latestAlpineRelease)}`;
        } else {
          const edit = problem === 'untagged'
            ? replace({ start: offsets.end, end: offsets.end }, `:${latestAlpineRelease}`)
            : replace({ start: tagStart, end: offsets.end }, latestAlpineRelease);
          // Why a suggestion: today it is the release `latest` points to, but `edge` and future `latest` differ.
          fixes.push({ title: `Pin \`alpine\` to \`${latestAlpineRelease}\``, kind: 'suggestion', edits: [edit] });
        }
      }
      context.report({ at, message: `${literalMessage(stage.imageText, reference, problem)}${declined}`, fixes });
    }
  },
});
