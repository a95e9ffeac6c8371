/** What the cache-cleanup rules (apt lists, yum/dnf/zypper caches, yarn cache) share. */
import type { DockerfileModel, RunInstruction, Stage } from '../../dockerfile/model';
import type { ShellCommand } from '../../shell/shellCommand';

/**
 * True when what a RUN of `stage` leaves behind ends up in an image: the stage is the last one or another stage
 * builds `FROM` it, or the RUN is an ONBUILD trigger (it runs in images built from this one). A build stage that
 * is only copied from leaves its caches behind. Note: this is how hadolint decides it for DL3009 and DL3060.
 */
export function reachesImage(model: DockerfileModel, run: RunInstruction): boolean {
  if (run.isOnbuild) return true;
  const stage: Stage | undefined = run.stage;
  return stage === undefined || stage === model.stages.at(-1) || stage.children.length > 0;
}

/** True when a cache or tmpfs mount covers `directory` (the mount at it or above it). */
export function isMountedCache(run: RunInstruction, directory: string): boolean {
  return run.mounts.some((mount) => {
    if ((mount.type !== 'cache' && mount.type !== 'tmpfs') || mount.target === undefined) return false;
    let target = mount.target;
    while (target.length > 1 && target.endsWith('/')) target = target.slice(0, -1);
    return directory === target || directory.startsWith(`${target}/`);
  });
}

/** True when `command` is `rm` with a recursive flag and an operand for which `matches` holds. */
export function removesPath(command: ShellCommand, matches: (path: string) => boolean): boolean {
  if (command.name !== 'rm') return false;
  const args = command.words.slice(1).map((word) => word.value);
  const recursive = args.some((value) => value !== undefined && /^-[a-zA-Z]*[rR]/.test(value)) || args.includes('--recursive');
  return recursive && args.some((value) => value !== undefined && !value.startsWith('-') && matches(value));
}
