/**
 * Why: a stage is built for the target platform unless FROM says otherwise, so `--platform=$TARGETPLATFORM` repeats
 * the default (BuildKit RedundantTargetPlatform).
 */
import { replace } from '../edits/edits';
import { defineRule } from './rule';

const REDUNDANT = new Set(['$TARGETPLATFORM', '${TARGETPLATFORM}', '"$TARGETPLATFORM"', '"${TARGETPLATFORM}"']);

export default defineRule({
  id: 'from-platform-no-redundant-target',
  description: 'Leave out `FROM --platform=$TARGETPLATFORM`: it is the default.',
  defaultSeverity: 'info',
  fixSummary: 'safe: remove the flag',
  buildkit: ['RedundantTargetPlatform'],
  check(context) {
    const text = context.dockerfile.text;
    for (const stage of context.dockerfile.stages) {
      const platform = stage.from?.platform;
      if (!platform?.valueSpan || !REDUNDANT.has(text.slice(platform.valueSpan.start, platform.valueSpan.end))) continue;
      let end = platform.end;
      while (text[end] === ' ' || text[end] === '\t') end++;
      context.report({
        at: platform,
        message: '`--platform=$TARGETPLATFORM` sets the platform a stage is built for anyway.',
        fixes: [{ title: 'Remove `--platform=$TARGETPLATFORM`', kind: 'safe', edits: [replace({ start: platform.start, end }, '')] }],
      });
    }
  },
});
