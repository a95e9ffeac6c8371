/**
 * Why: Python 2 era names (`python`, `python-dev`, `python2`, `py2-pip`, …) are gone from current Alpine releases,
 * so `apk add` stops with "unsatisfiable constraints" — typically after the base image moved to a newer release.
 * Names that still install through a newer package's `provides` (`py-pip` → `py3-pip`) are not reported.
 */
import type { DockerfileModel, RunInstruction } from '../dockerfile/model';
import { compareAlpineVersions, findRename, isRemovedIn } from '../knowledge/lookup';
import { releaseTableOf } from '../knowledge/alpineData';
import { newestReleasePhrase, type ReleaseTable } from '../knowledge/releaseData';
import type { PackageRename } from '../knowledge/types';
import type { ApkCall, ApkPackage } from '../shell/apk';
import { duplicatedRuntime } from '../knowledge/languageImages';
import { replace } from '../edits/edits';
import { packagesRemoval, removePackage } from './shared/apkPackages';
import { officialLanguageImage } from './shared/languageImage';
import { defineRule, type Fix, type Severity } from './rule';

type Verdict = 'removed' | 'unknown' | 'uncertain';

/** Whether the release is known to lack the name, known to have it (undefined), or cannot tell. */
function verdictFor(rename: PackageRename, release: string | undefined): Verdict | undefined {
  if (release === undefined) return 'unknown';
  if (isRemovedIn(rename, release)) return 'removed';
  if (compareAlpineVersions(release, rename.lastRelease) <= 0) return undefined;
  // Between the last release known to have it and the first known to lack it.
  return 'uncertain';
}

function messageFor(rename: PackageRename, verdict: Verdict, release: string | undefined, table: ReleaseTable): string {
  const name = `\`${rename.name}\``;
  const instead = `install \`${rename.replacement}\` instead`;
  switch (verdict) {
    case 'removed': {
      const where = release === 'edge' ? 'Alpine edge' : `Alpine ${release}`;
      return `${name} does not exist on ${where} (gone since ${rename.firstReleaseWithout}), so \`apk add\` fails; ${instead}.`;
    }
    case 'unknown':
      return `${name} does not exist from Alpine ${rename.firstReleaseWithout} on, including ${table.newest} (${newestReleasePhrase(table)}), so \`apk add\` fails unless the base image is older; ${instead}.`;
    case 'uncertain':
      return `${name} does not exist from Alpine ${rename.firstReleaseWithout} on and may already be missing on ${release}, so \`apk add\` can fail; ${instead}.`;
  }
}

/** Start offset and length of the package text inside its word (inside the quotes, if the word is quoted whole). */
function innerOffsets(pkg: ApkPackage): { start: number; length: number } | undefined {
  const { raw, value, start } = pkg.word;
  if (value === undefined) return undefined;
  if (raw === value) return { start, length: value.length };
  const quote = raw[0];
  if ((quote === '"' || quote === '\'') && raw.endsWith(quote) && raw.slice(1, -1) === value) return { start: start + 1, length: value.length };
  return undefined;
}

function fixFor(model: DockerfileModel, run: RunInstruction, call: ApkCall, pkg: ApkPackage, rename: PackageRename, isListed: boolean, kind: Fix['kind']): Fix | undefined {
  // Why: on an official language image the successor would be a second interpreter beside the image's own.
  const image = officialLanguageImage(run.stage);
  if (image && duplicatedRuntime(rename.replacement, image.runtime)) {
    const edits = packagesRemoval(model, run, call, [pkg]);
    return edits && { title: `Remove \`${rename.name}\` (\`${image.image}\` has its own ${image.runtime === 'python' ? 'Python' : 'Node.js'})`, kind, edits };
  }
  if (isListed) {
    return { title: `Remove \`${rename.name}\` (\`${rename.replacement}\` is already listed)`, kind, edits: [removePackage(model, run, pkg)] };
  }
  const inner = innerOffsets(pkg);
  if (!inner) return undefined;
  // The version constraint of the old name cannot apply to the new package, so it goes; a repository tag stays.
  const newText = pkg.tag === undefined ? rename.replacement : `${rename.replacement}@${pkg.tag}`;
  return { title: `Replace \`${rename.name}\` with \`${rename.replacement}\``, kind, edits: [replace({ start: inner.start, end: inner.start + inner.length }, newText)] };
}

export default defineRule({
  id: 'apk-no-renamed-packages',
  description: 'Report `apk add` of Python 2 era package names (`python`, `python-dev`, …) that newer Alpine releases no longer have.',
  defaultSeverity: 'warning',
  severityNote: 'error when the release is known',
  fixSummary: 'the replacement package',
  requires: { programs: ['apk'] },
  check(context) {
    const model = context.dockerfile;
    for (const run of model.runs) {
      const stage = run.stage;
      if (!stage?.isAlpineLike) continue;
      for (const call of run.apkCalls) {
        if (call.subcommand !== 'add') continue;
        // Note: made at the call's first rename; most calls have none.
        let listed: Set<string> | undefined;
        for (const pkg of call.packages) {
          if (pkg.kind !== 'name') continue;
          const rename = findRename(pkg.name);
          if (!rename) continue;
          // Why: `name@tag` comes from a tagged repository whose branch the base image does not tell.
          const release = pkg.tag === undefined ? stage.alpineRelease : undefined;
          const verdict = verdictFor(rename, release);
          if (!verdict) continue;
          const inner = innerOffsets(pkg);
          const at = inner ? { start: inner.start, end: inner.start + pkg.name.length } : pkg.word;
          const severity: Severity = verdict === 'removed' ? 'error' : 'warning';
          // Why safe only when proven: the old name cannot install there, so the replacement cannot break a working build.
          listed ??= new Set(call.packages.filter((item) => item.kind === 'name').map((item) => item.name));
          const fix = fixFor(model, run, call, pkg, rename, listed.has(rename.replacement), verdict === 'removed' ? 'safe' : 'suggestion');
          listed.add(rename.replacement);
          context.report({ at, severity, message: messageFor(rename, verdict, release, releaseTableOf(context.alpineData)), fixes: fix ? [fix] : [] });
        }
      }
    }
  },
});
