/**
 * Why: when a FROM image is built from global ARGs, their defaults should give a valid image name, so the file builds
 * without `--build-arg`; an `ARG TAG` without a default makes `FROM alpine:$TAG` read `alpine:` (BuildKit
 * InvalidDefaultArgInFrom).
 */
import { isValidImageReference } from '../dockerfile/image';
import { expandVariables } from '../dockerfile/variables';
import { PLATFORM_ARGS } from '../knowledge/buildkit';
import { defineRule } from './rule';

/** Values the platform ARGs have on a common build machine, for judging names built from them. */
const PLATFORM_EXAMPLES: Readonly<Record<string, string>> = {
  TARGETPLATFORM: 'linux/amd64', TARGETOS: 'linux', TARGETARCH: 'amd64', TARGETVARIANT: '',
  BUILDPLATFORM: 'linux/amd64', BUILDOS: 'linux', BUILDARCH: 'amd64', BUILDVARIANT: '',
};

export default defineRule({
  id: 'from-arg-require-valid-default',
  description: 'Give the global ARGs a `FROM` image uses defaults that make a valid image name.',
  defaultSeverity: 'warning',
  buildkit: ['InvalidDefaultArgInFrom'],
  check(context) {
    const model = context.dockerfile;
    for (const stage of model.stages) {
      const image = stage.from?.image;
      if (!image || !stage.imageText.includes('$')) continue;
      let unknown = false;
      const expanded = expandVariables(stage.imageText, (name) => {
        if (model.globalArgs.has(name)) return model.globalArgs.get(name);
        if (PLATFORM_ARGS.has(name)) return PLATFORM_EXAMPLES[name];
        // Undeclared: from-arg-require-declared's finding.
        unknown = true;
        return '';
      });
      if (unknown || expanded === undefined || expanded.includes('$') || isValidImageReference(expanded)) continue;
      context.report({
        at: image,
        message: expanded === ''
          ? `\`${stage.imageText}\` is empty with the default build arguments; give the ARG a default image.`
          : `\`${stage.imageText}\` is \`${expanded}\` with the default build arguments, which is not a valid image name.`,
      });
    }
  },
});
