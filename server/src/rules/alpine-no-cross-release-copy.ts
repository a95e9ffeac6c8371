/**
 * Why: a program compiled in one stage links the C library and OpenSSL of that stage's Alpine release. Copied into a
 * stage on a release across an ABI change (musl 1.1 → 1.2 at 3.13, OpenSSL 1.1 → 3 at 3.17), it can fail to load
 * there. Reported only when both releases are known and the building stage installed what links the library.
 */
import { stageChain, stageNamed, type Stage } from '../dockerfile/model';
import { abiChangesBetween, libraryVersionOn, type AbiChange } from '../knowledge/abiChanges';
import { memoOn } from '../util/memo';
import { defineRule } from './rule';

export default defineRule({
  id: 'alpine-no-cross-release-copy',
  description: 'Avoid copying programs built on one Alpine release into a stage on a release across a musl or OpenSSL ABI change.',
  defaultSeverity: 'warning',
  check(context) {
    const model = context.dockerfile;
    for (const stage of model.stages) {
      const runsOn = stage.alpineRelease;
      if (runsOn === undefined || stage.family !== 'alpine') continue;
      for (const instruction of stage.instructions) {
        if (instruction.keyword !== 'COPY' && instruction.keyword !== 'ADD') continue;
        const from = instruction.from;
        if (from?.value === undefined || from.valueSpan === undefined) continue;
        const source = stageNamed(model, from.value, instruction.start);
        const builtOn = source?.alpineRelease;
        if (!source || source === stage || builtOn === undefined || builtOn === runsOn || source.family !== 'alpine') continue;
        const installedThere = installedInChain(source);
        const installedHere = installedInChain(stage);
        const changes = abiChangesBetween(builtOn, runsOn).filter(
          (change) =>
            [...change.linkedBy].some((name) => installedThere.has(name)) &&
            !(change.library === 'OpenSSL' && libraryVersionOn(change, builtOn) === '1.1' && installedHere.has('openssl1.1-compat')),
        );
        if (changes.length > 0) context.report({ at: from.valueSpan, message: messageFor(from.value, changes, builtOn, runsOn, installedThere) });
      }
    }
  },
});

function messageFor(name: string, changes: readonly AbiChange[], builtOn: string, runsOn: string, installed: ReadonlySet<string>): string {
  const there = changes.map((change) => {
    const linker = [...change.linkedBy].find((item) => installed.has(item)) ?? '';
    return `${change.library} ${libraryVersionOn(change, builtOn)}, \`${linker}\` installed`;
  });
  const here = changes.map((change) => `${change.library} ${libraryVersionOn(change, runsOn)}`);
  const what = changes.map((change) => change.what(libraryVersionOn(change, builtOn), libraryVersionOn(change, runsOn)));
  return (
    `Stage \`${name}\` is Alpine ${builtOn} (${there.join('; ')}) and this stage is Alpine ${runsOn} (${here.join(', ')}): ` +
    `${what.join('; ')}; build both stages on the same Alpine release.`
  );
}

const INSTALLED = Symbol('packages installed in the stage chain');

/** Package names given to `apk add` in the stage and the stages it builds on. */
function installedInChain(stage: Stage): ReadonlySet<string> {
  return memoOn(stage, INSTALLED, () => {
    const names = new Set<string>();
    for (const current of stageChain(stage)) {
      for (const run of current.runs) {
        for (const call of run.apkCalls) {
          if (call.subcommand !== 'add') continue;
          for (const item of call.packages) if (item.kind === 'name') names.add(item.name);
        }
      }
    }
    return names;
  });
}
