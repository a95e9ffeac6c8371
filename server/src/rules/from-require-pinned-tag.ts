/**
 * Why: an untagged image means `:latest`, and `latest` (like Alpine's rolling `edge`) moves whenever a new image is
 * pushed, so the same Dockerfile builds on a different base from one day to the next.
 */
import { parseImageReference, type ImageReference } from '../dockerfile/image';
import { releaseTableOf } from '../knowledge/alpineData';
import { replace } from '../edits/edits';
import { defineRule, type Fix } from './rule';

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
      if (isOfficialAlpine(reference)) {
        const latestAlpineRelease = releaseTableOf(context.alpineData).newest;
        const edit = problem === 'untagged'
          ? replace({ start: offsets.end, end: offsets.end }, `:${latestAlpineRelease}`)
          : replace({ start: tagStart, end: offsets.end }, latestAlpineRelease);
        // Why a suggestion: today it is the release `latest` points to, but `edge` and future `latest` differ.
        fixes.push({ title: `Pin \`alpine\` to \`${latestAlpineRelease}\``, kind: 'suggestion', edits: [edit] });
      }
      context.report({ at, message: literalMessage(stage.imageText, reference, problem), fixes });
    }
  },
});
