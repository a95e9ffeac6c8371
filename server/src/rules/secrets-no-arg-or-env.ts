/**
 * Why: ARG and ENV values are stored in the image's history and configuration, where anyone who pulls the image
 * can read them; secrets belong in `RUN --mount=type=secret` (SecretsUsedInArgOrEnv).
 */
import { defineRule } from './rule';

/** The name parts BuildKit treats as secret (moby/buildkit dockerfile2llb, 2025), compared without case. */
const SECRET_PARTS = new Set(['apikey', 'auth', 'credential', 'credentials', 'key', 'password', 'pword', 'passwd', 'secret', 'token']);

/** Parts that make a name public: BuildKit's `public`, and `gpg` (a GPG key named by its fingerprint is public). */
const PUBLIC_PARTS = ['public', 'gpg'];

/** True when an `_`-separated part of the name is a secret word and no part says it is public. */
export function looksSecret(name: string): boolean {
  const parts = name.toLowerCase().split('_');
  return parts.some((part) => SECRET_PARTS.has(part)) && !parts.some((part) => PUBLIC_PARTS.includes(part));
}

export default defineRule({
  id: 'secrets-no-arg-or-env',
  description: 'Do not pass secrets through `ARG` or `ENV`; use a secret mount.',
  defaultSeverity: 'warning',
  buildkit: ['SecretsUsedInArgOrEnv'],
  requires: { keywords: ['ARG', 'ENV'] },
  check(context) {
    for (const instruction of context.dockerfile.instructions) {
      if (instruction.keyword !== 'ARG' && instruction.keyword !== 'ENV') continue;
      for (const property of instruction.properties) {
        if (!looksSecret(property.name)) continue;
        context.report({
          at: property.nameSpan,
          message: `\`${instruction.keyword} ${property.name}\` looks like it holds a secret, and ${instruction.keyword === 'ENV' ? 'ENV values stay readable in the image' : 'ARG values stay readable in the image history'}; pass it with \`RUN --mount=type=secret\`.`,
        });
      }
    }
  },
});
