/**
 * Why: BuildKit expands `$NAME` in ENV, ARG defaults, LABEL, COPY, ADD, WORKDIR, USER, VOLUME and STOPSIGNAL from the
 * ARGs and ENVs set before the instruction (and the base image's ENV); a name nothing sets is empty, usually a typo or
 * a platform ARG not declared in the stage (BuildKit UndefinedVar).
 */
import { stageChain, type Instruction, type Stage } from '../dockerfile/model';
import { parseImageReference } from '../dockerfile/image';
import { variableReferences, type VariableReference } from '../dockerfile/variableReferences';
import { BUILDKIT_ARGS, PATH_ONLY_IMAGES, PLATFORM_ARGS, PROXY_ARGS } from '../knowledge/buildkit';
import { insertAt, replace, type Fix } from '../edits/edits';
import { lineEndingOf, lineStart } from '../edits/lines';
import { closestName } from '../util/editDistance';
import type { Span } from '../util/span';
import { defineRule } from './rule';

const DOCKER_HUB = new Set([undefined, 'docker.io', 'index.docker.io', 'registry-1.docker.io']);

/**
 * True when every variable the stage's base image sets is known: the chain of stages starts `FROM scratch` or from an
 * official image whose configuration sets only `PATH`. Any other image may set any variable.
 */
function isEnvironmentKnown(stage: Stage): boolean {
  const chain = stageChain(stage);
  const root = chain[chain.length - 1];
  if (!root.from || root.parent || root.resolvedImage === undefined) return false;
  const reference = parseImageReference(root.resolvedImage);
  if (!reference) return false;
  if (reference.repository === 'scratch' && reference.registry === undefined) return true;
  const repository = reference.repository.startsWith('library/') ? reference.repository.slice('library/'.length) : reference.repository;
  return DOCKER_HUB.has(reference.registry) && PATH_ONLY_IMAGES.has(repository);
}

/** The spans BuildKit expands in an instruction. */
function expandedSpans(instruction: Instruction): Span[] {
  switch (instruction.keyword) {
    case 'ENV':
    case 'ARG':
      return instruction.properties.flatMap((property) => (property.valueSpan ? [property.valueSpan] : []));
    case 'LABEL':
      return instruction.properties.flatMap((property) => [property.nameSpan, ...(property.valueSpan ? [property.valueSpan] : [])]);
    case 'COPY':
    case 'ADD': {
      if (instruction.heredocs.length > 0) return [];
      const flags = [instruction.chown, instruction.chmod].flatMap((flag) => (flag?.valueSpan ? [flag.valueSpan] : []));
      return [...instruction.sources, ...(instruction.destination ? [instruction.destination] : []), ...flags];
    }
    case 'WORKDIR':
    case 'USER':
    case 'VOLUME':
    case 'STOPSIGNAL':
      return [...instruction.arguments];
    default:
      return [];
  }
}

/**
 * The names set before each instruction of `stage`, in the stage's and the stages it builds on: ENV, and every declared
 * ARG. `namesBefore(offset)` must be asked with offsets in increasing order; it returns one set that grows with them.
 * Why one growing set: a set per instruction made a stage of n ENV lines cost n² (6,000 lines took seconds).
 */
function namesInOrder(stage: Stage): (offset: number) => ReadonlySet<string> {
  const settings: { offset: number; name: string }[] = [];
  for (const entry of stage.env) settings.push({ offset: entry.offset, name: entry.name });
  for (const member of stageChain(stage)) for (const arg of member.args) settings.push({ offset: arg.offset, name: arg.name });
  settings.sort((a, b) => a.offset - b.offset);
  const names = new Set(['PATH']);
  let next = 0;
  return (offset) => {
    while (next < settings.length && settings[next].offset < offset) names.add(settings[next++].name);
    return names;
  };
}

export default defineRule({
  id: 'variable-require-defined',
  description: 'Use only variables an `ARG` or `ENV` sets before the instruction.',
  defaultSeverity: 'warning',
  fixSummary: 'suggestion: the defined name nearest to a typo, or `ARG NAME` for a platform ARG',
  buildkit: ['UndefinedVar'],
  check(context) {
    const model = context.dockerfile;
    for (const stage of model.stages) {
      // Note: both read only when an instruction of the stage names a variable, which most do not.
      let isKnown: boolean | undefined;
      let namesBefore: ((offset: number) => ReadonlySet<string>) | undefined;
      for (const instruction of stage.instructions) {
        if (instruction.isOnbuild || !instruction.text.includes('$')) continue;
        if (!(isKnown ??= isEnvironmentKnown(stage))) break;
        namesBefore ??= namesInOrder(stage);
        const spans = expandedSpans(instruction);
        if (spans.length === 0) continue;
        const defined = namesBefore(instruction.start);
        const references: VariableReference[] = spans.flatMap((span) => variableReferences(model.text, span.start, span.end, model.escapeChar));
        for (const reference of references) {
          const name = reference.name;
          if (reference.modifier !== undefined || defined.has(name) || PROXY_ARGS.has(name) || BUILDKIT_ARGS.has(name)) continue;
          const fixes: Fix[] = [];
          let message: string;
          if (PLATFORM_ARGS.has(name)) {
            const start = lineStart(model.text, instruction.start);
            const indent = model.text.slice(start, instruction.start);
            fixes.push({ title: `Declare \`ARG ${name}\` before this instruction`, kind: 'suggestion', edits: [insertAt(start, `${indent}ARG ${name}${lineEndingOf(model.text)}`)] });
            message = `\`$${name}\` is empty here: BuildKit sets it inside a stage only after \`ARG ${name}\` declares it there.`;
          } else {
            const suggestion = closestName(name, defined);
            if (suggestion) fixes.push({ title: `Use \`${suggestion}\``, kind: 'suggestion', edits: [replace(reference.nameSpan, suggestion)] });
            message = `\`$${name}\` is not set by any ARG or ENV before this instruction, nor by the base image, so it is empty${suggestion ? ` (did you mean \`$${suggestion}\`?)` : ''}.`;
          }
          context.report({ at: reference, message, fixes });
        }
      }
    }
  },
});
