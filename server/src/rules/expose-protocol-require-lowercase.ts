/** Why: BuildKit asks for the protocol of an exposed port in lower case (`80/tcp`, not `80/TCP`; ExposeProtoCasing). */
import { replace } from '../edits/edits';
import { defineRule } from './rule';

export default defineRule({
  id: 'expose-protocol-require-lowercase',
  description: 'Write the protocol of an `EXPOSE` port in lower case (`tcp`, `udp`, `sctp`).',
  defaultSeverity: 'warning',
  fixSummary: 'safe: lower-case the protocol',
  buildkit: ['ExposeProtoCasing'],
  requires: { keywords: ['EXPOSE'] },
  check(context) {
    for (const instruction of context.dockerfile.instructions) {
      if (instruction.keyword !== 'EXPOSE') continue;
      for (const port of instruction.ports) {
        const { token, protocol } = port;
        if (protocol === undefined || protocol === protocol.toLowerCase() || token.raw !== token.value || token.value.includes('$')) continue;
        const at = { start: token.end - protocol.length, end: token.end };
        const lower = protocol.toLowerCase();
        context.report({
          at,
          message: `The protocol \`${protocol}\` of \`${token.value}\` should be written in lower case.`,
          fixes: [{ title: `Write \`${lower}\``, kind: 'safe', edits: [replace(at, lower)] }],
        });
      }
    }
  },
});
