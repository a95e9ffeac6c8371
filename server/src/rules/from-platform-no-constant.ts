/**
 * Why: a constant `FROM --platform=linux/amd64` builds that stage for one platform whatever platform the build
 * targets, so a multi-platform build silently mixes architectures (BuildKit FromPlatformFlagConstDisallowed, hadolint
 * DL3029).
 */
import { defineRule } from './rule';

const isPlatformPart = (part: string): boolean =>
  part !== '' && [...part].every((character) => (character >= 'a' && character <= 'z') || (character >= 'A' && character <= 'Z') || (character >= '0' && character <= '9') || '_.-'.includes(character));

export default defineRule({
  id: 'from-platform-no-constant',
  description: 'Do not pin `FROM --platform` to a constant; use `$BUILDPLATFORM` or a build argument.',
  defaultSeverity: 'warning',
  hadolint: ['DL3029'],
  buildkit: ['FromPlatformFlagConstDisallowed'],
  check(context) {
    for (const stage of context.dockerfile.stages) {
      const platform = stage.from?.platform;
      const written = platform?.value;
      const value = written !== undefined && written.length >= 2 && written.startsWith('"') && written.endsWith('"') ? written.slice(1, -1) : written;
      if (!platform || value === undefined || value.includes('$')) continue;
      const parts = value.split('/');
      if (parts.length > 3 || !parts.every(isPlatformPart)) continue;
      // Why: BuildKit accepts a constant when the stage name says which platform it is for (`AS build-arm64`).
      const name = stage.name ?? '';
      if (name !== '' && parts.slice(0, 2).some((part) => name.includes(part.toLowerCase()))) continue;
      context.report({
        at: platform,
        message: `\`--platform=${value}\` builds this stage for \`${value}\` whatever platform the build targets.`,
      });
    }
  },
});
