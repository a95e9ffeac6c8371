/**
 * Why: EXPOSE only documents the ports the container listens on; an address or a host port (`127.0.0.1:80:80`,
 * `8080:80`) is a `docker run -p` setting that the image cannot carry, and BuildKit keeps only the container port
 * (ExposeInvalidFormat).
 */
import { replace } from '../edits/edits';
import { defineRule } from './rule';

export default defineRule({
  id: 'expose-no-host-mapping',
  description: 'Give `EXPOSE` only container ports, without an IP address or a host port.',
  defaultSeverity: 'warning',
  fixSummary: 'safe: keep only the container port (what the image gets anyway)',
  buildkit: ['ExposeInvalidFormat'],
  requires: { keywords: ['EXPOSE'] },
  check(context) {
    for (const instruction of context.dockerfile.instructions) {
      if (instruction.keyword !== 'EXPOSE') continue;
      for (const { token } of instruction.ports) {
        const colon = token.value.lastIndexOf(':');
        if (colon === -1 || token.value.includes('$')) continue;
        const containerPort = token.value.slice(colon + 1);
        const literal = token.raw === token.value;
        const at = literal ? { start: token.start, end: token.start + colon + 1 } : token;
        context.report({
          at,
          message: `\`${token.value}\` maps an address or a host port, which EXPOSE cannot set; the image exposes only \`${containerPort}\`.`,
          fixes: literal && containerPort !== '' ? [{ title: `Expose \`${containerPort}\` only`, kind: 'safe', edits: [replace(at, '')] }] : [],
        });
      }
    }
  },
});
