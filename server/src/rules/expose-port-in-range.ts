/** Why: a TCP or UDP port is a 16-bit number; a port above 65535 cannot be exposed and the build fails on it. */
import { defineRule } from './rule';

const MAX_PORT = 65535;

/** The port numbers of `80`, `8000-8010` (the part after any `ip:host:`), or undefined when one is not a number. */
function portNumbers(port: string): number[] | undefined {
  const containerPort = port.slice(port.lastIndexOf(':') + 1);
  const parts = containerPort.split('-');
  if (parts.length > 2 || parts.some((part) => part === '' || [...part].some((character) => character < '0' || character > '9'))) return undefined;
  return parts.map(Number);
}

export default defineRule({
  id: 'expose-port-in-range',
  description: 'Expose only ports from 0 to 65535.',
  defaultSeverity: 'error',
  hadolint: ['DL3011'],
  requires: { keywords: ['EXPOSE'] },
  check(context) {
    for (const instruction of context.dockerfile.instructions) {
      if (instruction.keyword !== 'EXPOSE') continue;
      for (const { token, port } of instruction.ports) {
        if (port.includes('$')) continue;
        const numbers = portNumbers(port);
        const wrong = numbers?.find((number) => number > MAX_PORT);
        if (wrong === undefined) continue;
        context.report({ at: token, message: `Port \`${wrong}\` in \`${token.value}\` is above 65535, the highest port number.` });
      }
    }
  },
});
