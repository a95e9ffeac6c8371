/**
 * Dependency installs that a manifest drives (`pip install -r`, `npm ci`, `go mod download`, …): which tool, the
 * words that name the step, and the manifest files it reads, so a Dockerfile can copy those before the sources.
 */
import { parsePipCall, type PipCall } from '../shell/pip';
import { argumentsOf, firstOperand, hasFlag, type ShellCommand, type ShellWord } from '../shell/shellCommand';
import { memoOn } from '../util/memo';

export type InstallTool = 'pip' | 'pipenv' | 'poetry' | 'uv' | 'npm' | 'yarn' | 'pnpm' | 'go' | 'bundle' | 'composer' | 'cargo';

export interface DependencyInstall {
  readonly command: ShellCommand;
  readonly tool: InstallTool;
  /** First and last word of the step's name (`npm ci`, `python3 -m pip install`), for ranges. */
  readonly nameStart: ShellWord;
  readonly nameEnd: ShellWord;
  /**
   * COPY sources (relative to the directory the install runs in) that hold everything the step reads, or undefined
   * when it also reads the sources (`pip install .`, `cargo build`) or a path this model cannot follow.
   */
  readonly manifests: readonly string[] | undefined;
  /** Why no manifest list could be given, for documentation-minded messages. */
  readonly needsSourcesBecause?: string;
}

/** The step's name as written, e.g. `npm ci`. */
export function installText(install: DependencyInstall): string {
  return install.command.words
    .filter((word) => word.start >= install.nameStart.start && word.end <= install.nameEnd.end)
    .map((word) => word.value ?? word.raw)
    .join(' ');
}

/** Options that move the project directory away from the working directory; they take the next word. */
const DIRECTORY_OPTIONS = ['--prefix', '-C', '--dir', '--cwd', '--gemfile', '--working-dir', '-d', '--directory', '--project', '--manifest-path', '-modfile'];

/** Arguments that are not options, nor the value of a directory option. */
function operandsOf(command: ShellCommand): ShellWord[] {
  const words = argumentsOf(command);
  return words.filter((word, index) => !(word.value ?? word.raw).startsWith('-') && !DIRECTORY_OPTIONS.includes(words[index - 1]?.value ?? ''));
}

function hasDirectoryOption(command: ShellCommand): boolean {
  return hasFlag(command, ...DIRECTORY_OPTIONS.filter((option) => option.startsWith('--'))) ||
    argumentsOf(command).some((word) => DIRECTORY_OPTIONS.includes(word.value ?? ''));
}

/** Programs other than pip whose install steps `readInstall` recognises. */
const INSTALL_PROGRAMS: ReadonlySet<string> = new Set(['npm', 'yarn', 'pnpm', 'go', 'bundle', 'composer', 'cargo', 'poetry', 'uv', 'pipenv']);

const DEPENDENCY_INSTALL = Symbol('dependency install');

/** Recognises a manifest-driven dependency install; undefined for any other command (including `npm install x`). */
export function findDependencyInstall(command: ShellCommand): DependencyInstall | undefined {
  // Why the name first and a memo: the steps of every RUN ask this of each command, twice, and most run something else.
  const name = command.name;
  if (name === undefined) return undefined;
  const pip = parsePipCall(command);
  if (!pip && !INSTALL_PROGRAMS.has(name)) return undefined;
  return memoOn(command, DEPENDENCY_INSTALL, () => (pip ? pipInstall(pip) : readInstall(command, name)) ?? null) ?? undefined;
}

