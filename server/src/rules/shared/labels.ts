/**
 * Label checks shared by the label rules: hadolint's label key grammar (DL3048) and the value types of a label schema
 * (DL3051–DL3058: text, url, rfc3339, spdx, hash, semver, email).
 */
import licenseIds from 'spdx-license-ids/index.json';
import deprecatedLicenseIds from 'spdx-license-ids/deprecated.json';
import licenseExceptions from 'spdx-exceptions/index.json';
import type { DockerfileModel, Property, PropertyInstruction } from '../../dockerfile/model';
import type { LabelType } from '../rule';

/** Every LABEL of the file that sets labels of this image (ONBUILD triggers excluded), with its properties. */
export function labelInstructions(model: DockerfileModel): PropertyInstruction[] {
  return model.instructions.filter((instruction): instruction is PropertyInstruction => instruction.keyword === 'LABEL' && !instruction.isOnbuild);
}

/** Why a key is not a valid label key, or undefined (Docker's recommendations for keys, as hadolint checks them). */
export function labelKeyProblem(key: string): string | undefined {
  if (key.startsWith('com.docker.') || key.startsWith('io.docker.') || key.startsWith('org.dockerproject.')) return 'uses a namespace reserved by Docker';
  const first = key[0];
  if (first === undefined || first < 'a' || first > 'z') return 'must start with a lower-case letter';
  const last = key[key.length - 1];
  if (!isLowerOrDigit(last)) return 'must end with a lower-case letter or a digit';
  for (const character of key) if (!isLowerOrDigit(character) && character !== '.' && character !== '-') return `contains \`${character}\`; only lower-case letters, digits, \`.\` and \`-\` are allowed`;
  if (key.includes('..') || key.includes('--')) return 'has two separators in a row';
  return undefined;
}

function isLowerOrDigit(character: string | undefined): boolean {
  return character !== undefined && ((character >= 'a' && character <= 'z') || (character >= '0' && character <= '9'));
}

/** A property with the schema type of its label. */
export type Schema = Readonly<Record<string, LabelType>>;

/** True when a value is of the type (an empty value is its own problem, see DL3051). */
export function matchesLabelType(type: LabelType, value: string): boolean {
  switch (type) {
    case 'text':
      return true;
    case 'url':
      return isUrl(value);
    case 'rfc3339':
      return isRfc3339(value);
    case 'spdx':
      return isSpdxExpression(value);
    case 'hash':
      return isGitHash(value);
    case 'semver':
      return isSemver(value);
    case 'email':
      return isEmail(value);
  }
}

/** What a value of each type looks like, for messages. */
export const LABEL_TYPE_NAMES: Readonly<Record<LabelType, string>> = {
  text: 'text',
  url: 'an absolute URL',
  rfc3339: 'an RFC 3339 date and time',
  spdx: 'an SPDX license expression',
  hash: 'a git commit hash',
  semver: 'a semantic version',
  email: 'an e-mail address',
};

function isUrl(value: string): boolean {
  const colon = value.indexOf(':');
  if (colon < 1 || [...value].some(isBlank)) return false;
  const scheme = value.slice(0, colon);
  if (!isLetter(scheme[0]) || ![...scheme].every((character) => isLetter(character) || isDigit(character) || '+.-'.includes(character))) return false;
  try {
    new URL(value);
    return colon < value.length - 1;
  } catch {
    return false;
  }
}

function isBlank(character: string): boolean {
  return character === ' ' || character === '\t' || character === '\n' || character === '\r';
}

/** Words and parentheses of an SPDX expression. */
function spdxTokens(value: string): string[] {
  const tokens: string[] = [];
  let word = '';
  for (const character of value) {
    if (isBlank(character) || character === '(' || character === ')') {
      if (word !== '') tokens.push(word);
      word = '';
      if (!isBlank(character)) tokens.push(character);
    } else {
      word += character;
    }
  }
  if (word !== '') tokens.push(word);
  return tokens;
}

function isLetter(character: string | undefined): boolean {
  return character !== undefined && ((character >= 'a' && character <= 'z') || (character >= 'A' && character <= 'Z'));
}

function isDigit(character: string | undefined): boolean {
  return character !== undefined && character >= '0' && character <= '9';
}

