/**
 * Why: every value of one `ENV` is expanded with the variables as they were before that `ENV`, so `ENV A=1 B=$A` gives
 * `B` the old `A` (often nothing), not `1`.
 */
import type { PropertyInstruction } from '../dockerfile/model';
import type { Span } from '../util/span';
import { defineRule } from './rule';

export default defineRule({
  id: 'env-no-self-reference',
  description: 'Do not use a variable in the same `ENV` that defines it: the value is not set yet there.',
  defaultSeverity: 'error',
  hadolint: ['DL3044'],
  requires: { keywords: ['ENV'] },
  check(context) {
    const model = context.dockerfile;
    // Why first: only an ENV that defines two or more variables and uses one can refer to itself; most have none, and
    // the ARGs' names are then not needed.
    if (!model.instructions.some((instruction) => instruction.keyword === 'ENV' && instruction.text.includes('$') && instruction.properties.length >= 2)) return;
    const declared = new Set<string>();
    for (const instruction of model.instructions) {
      if (instruction.keyword === 'FROM') continue;
      if (instruction.keyword === 'ARG') {
        for (const property of instruction.properties) declared.add(property.name);
        continue;
      }
      if (instruction.keyword !== 'ENV') continue;
      for (const finding of selfReferences(instruction, declared, model.text)) {
        context.report({
          at: finding.at,
          message: `\`${finding.name}\` is defined in this same \`ENV\`, where its new value is not yet visible; define it in an earlier \`ENV\`.`,
        });
      }
      for (const property of instruction.properties) declared.add(property.name);
    }
  },
});

/** References in one property's value to a variable another property of the same ENV defines (and nothing earlier did). */
function selfReferences(env: PropertyInstruction, declared: ReadonlySet<string>, text: string): { name: string; at: Span }[] {
  const properties = env.properties;
  if (properties.length < 2) return [];
  const found: { name: string; at: Span }[] = [];
  properties.forEach((property, index) => {
    const span = property.valueSpan;
    if (!span) return;
    const raw = text.slice(span.start, span.end);
    for (const reference of variableReferences(raw)) {
      if (declared.has(reference.name)) continue;
      if (!properties.some((other, otherIndex) => otherIndex !== index && other.name === reference.name)) continue;
      found.push({ name: reference.name, at: { start: span.start + reference.start, end: span.start + reference.end } });
    }
  });
  return found;
}

const isNameStart = (character: string | undefined): boolean => character !== undefined && (character === '_' || (character >= 'a' && character <= 'z') || (character >= 'A' && character <= 'Z'));
const isNameCharacter = (character: string | undefined): boolean => isNameStart(character) || (character !== undefined && character >= '0' && character <= '9');

/** `$NAME` and `${NAME…}` in a value as written, with offsets into it (single-quoted text and `\$` excluded). */
function variableReferences(raw: string): { name: string; start: number; end: number }[] {
  const references: { name: string; start: number; end: number }[] = [];
  let inSingle = false;
  for (let index = 0; index < raw.length; index++) {
    const character = raw[index];
    if (character === '\\') {
      index++;
      continue;
    }
    if (character === "'") inSingle = !inSingle;
    if (character !== '$' || inSingle) continue;
    const braced = raw[index + 1] === '{';
    let cursor = index + (braced ? 2 : 1);
    if (!isNameStart(raw[cursor])) continue;
    const nameStart = cursor;
    while (isNameCharacter(raw[cursor])) cursor++;
    const name = raw.slice(nameStart, cursor);
    let end = cursor;
    if (braced) {
      const close = raw.indexOf('}', cursor);
      if (close === -1) continue;
      end = close + 1;
    }
    references.push({ name, start: index, end });
    index = end - 1;
  }
  return references;
}
