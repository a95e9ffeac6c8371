/**
 * Why: once an Alpine branch passes its end of support, its `main` repository gets no more security fixes, so every
 * rebuild ships the known vulnerabilities of its packages. The dates come from Alpine's `releases.json` when the front
 * end has it, else from the built-in table; messages say which, and as of which day.
 */
import type { Stage } from '../dockerfile/model';
import { releaseTableOf } from '../knowledge/alpineData';
import { compareAlpineVersions } from '../knowledge/lookup';
import { branchOf, releaseIn, type ReleaseTable } from '../knowledge/releaseData';
import { replace } from '../edits/edits';
import { defineRule, type Fix, type Severity } from './rule';
import { missingAfterMovePhrase, packagesMissingAfterMove } from './shared/releaseMove';

/** Findings start this many days before the end of support, as information. */
const WARN_DAYS_BEFORE = 90;
const DAY = 24 * 60 * 60 * 1000;

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY);
}

function sourceOf(table: ReleaseTable): string {
  return table.source === 'releases.json' ? `Alpine's releases.json of ${table.asOf}` : `Alpinist's release table of ${table.asOf}`;
}

/** The span of the release inside the image word (`3.18` of `alpine:3.18.4`, `3.18` of `node:20-alpine3.18`). */
function releaseSpan(stage: Stage, written: string, start: number): { start: number; end: number } | undefined {
  const colon = written.lastIndexOf(':');
  const slash = written.lastIndexOf('/');
  if (colon <= slash) return undefined;
  const tag = written.slice(colon + 1).split('@')[0];
  const tagStart = start + colon + 1;
  const inTag = /alpine(\d+\.\d+)/.exec(tag);
  if (inTag) return { start: tagStart + inTag.index + 'alpine'.length, end: tagStart + inTag.index + inTag[0].length };
  const leading = /^\d+\.\d+(?:\.\d+)?/.exec(tag);
  return leading && branchOf(leading[0]) === branchOf(stage.alpineRelease) ? { start: tagStart, end: tagStart + leading[0].length } : undefined;
}

export default defineRule({
  id: 'from-alpine-end-of-life',
  description: 'A base image on an Alpine release past its end of support (or within 90 days of it).',
  defaultSeverity: 'warning',
  severityNote: 'info within 90 days of the end of support',
  fixSummary: 'suggestion: the newest release',
  check(context) {
    const model = context.dockerfile;
    const table = releaseTableOf(context.alpineData);
    for (const stage of model.stages) {
      if (!stage.from?.image || stage.parent || stage.family !== 'alpine') continue;
      const branch = branchOf(stage.alpineRelease);
      if (branch === undefined || branch === 'edge') continue;
      const release = releaseIn(table, branch);
      const oldest = table.releases[0];
      const olderThanTable = !release && oldest !== undefined && compareAlpineVersions(branch, oldest.version) < 0;
      if (!release && !olderThanTable) continue;
      const daysLeft = release ? daysBetween(context.today, release.endOfSupport) : -1;
      if (daysLeft > WARN_DAYS_BEFORE) continue;
      const severity: Severity = daysLeft >= 0 ? 'info' : 'warning';
      const source = sourceOf(table);
      let message: string;
      if (!release) message = `Alpine ${branch} is older than every release in ${source}, long past its end of support, so its packages get no security fixes.`;
      else if (daysLeft < 0) message = `Alpine ${branch} reached its end of support on ${release.endOfSupport} (${source}), so its packages get no more security fixes.`;
      else message = `Alpine ${branch} reaches its end of support on ${release.endOfSupport}, in ${daysLeft} day${daysLeft === 1 ? '' : 's'} (${source}); after that its packages get no security fixes.`;
      const image = stage.from.image;
      const written = model.text.slice(image.start, image.end);
      const span = written === stage.imageText ? releaseSpan(stage, written, image.start) : undefined;
      const fixes: Fix[] = [];
      let declined = '';
      if (span && compareAlpineVersions(table.newest, branch) > 0) {
        // Why: a move that leaves an `apk add` name the release lacks breaks the build; say why none is offered.
        const missing = packagesMissingAfterMove(context, stage, table.newest);
        if (missing.names.length > 0) declined = ` ${missingAfterMovePhrase(missing, table.newest)}`;
        // Why a suggestion: a newer release changes package versions, and a `*-alpineX.Y` variant may not be published.
        else fixes.push({ title: `Move to Alpine ${table.newest} (${table.newest} is the newest release known on ${table.asOf})`, kind: 'suggestion', edits: [replace(span, table.newest)] });
      }
      const via = stage.imageText.includes('$') ? ` \`${stage.imageText}\` resolves to \`${stage.resolvedImage}\` with the default build arguments.` : '';
      context.report({ at: span ?? image, severity, message: `${message}${via}${declined}`, fixes });
    }
  },
});