/** `2021-03-10T10:26:33.564595127+01:00`, `2021-03-10 10:26:33Z`. */
function isRfc3339(value: string): boolean {
  const match = RFC3339.exec(value);
  if (!match) return false;
  const [, year, month, day, hour, minute, second] = match.map(Number);
  const days = [31, year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  return month >= 1 && month <= 12 && day >= 1 && day <= days[month - 1] && hour <= 23 && minute <= 59 && second <= 60;
}

const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2}):(\d{2})(?:\.\d+)?(?:[Zz]|[+-]\d{2}:\d{2})$/;

/** 7 to 40 hexadecimal digits (abbreviated or full SHA-1), or a full SHA-256 object name. */
function isGitHash(value: string): boolean {
  if (!((value.length >= 7 && value.length <= 40) || value.length === 64)) return false;
  for (const character of value.toLowerCase()) if (!isDigit(character) && !(character >= 'a' && character <= 'f')) return false;
  return true;
}

/** Semantic Versioning 2.0.0: `1.2.3`, `2.0.1-rc1`, `1.0.0+build.5` (no leading zeros in the numbers). */
function isSemver(value: string): boolean {
  const plus = value.indexOf('+');
  const build = plus === -1 ? undefined : value.slice(plus + 1);
  const rest = plus === -1 ? value : value.slice(0, plus);
  const dash = rest.indexOf('-');
  const core = dash === -1 ? rest : rest.slice(0, dash);
  const prerelease = dash === -1 ? undefined : rest.slice(dash + 1);
  const numbers = core.split('.');
  if (numbers.length !== 3 || !numbers.every(isNumericIdentifier)) return false;
  if (prerelease !== undefined && !prerelease.split('.').every((part) => isIdentifier(part) && (!isAllDigits(part) || isNumericIdentifier(part)))) return false;
  return build === undefined || build.split('.').every(isIdentifier);
}

function isAllDigits(text: string): boolean {
  return text !== '' && [...text].every(isDigit);
}

function isNumericIdentifier(text: string): boolean {
  return isAllDigits(text) && (text === '0' || text[0] !== '0');
}

function isIdentifier(text: string): boolean {
  return text !== '' && [...text].every((character) => isLetter(character) || isDigit(character) || character === '-');
}

/** `local@domain.tld`: one `@`, no blanks, a dotted domain of letters, digits and hyphens. */
function isEmail(value: string): boolean {
  const at = value.lastIndexOf('@');
  if (at < 1 || at === value.length - 1) return false;
  const local = value.slice(0, at);
  const domain = value.slice(at + 1);
  if ([...local].some((character) => isBlank(character) || character === '@')) return false;
  return domain.split('.').every((label) => label !== '' && !label.startsWith('-') && !label.endsWith('-') && [...label].every((character) => isLetter(character) || isDigit(character) || character === '-'));
}

const LICENSES = new Set<string>([...licenseIds, ...deprecatedLicenseIds]);
const EXCEPTIONS = new Set<string>(licenseExceptions);

/** An SPDX license expression: ids (or `LicenseRef-…`, optionally `+`), `WITH` an exception, `AND`, `OR`, parentheses. */
function isSpdxExpression(value: string): boolean {
  const tokens = spdxTokens(value);
  let position = 0;
  const license = (): boolean => {
    const token = tokens[position];
    if (token === undefined) return false;
    if (token === '(') {
      position++;
      if (!expression() || tokens[position] !== ')') return false;
      position++;
      return true;
    }
    const id = token.endsWith('+') ? token.slice(0, -1) : token;
    if (!LICENSES.has(id) && !id.startsWith('LicenseRef-') && !id.startsWith('DocumentRef-')) return false;
    position++;
    if (tokens[position] === 'WITH') {
      if (!EXCEPTIONS.has(tokens[position + 1] ?? '')) return false;
      position += 2;
    }
    return true;
  };
  const expression = (): boolean => {
    if (!license()) return false;
    while (tokens[position] === 'AND' || tokens[position] === 'OR') {
      position++;
      if (!license()) return false;
    }
    return true;
  };
  return expression() && position === tokens.length;
}

/** The properties of a LABEL whose key is in the schema. */
export function schemaProperties(instruction: PropertyInstruction, schema: Schema): Property[] {
  return instruction.properties.filter((property) => Object.prototype.hasOwnProperty.call(schema, property.name));
}
