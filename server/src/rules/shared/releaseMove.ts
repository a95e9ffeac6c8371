/**
 * Whether moving a stage to another Alpine release keeps its `apk add` lines installable: the names the stage (and
 * the stages built on it) installs that the target release does not have. Alpine's package index of the target
 * branch decides when the front end has loaded it; otherwise the built-in tables of renamed and removed packages.
 */
import type { Stage } from '../../dockerfile/model';
import { describeIndex } from '../../knowledge/alpineData';
import { knownAbsence } from '../../knowledge/lookup';
import type { RuleContext } from '../rule';

export interface MissingAfterMove {
  /** Package names in order of appearance, each once. */
  readonly names: readonly string[];
  /** The release and where the answer comes from, for messages: `Alpine 3.24 (main and community, …)`. */
  readonly where: string;
}

/** apk options that take packages from repositories the index does not hold. */
const OTHER_REPOSITORY_FLAGS = new Set(['--repository', '--repositories-file', '--allow-untrusted']);

/**
 * The offset of the stage's first instruction that edits `/etc/apk/repositories` (-1 when a parent stage does,
 * `Infinity` when none): `apk add` after it may install from other repositories. One pass per stage.
 */
function repositoriesEditedAt(stage: Stage): number {
  const edits = (instruction: { readonly text: string }): boolean => instruction.text.includes('/etc/apk/repositories');
  for (let parent = stage.parent; parent; parent = parent.parent) if (parent.instructions.some(edits)) return -1;
  return stage.instructions.find(edits)?.start ?? Number.POSITIVE_INFINITY;
}

/** Most stages walked below one stage: `FROM` chains are short; this bounds a pathological file. */
const MAX_STAGES = 64;

/** The stage and every stage that builds on it (`FROM base`), breadth first. */
function stageWithDescendants(stage: Stage): Stage[] {
  const found: Stage[] = [stage];
  const seen = new Set<Stage>(found);
  for (let i = 0; i < found.length && found.length < MAX_STAGES; i++) {
    for (const child of found[i].children) {
      if (seen.has(child)) continue;
      seen.add(child);
      found.push(child);
    }
  }
  return found;
}

/**
 * Names `apk add` of the stage and its descendants installs from Alpine's repositories that `branch` lacks; empty
 * when every name is there or unknown. Names from other repositories (`@tag`, `--repository`, an edited repositories
 * file), local files and variables are not judged.
 */
export function packagesMissingAfterMove(context: RuleContext, stage: Stage, branch: string): MissingAfterMove {
  const snapshot = context.alpineData?.packages(branch);
  const names: string[] = [];
  const seen = new Set<string>();
  for (const member of stageWithDescendants(stage)) {
    const edited = repositoriesEditedAt(member);
    for (const run of member.runs) {
      for (const call of run.apkCalls) {
        if (call.subcommand !== 'add' || edited <= run.end || call.flags.some((flag) => OTHER_REPOSITORY_FLAGS.has(flag.name))) continue;
        for (const pkg of call.packages) {
          if (pkg.kind !== 'name' || pkg.tag !== undefined || pkg.name === '' || pkg.name.startsWith('.') || seen.has(pkg.name)) continue;
          seen.add(pkg.name);
          const missing = snapshot ? !snapshot.index.resolves(pkg.name) : knownAbsence(pkg.name, branch) !== undefined;
          if (missing) names.push(pkg.name);
        }
      }
    }
  }
  return { names, where: snapshot ? describeIndex(snapshot) : `Alpine ${branch} (Alpinist's tables of renamed and removed packages)` };
}

/**
 * "No move to Alpine 3.24 is suggested: `python`, which this stage installs, does not exist in …": why a move to that
 * release is not offered. Only the first name: the finding stays the same when other names come and go.
 */
export function missingAfterMovePhrase(missing: MissingAfterMove, branch: string): string {
  return `No move to Alpine ${branch} is suggested: \`${missing.names[0]}\`, which this stage installs, does not exist in ${missing.where}.`;
}
