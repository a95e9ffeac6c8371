/** A structural check of SARIF 2.1.0 logs: the schema's required properties and constraints, for the objects Alpinist writes. */
import assert from 'node:assert/strict';

export interface Message {
  text?: string;
  markdown?: string;
  id?: string;
}
interface Region {
  startLine?: number;
  startColumn?: number;
  endLine?: number;
  endColumn?: number;
}
interface ArtifactLocation {
  uri?: string;
  uriBaseId?: string;
}
interface SarifResult {
  ruleId?: string;
  ruleIndex?: number;
  level?: string;
  message: Message;
  locations: { physicalLocation: { artifactLocation: ArtifactLocation; region: Region } }[];
  fixes?: { description?: Message; artifactChanges: { artifactLocation: ArtifactLocation; replacements: { deletedRegion: Region; insertedContent?: Message }[] }[] }[];
}
interface ReportingDescriptor {
  id: string;
  shortDescription?: Message;
  fullDescription?: Message;
  help?: Message;
  helpUri?: string;
  defaultConfiguration?: { level?: string; enabled?: boolean };
  properties?: Record<string, unknown>;
}
export interface Sarif {
  $schema?: string;
  version: string;
  runs: {
    tool: { driver: { name: string; version?: string; rules: ReportingDescriptor[] } };
    originalUriBaseIds?: Record<string, { uri: string }>;
    invocations?: { executionSuccessful: boolean; toolExecutionNotifications?: { level?: string; message: Message }[] }[];
    results: SarifResult[];
  }[];
}

const LEVELS = ['none', 'note', 'warning', 'error'];

/** Asserts the `required` properties and constraints of the SARIF 2.1.0 schema, plus what code scanning reads. */
export function assertSarif(sarif: Sarif): void {
  assert.equal(sarif.version, '2.1.0');
  assert.equal(sarif.$schema, 'https://json.schemastore.org/sarif-2.1.0.json');
  assert.ok(Array.isArray(sarif.runs) && sarif.runs.length === 1);
  const assertMessage = (message: Message | undefined, where: string): void => {
    assert.ok(message && (typeof message.text === 'string' || typeof message.id === 'string'), `${where}: a message needs text or id`);
  };
  const assertRegion = (region: Region, where: string): void => {
    assert.ok(Number.isInteger(region.startLine) && region.startLine! >= 1, `${where}: startLine ≥ 1`);
    for (const key of ['startColumn', 'endLine', 'endColumn'] as const) assert.ok(region[key] === undefined || (Number.isInteger(region[key]) && region[key] >= 1), `${where}: ${key} ≥ 1`);
    assert.ok((region.endLine ?? region.startLine!) >= region.startLine!, `${where}: endLine ≥ startLine`);
  };
  for (const run of sarif.runs) {
    assert.equal(typeof run.tool.driver.name, 'string', 'tool.driver.name is required');
    for (const [key, base] of Object.entries(run.originalUriBaseIds ?? {})) assert.match(base.uri, /^file:\/\/.*\/$/, `${key} is an absolute URI ending in /`);
    const ids = new Set<string>();
    for (const rule of run.tool.driver.rules) {
      assert.equal(typeof rule.id, 'string', 'reportingDescriptor.id is required');
      assert.ok(!ids.has(rule.id), `rule ids are unique: ${rule.id}`);
      ids.add(rule.id);
      for (const message of [rule.shortDescription, rule.fullDescription, rule.help]) if (message) assert.equal(typeof message.text, 'string', `${rule.id}: multiformatMessageString.text is required`);
      assert.ok(rule.shortDescription && rule.helpUri, `${rule.id}: code scanning shows shortDescription and help`);
      assert.doesNotThrow(() => new URL(rule.helpUri!), `${rule.id}: helpUri is a URI`);
      if (rule.defaultConfiguration?.level) assert.ok(LEVELS.includes(rule.defaultConfiguration.level));
    }
    for (const invocation of run.invocations ?? []) {
      assert.equal(typeof invocation.executionSuccessful, 'boolean', 'invocation.executionSuccessful is required');
      for (const notification of invocation.toolExecutionNotifications ?? []) assertMessage(notification.message, 'notification');
    }
    assert.ok(Array.isArray(run.results));
    for (const result of run.results) {
      const where = `${result.ruleId}`;
      assertMessage(result.message, where);
      assert.ok(result.level === undefined || LEVELS.includes(result.level), `${where}: level`);
      assert.equal(run.tool.driver.rules[result.ruleIndex!]?.id, result.ruleId, `${where}: ruleIndex points at the rule`);
      assert.equal(result.locations.length, 1);
      const { artifactLocation, region } = result.locations[0].physicalLocation;
      assert.ok(artifactLocation.uri, `${where}: artifactLocation.uri`);
      assert.ok(artifactLocation.uriBaseId === undefined || run.originalUriBaseIds?.[artifactLocation.uriBaseId], `${where}: uriBaseId is declared`);
      assertRegion(region, where);
      for (const fix of result.fixes ?? []) {
        assert.ok(fix.artifactChanges.length >= 1, `${where}: fix.artifactChanges has at least one item`);
        for (const change of fix.artifactChanges) {
          assert.ok(change.artifactLocation.uri, `${where}: artifactChange.artifactLocation`);
          assert.ok(change.replacements.length >= 1, `${where}: artifactChange.replacements has at least one item`);
          for (const replacement of change.replacements) assertRegion(replacement.deletedRegion, `${where} fix`);
        }
      }
    }
  }
}
