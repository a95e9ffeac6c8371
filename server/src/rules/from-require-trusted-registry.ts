/** Why: a team that pulls images only from registries it trusts needs every base and copied image checked against them. */
import { parseImageReference } from '../dockerfile/image';
import { stageNamed, type Stage } from '../dockerfile/model';
import { expandAt } from '../dockerfile/variables';
import type { Span } from '../util/span';
import { isDigits } from './shared/stages';
import { defineRule } from './rule';

export default defineRule({
  id: 'from-require-trusted-registry',
  description: 'Pull images only from the trusted registries the team configured (`trustedRegistries`).',
  defaultSeverity: 'error',
  hadolint: ['DL3026'],
  check(context) {
    const trusted = context.options.trustedRegistries ?? [];
    if (trusted.length === 0) return;
    const model = context.dockerfile;
    const checkImage = (image: string | undefined, at: Span, offset: number): void => {
      if (image === undefined || image === '' || image.includes('$')) return;
      if (isDigits(image) || stageNamed(model, image, offset) !== undefined) return;
      const reference = parseImageReference(image);
      if (!reference || (reference.registry === undefined && reference.repository === 'scratch')) return;
      const registry = reference.registry ?? 'docker.io';
      if (trusted.some((pattern) => registryMatches(pattern, registry))) return;
      context.report({ at, message: `\`${image}\` comes from \`${registry}\`, which is not a trusted registry (${trusted.map((item) => `\`${item}\``).join(', ')}).` });
    };
    for (const stage of model.stages) {
      const from = stage.from;
      if (from?.image) checkImage(stage.resolvedImage, from.image, from.start);
    }
    for (const instruction of model.instructions) {
      if (instruction.keyword === 'COPY' || instruction.keyword === 'ADD') {
        const flag = instruction.from;
        if (flag?.valueSpan && flag.value) checkImage(resolve(instruction.stage, instruction.start, flag.value), flag.valueSpan, instruction.start);
      } else if (instruction.keyword === 'RUN') {
        for (const flag of instruction.flags) {
          if (flag.name.toLowerCase() !== 'mount') continue;
          const option = flag.options.find((candidate) => candidate.name === 'from');
          if (option?.value) checkImage(resolve(instruction.stage, instruction.start, option.value), option, instruction.start);
        }
      }
    }
  },
});

function resolve(stage: Stage | undefined, offset: number, text: string): string | undefined {
  if (!text.includes('$')) return text;
  return stage ? expandAt(stage, offset, text) : undefined;
}

/**
 * hadolint's registry patterns: `*` trusts every registry, `*.example.com` every subdomain of example.com, anything
 * else one registry by name; Docker Hub is `docker.io` (also accepted as `hub.docker.com` and `index.docker.io`).
 */
function registryMatches(pattern: string, registry: string): boolean {
  const normalized = pattern.trim().toLowerCase();
  const name = registry.toLowerCase();
  if (normalized === '*') return true;
  if (normalized.startsWith('*.')) return name.endsWith(normalized.slice(1));
  if (name === 'docker.io' || name === 'index.docker.io') return normalized === 'docker.io' || normalized === 'hub.docker.com' || normalized === 'index.docker.io';
  return normalized === name;
}
