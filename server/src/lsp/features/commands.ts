/** `workspace/executeCommand`: the server's one command opens a rule's documentation. */
import { docsUri } from '../../config/docs';
import { Commands } from '../../protocol';
import { findRule } from '../../rules';
import { guard, type FeatureContext } from './context';

export function registerCommands(context: FeatureContext): void {
  const { connection } = context;
  connection.onExecuteCommand(
    guard(connection, 'executeCommand', null, async (params) => {
      if (params.command !== Commands.showDocumentation) return null;
      const ruleId = params.arguments?.[0];
      if (typeof ruleId !== 'string' || !findRule(ruleId)) {
        connection.console.warn(`${Commands.showDocumentation}: unknown rule ${JSON.stringify(ruleId)}.`);
        return null;
      }
      const uri = docsUri(ruleId);
      if (context.canShowDocument()) await connection.window.showDocument({ uri, external: false, takeFocus: true });
      else context.log(`Documentation for ${ruleId}: ${uri}`);
      return null;
    }),
  );
}
