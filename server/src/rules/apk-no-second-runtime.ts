/**
 * Why: the official `python:*-alpine` and `node:*-alpine` images build their interpreter into `/usr/local`, with its
 * headers and its package manager. `apk add python3` (or `python3-dev`, `py3-pip`, any `py3-*` module, `nodejs`,
 * `npm`) installs Alpine's own interpreter into `/usr` beside it: two Pythons (or Node.js builds) of different
 * versions, a `pip` or `npm` that may belong to the wrong one, and native modules built against the wrong headers.
 */
import type { DockerfileModel, RunInstruction } from '../dockerfile/model';
import { duplicatedRuntime, type DuplicatedRuntime, type LanguageRuntime } from '../knowledge/languageImages';
import type { ApkCall, ApkPackage } from '../shell/apk';
import { defineRule, type Fix } from './rule';
import { packagesRemoval } from './shared/apkPackages';
import { officialLanguageImage } from './shared/languageImage';

/** Paths that name Alpine's own interpreter: a file that uses one needs the package, so removing it is only offered. */
const SYSTEM_PROGRAMS = { python: ['/usr/bin/python', '/usr/bin/pip'], node: ['/usr/bin/node', '/usr/bin/npm', '/usr/bin/npx'] } as const;

const SYSTEM_SITE_PACKAGES = '/usr/lib/python3';

const LANGUAGE = { python: 'Python', node: 'Node.js' } as const;
const CONSEQUENCE = {
  python: 'two interpreters, and pip and wheels can end up with the wrong one',
  node: 'two runtimes, and npm and native modules can end up with the wrong one',
} as const;
const EXTRA = { headers: ['and its headers', 'headers'], pip: ['and a pip for it', 'pip'], npm: ['and an npm for it', 'npm'] } as const;

function messageFor(name: string, duplicate: DuplicatedRuntime, image: string): string {
  const language = LANGUAGE[duplicate.runtime];
  if (!duplicate.isCore) {
    return `\`${name}\` is a module for Alpine's own ${language}, which it installs beside the one \`${image}\` already has; that image's \`python\` cannot import it.`;
  }
  const [brings, included] = duplicate.extra ? EXTRA[duplicate.extra] : [undefined, undefined];
  const what = brings ? `Alpine's own ${language} (${brings})` : `Alpine's own ${language}`;
  const has = included ? `already has, ${included} included` : 'already has';
  return `\`${name}\` installs ${what} beside the one \`${image}\` ${has}: ${CONSEQUENCE[duplicate.runtime]}.`;
}

export default defineRule({
  id: 'apk-no-second-runtime',
  description: 'Do not `apk add` Alpine\'s Python or Node.js (or their modules) on the official `python`/`node` Alpine images, which already carry their own.',
  defaultSeverity: 'warning',
  fixSummary: 'remove the package (safe for the interpreter, its headers and package manager)',
  requires: { programs: ['apk'] },
  check(context) {
    const model = context.dockerfile;
    // Why once per runtime: a search of the whole text per stage would grow with stages × length.
    const namesSystemProgram = new Map<LanguageRuntime, boolean>();
    let usesSystemModules: boolean | undefined;
    for (const stage of model.stages) {
      const image = officialLanguageImage(stage);
      if (!image) continue;
      let usesSystemProgram = namesSystemProgram.get(image.runtime);
      if (usesSystemProgram === undefined) {
        usesSystemProgram = SYSTEM_PROGRAMS[image.runtime].some((path) => model.text.includes(path));
        namesSystemProgram.set(image.runtime, usesSystemProgram);
      }
      // Why: a file that puts Alpine's site-packages on the path (`PYTHONPATH=/usr/lib/python3.11/site-packages`)
      // imports its modules on purpose, so "cannot import it" would be false there.
      if (image.runtime === 'python') usesSystemModules ??= model.text.includes(SYSTEM_SITE_PACKAGES);
      for (const run of stage.runs) {
        for (const call of run.apkCalls) {
          if (call.subcommand !== 'add') continue;
          const found: { pkg: ApkPackage; duplicate: DuplicatedRuntime }[] = [];
          for (const pkg of call.packages) {
            if (pkg.kind !== 'name') continue;
            const duplicate = duplicatedRuntime(pkg.name, image.runtime);
            if (duplicate && (duplicate.isCore || usesSystemModules !== true)) found.push({ pkg, duplicate });
          }
          if (found.length === 0) continue;
          // Why one shared fix when every package goes: word removals one by one would leave an `apk add` of nothing.
          const shared = found.length === call.packages.length ? removalFix(model, run, call, found, usesSystemProgram) : undefined;
          for (const item of found) {
            const fix = found.length === call.packages.length ? shared : removalFix(model, run, call, [item], usesSystemProgram);
            context.report({ at: item.pkg.word, message: messageFor(item.pkg.name, item.duplicate, image.image), fixes: fix ? [fix] : [] });
          }
        }
      }
    }
  },
});

function removalFix(
  model: DockerfileModel,
  run: RunInstruction,
  call: ApkCall,
  found: readonly { pkg: ApkPackage; duplicate: DuplicatedRuntime }[],
  usesSystemProgram: boolean,
): Fix | undefined {
  const edits = packagesRemoval(model, run, call, found.map((item) => item.pkg));
  if (!edits) return undefined;
  // Why safe only for the interpreter itself: nothing on the image's PATH reaches Alpine's copy (`/usr/local/bin`
  // comes first), unless the file names `/usr/bin/python…`; a `py3-*` module may be imported by that copy on purpose.
  const kind = found.every((item) => item.duplicate.isCore) && !usesSystemProgram ? 'safe' : 'suggestion';
  return { title: `Remove ${found.map((item) => `\`${item.pkg.name}\``).join(' and ')}`, kind, edits };
}
