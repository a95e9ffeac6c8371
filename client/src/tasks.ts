/**
 * The `alpinist: lint` task (task type `alpinist`) and the **Alpinist: Lint Workspace** command that runs it: the
 * bundled CLI lints every Dockerfile of each workspace folder (its own discovery: `.gitignore`, the folder's config
 * file, and the folder's `files.exclude` passed as `--exclude`), and the `$alpinist` problem matcher puts its text
 * output into the Problems panel. Once the task has run in a folder, a change to a Dockerfile, a `.gitignore`, a
 * `.dockerignore` or a config file on disk there (saved, fixed, deleted, created) runs it again, so results of files that are not open do not go stale:
 * a new run replaces what the matcher reported before.
 */
import * as vscode from 'vscode';
import { excludedGlobs, lintArguments } from './taskArguments';

export const TASK_TYPE = 'alpinist';

/** What the task watches after its first run: the files whose change can change its report. */
export const WATCHED_GLOB = '**/{*Dockerfile*,*dockerfile*,*Containerfile*,*containerfile*,.gitignore,*.dockerignore,.dockerignore,.alpinist.yaml,.alpinist.yml,.hadolint.yaml,.hadolint.yml}';

/** Changes within this many milliseconds are linted by one run. */
export const RERUN_DELAY_MS = 1000;

interface AlpinistTaskDefinition extends vscode.TaskDefinition {
  readonly type: typeof TASK_TYPE;
  /** Files or directories to lint, relative to the folder (default: the folder). */
  readonly paths?: string[];
}

function lintTask(context: vscode.ExtensionContext, folder: vscode.WorkspaceFolder, definition: AlpinistTaskDefinition): vscode.Task {
  const cli = vscode.Uri.joinPath(context.extensionUri, 'dist', 'cli.js').fsPath;
  const excludes = excludedGlobs(vscode.workspace.getConfiguration('files', folder.uri).get('exclude'));
  // Why: the extension host's executable runs the CLI; under Electron (VS Code desktop) it needs ELECTRON_RUN_AS_NODE
  // to act as Node.js, in code-server it is Node.js already. --failure-threshold none: findings are not a task error.
  const args = [cli, ...lintArguments(excludes, definition.paths)];
  const execution = new vscode.ProcessExecution(process.execPath, args, { cwd: folder.uri.fsPath, env: { ELECTRON_RUN_AS_NODE: '1' } });
  const task = new vscode.Task(definition, folder, 'lint', TASK_TYPE, execution, ['$alpinist']);
  task.presentationOptions = { reveal: vscode.TaskRevealKind.Silent, clear: true };
  return task;
}

export function registerTasks(context: vscode.ExtensionContext): void {
  /** Folders (by URI) whose task ran: their watcher, the last task run there, and a pending re-run. */
  const watched = new Map<string, { watcher: vscode.FileSystemWatcher; task: vscode.Task; timer?: ReturnType<typeof setTimeout> }>();
  const running = new Set<string>();
  const rerunAfterwards = new Set<string>();

  const run = async (key: string): Promise<void> => {
    const entry = watched.get(key);
    if (!entry) return;
    if (running.has(key)) {
      rerunAfterwards.add(key);
      return;
    }
    await vscode.tasks.executeTask(entry.task);
  };

  const schedule = (key: string): void => {
    const entry = watched.get(key);
    if (!entry) return;
    if (entry.timer) clearTimeout(entry.timer);
    entry.timer = setTimeout(() => {
      entry.timer = undefined;
      void run(key);
    }, RERUN_DELAY_MS);
  };

  context.subscriptions.push(
    vscode.tasks.registerTaskProvider(TASK_TYPE, {
      provideTasks: () =>
        (vscode.workspace.workspaceFolders ?? []).filter((folder) => folder.uri.scheme === 'file').map((folder) => lintTask(context, folder, { type: TASK_TYPE })),
      resolveTask: (task) =>
        task.scope !== undefined && typeof task.scope === 'object' && (task.definition as AlpinistTaskDefinition).type === TASK_TYPE
          ? lintTask(context, task.scope, task.definition as AlpinistTaskDefinition)
          : undefined,
    }),
    vscode.tasks.onDidStartTask((event) => {
      const task = event.execution.task;
      if (task.definition.type !== TASK_TYPE || task.scope === undefined || typeof task.scope !== 'object') return;
      const folder = task.scope;
      const key = folder.uri.toString();
      running.add(key);
      const existing = watched.get(key);
      if (existing) {
        watched.set(key, { ...existing, task });
        return;
      }
      const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(folder, WATCHED_GLOB));
      watcher.onDidChange(() => schedule(key));
      watcher.onDidCreate(() => schedule(key));
      watcher.onDidDelete(() => schedule(key));
      watched.set(key, { watcher, task });
    }),
    vscode.tasks.onDidEndTask((event) => {
      const task = event.execution.task;
      if (task.definition.type !== TASK_TYPE || task.scope === undefined || typeof task.scope !== 'object') return;
      const key = task.scope.uri.toString();
      running.delete(key);
      if (rerunAfterwards.delete(key)) schedule(key);
    }),
    vscode.workspace.onDidChangeConfiguration((event) => {
      // A new files.exclude changes the command line: the next run resolves the task again.
      for (const [key, entry] of watched) {
        const folder = entry.task.scope;
        if (typeof folder === 'object' && event.affectsConfiguration('files.exclude', folder.uri)) {
          watched.set(key, { ...entry, task: lintTask(context, folder, entry.task.definition as AlpinistTaskDefinition) });
          schedule(key);
        }
      }
    }),
    vscode.workspace.onDidChangeWorkspaceFolders((event) => {
      for (const folder of event.removed) {
        const key = folder.uri.toString();
        const entry = watched.get(key);
        if (entry?.timer) clearTimeout(entry.timer);
        entry?.watcher.dispose();
        watched.delete(key);
      }
    }),
    {
      dispose: () => {
        for (const entry of watched.values()) {
          if (entry.timer) clearTimeout(entry.timer);
          entry.watcher.dispose();
        }
      },
    },
    vscode.commands.registerCommand('alpinist.lintWorkspace', async () => {
      const tasks = await vscode.tasks.fetchTasks({ type: TASK_TYPE });
      if (tasks.length === 0) {
        void vscode.window.showInformationMessage('Alpinist: open a folder on disk to lint its Dockerfiles.');
        return;
      }
      for (const task of tasks) await vscode.tasks.executeTask(task);
    }),
  );
}
