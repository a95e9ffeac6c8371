/**
 * The `alpinist: lint` task (task type `alpinist`) and the **Alpinist: Lint Workspace** command that runs it: the
 * bundled CLI lints every Dockerfile of each workspace folder (its own discovery: `.gitignore`, the folder's config
 * file), and the `$alpinist` problem matcher puts its text output into the Problems panel.
 */
import * as vscode from 'vscode';

export const TASK_TYPE = 'alpinist';

interface AlpinistTaskDefinition extends vscode.TaskDefinition {
  readonly type: typeof TASK_TYPE;
  /** Files or directories to lint, relative to the folder (default: the folder). */
  readonly paths?: string[];
}

function lintTask(context: vscode.ExtensionContext, folder: vscode.WorkspaceFolder, definition: AlpinistTaskDefinition): vscode.Task {
  const cli = vscode.Uri.joinPath(context.extensionUri, 'dist', 'cli.js').fsPath;
  // Why: the extension host's executable runs the CLI; under Electron (VS Code desktop) it needs ELECTRON_RUN_AS_NODE
  // to act as Node.js, in code-server it is Node.js already. --failure-threshold none: findings are not a task error.
  const args = [cli, 'lint', '--no-color', '--format', 'text', '--failure-threshold', 'none', ...(definition.paths?.length ? definition.paths : ['.'])];
  const execution = new vscode.ProcessExecution(process.execPath, args, { cwd: folder.uri.fsPath, env: { ELECTRON_RUN_AS_NODE: '1' } });
  const task = new vscode.Task(definition, folder, 'lint', TASK_TYPE, execution, ['$alpinist']);
  task.presentationOptions = { reveal: vscode.TaskRevealKind.Silent, clear: true };
  return task;
}

export function registerTasks(context: vscode.ExtensionContext): void {
  context.subscriptions.push(
    vscode.tasks.registerTaskProvider(TASK_TYPE, {
      provideTasks: () =>
        (vscode.workspace.workspaceFolders ?? []).filter((folder) => folder.uri.scheme === 'file').map((folder) => lintTask(context, folder, { type: TASK_TYPE })),
      resolveTask: (task) =>
        task.scope !== undefined && typeof task.scope === 'object' && (task.definition as AlpinistTaskDefinition).type === TASK_TYPE
          ? lintTask(context, task.scope, task.definition as AlpinistTaskDefinition)
          : undefined,
    }),
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
