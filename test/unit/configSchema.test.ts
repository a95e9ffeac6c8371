/**
 * The JSON schema editors validate `.alpinist.yaml` and `.hadolint.yaml` with (contributed through `yamlValidation`)
 * says what the parser says: the same keys, formats and label types, and a file is valid for the schema exactly when
 * the parser reads it without a warning.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import Ajv from 'ajv';
import { parse } from 'yaml';
import { FORMATS } from '../../server/src/cli/args';
import { CONFIG_KEYS, parseConfig } from '../../server/src/config/config';
import { LABEL_TYPES } from '../../server/src/rules/rule';

const ROOT = path.join(__dirname, '..', '..');
const schema = JSON.parse(readFileSync(path.join(ROOT, 'schemas', 'alpinist.schema.json'), 'utf8')) as {
  properties: Record<string, { enum?: string[]; additionalProperties?: { enum?: string[] } }>;
};
const validate = new Ajv({ strict: true, allErrors: true }).compile(schema);

/** Valid files: hadolint's documented example keys, and Alpinist's. */
const valid = [
  '',
  'ignored:\n  - DL3000\n  - SC1010\ntrustedRegistries:\n  - docker.io\n  - my-company.com:5000\n  - "*.gcr.io"\n',
  'failure-threshold: info\nformat: json\nlabel-schema:\n  author: text\n  contact: email\n  created: rfc3339\n  version: semver\n  documentation: url\n  git-revision: hash\n  license: spdx\nno-color: false\nno-fail: false\noverride:\n  error:\n    - DL3001\n    - DL3002\n  warning:\n    - DL3042\n  info:\n    - DL3032\n  style:\n    - DL3015\nstrict-labels: false\ndisable-ignore-pragma: false\nverbose: true\n',
  'rules:\n  apk-prefer-no-cache: error\n  DL3019: off\n  pip-require-no-cache-dir: false\nfailure-threshold: none\n',
  'format: gitlab_codeclimate\nfailure-threshold: style\n',
];

/** Invalid files: each draws a warning from the parser and an error from the schema. */
const invalid = [
  'foo: 1\n',
  'ignored: DL3019\n',
  'override:\n  fatal: [DL3019]\n',
  'override:\n  constructor: [DL3019]\n',
  'failure-threshold: loud\n',
  'failure-threshold: toString\n',
  'no-fail: maybe\n',
  'rules:\n  apk-prefer-no-cache: loud\n',
  'rules: [apk-prefer-no-cache]\n',
  'trustedRegistries: docker.io\n',
  'trustedRegistries: [3]\n',
  'label-schema:\n  author: colour\n',
  'label-schema: [author]\n',
  'strict-labels: yes please\n',
  'format: 3\n',
  'no-color: 1\n',
  'disable-ignore-pragma: "true"\n',
];

describe('config file schema', () => {
  it('has the keys the parser reads, its formats and label types', () => {
    assert.deepEqual(Object.keys(schema.properties).sort(), [...CONFIG_KEYS].sort());
    assert.deepEqual(schema.properties.format.enum, [...FORMATS]);
    assert.deepEqual(schema.properties['label-schema'].additionalProperties?.enum, [...LABEL_TYPES]);
  });

  it('is contributed for .hadolint.yaml, .hadolint.yml, .alpinist.yaml and .alpinist.yml', () => {
    const manifest = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { contributes: { yamlValidation: { fileMatch: string[]; url: string }[] } };
    assert.deepEqual(manifest.contributes.yamlValidation, [{ fileMatch: ['.hadolint.yaml', '.hadolint.yml', '.alpinist.yaml', '.alpinist.yml'], url: './schemas/alpinist.schema.json' }]);
  });

  for (const text of valid) {
    it(`accepts ${JSON.stringify(text.slice(0, 40))}…, as the parser does`, () => {
      assert.ok(validate(parse(text) ?? {}), JSON.stringify(validate.errors));
      assert.deepEqual(parseConfig(text, 'c.yaml').warnings, []);
    });
  }

  for (const text of invalid) {
    it(`rejects ${JSON.stringify(text)}, as the parser warns`, () => {
      assert.equal(validate(parse(text)), false);
      assert.notDeepEqual(parseConfig(text, 'c.yaml').warnings, []);
    });
  }
});