function readInstall(command: ShellCommand, name: string): DependencyInstall | undefined {
  const words = command.words;
  const sub = firstOperand(command);
  const subValue = sub?.value;
  const base = { command, nameStart: words[0] };
  const moved = hasDirectoryOption(command);
  const result = (tool: InstallTool, nameEnd: ShellWord, manifests: readonly string[] | undefined, needsSourcesBecause?: string): DependencyInstall => ({
    ...base, tool, nameEnd,
    manifests: moved ? undefined : manifests,
    needsSourcesBecause: moved ? 'it installs into another directory' : needsSourcesBecause,
  });
  switch (name) {
    case 'npm': {
      if (!sub || !['ci', 'install', 'i', 'clean-install'].includes(subValue ?? '')) return undefined;
      if (hasFlag(command, '-g', '--global') || operandsOf(command).length > 1) return undefined;
      return result('npm', sub, ['package*.json']);
    }
    case 'yarn': {
      if (sub && subValue !== 'install') return undefined;
      if (hasFlag(command, '-g', '--global')) return undefined;
      return result('yarn', sub ?? words[0], ['package.json', 'yarn.lock*']);
    }
    case 'pnpm': {
      if (!sub || !['install', 'i'].includes(subValue ?? '') || operandsOf(command).length > 1) return undefined;
      if (hasFlag(command, '-g', '--global')) return undefined;
      return result('pnpm', sub, ['package.json', 'pnpm-lock.yaml*']);
    }
    case 'go': {
      const operands = operandsOf(command);
      if (operands[0]?.value !== 'mod' || operands[1]?.value !== 'download' || operands.length > 2) return undefined;
      return result('go', operands[1], ['go.mod', 'go.sum*']);
    }
    case 'bundle': {
      if (sub && subValue !== 'install') return undefined;
      return result('bundle', sub ?? words[0], ['Gemfile', 'Gemfile.lock*']);
    }
    case 'composer': {
      if (subValue !== 'install' || !sub) return undefined;
      // Why: without both flags composer runs the project's scripts and scans its classes, which need the sources.
      const isManifestOnly = hasFlag(command, '--no-scripts') && hasFlag(command, '--no-autoloader');
      return result('composer', sub, isManifestOnly ? ['composer.json', 'composer.lock*'] : undefined, 'its scripts and autoloader read the sources');
    }
    case 'cargo': {
      if (!sub || (subValue !== 'fetch' && subValue !== 'build')) return undefined;
      // Note: even `cargo fetch` needs `src/main.rs` or `src/lib.rs` to read the manifest.
      return result('cargo', sub, undefined, 'cargo needs the crate sources to read `Cargo.toml`');
    }
    case 'poetry': {
      if (subValue !== 'install' || !sub) return undefined;
      const isManifestOnly = hasFlag(command, '--no-root');
      return result('poetry', sub, isManifestOnly ? ['pyproject.toml', 'poetry.lock*'] : undefined, 'it installs the project itself');
    }
    case 'uv': {
      const operands = operandsOf(command);
      if (operands[0]?.value === 'pip' && operands[1]?.value === 'install') {
        const requirements = requirementFiles(argumentsOf(command));
        if (requirements.files.length === 0) return undefined;
        const needsSources = requirements.namesLocalProject || requirements.isOpaque;
        return result('uv', operands[1], needsSources ? undefined : manifestsForRequirements(requirements.files), 'it also installs local paths');
      }
      if (operands[0]?.value !== 'sync') return undefined;
      const isManifestOnly = hasFlag(command, '--no-install-project');
      return result('uv', operands[0], isManifestOnly ? ['pyproject.toml', 'uv.lock*'] : undefined, 'it installs the project itself');
    }
    case 'pipenv': {
      if (subValue !== 'install' || !sub || operandsOf(command).length > 1) return undefined;
      return result('pipenv', sub, ['Pipfile', 'Pipfile.lock*']);
    }
    default:
      return undefined;
  }
}

interface RequirementFiles {
  readonly files: readonly string[];
  /** True when the install also names a local project (`.`, `./pkg`, `/src`, `-e .`). */
  readonly namesLocalProject: boolean;
  /** True when a word expands a variable, so what it installs is not known. */
  readonly isOpaque: boolean;
}

/** `-r`/`--requirement`/`-c`/`--constraint` files, and whether a local project or an unreadable word is named. */
function requirementFiles(words: readonly ShellWord[]): RequirementFiles {
  const files: string[] = [];
  let isOpaque = false;
  let namesLocalProject = false;
  for (let i = 0; i < words.length; i++) {
    const value = words[i].value;
    if (value === undefined) {
      isOpaque = true;
      continue;
    }
    const attached = /^(?:-r|-c)(.+)$/.exec(value) ?? /^--(?:requirement|constraint)=(.+)$/.exec(value);
    if (attached) {
      files.push(attached[1]);
      continue;
    }
    if (['-r', '--requirement', '-c', '--constraint'].includes(value)) {
      const next = words[++i];
      if (next?.value === undefined) isOpaque = true;
      files.push(next?.value ?? next?.raw ?? '$');
      continue;
    }
    if (value === '-e' || value === '--editable') namesLocalProject = true;
    else if (!value.startsWith('-') && (value === '.' || value.startsWith('./') || value.startsWith('/') || value.startsWith('../'))) namesLocalProject = true;
  }
  return { files, namesLocalProject, isOpaque: isOpaque || files.some((file) => file.includes('$')) };
}

/**
 * COPY sources for requirement files. Why: requirement files often include their siblings (`-r base.txt`), so a
 * file in a relative folder brings the folder, and a `requirements….txt` brings every `requirements*.txt` beside it.
 */
function manifestsForRequirements(files: readonly string[]): string[] {
  const sources = new Set<string>();
  for (const file of files) {
    const normalized = file.replace(/^\.\//, '');
    const slash = normalized.lastIndexOf('/');
    const folder = slash === -1 ? '' : normalized.slice(0, slash + 1);
    const name = normalized.slice(slash + 1);
    if (folder !== '' && !folder.startsWith('/')) sources.add(folder);
    else if (/^requirements[^/]*\.txt$/.test(name)) sources.add(`${folder}requirements*.txt`);
    else sources.add(normalized);
  }
  return [...sources];
}

function pipInstall(pip: PipCall): DependencyInstall | undefined {
  if (pip.subcommand !== 'install' || !pip.subcommandWord) return undefined;
  const requirements = requirementFiles(pip.options);
  if (requirements.files.length === 0 && !requirements.namesLocalProject) return undefined;
  const base = { command: pip.command, tool: 'pip' as const, nameStart: pip.programWord, nameEnd: pip.subcommandWord };
  if (requirements.namesLocalProject || requirements.isOpaque) return { ...base, manifests: undefined, needsSourcesBecause: 'it installs the project from its sources' };
  return { ...base, manifests: manifestsForRequirements(requirements.files) };
}
