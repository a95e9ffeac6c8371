/** Mocha root hooks: the shell parser's wasm must be loaded before any analysis runs. */
import { initShellParser } from '../../server/src/shell/treeSitter';

export const mochaHooks = {
  async beforeAll(): Promise<void> {
    await initShellParser();
  },
};
