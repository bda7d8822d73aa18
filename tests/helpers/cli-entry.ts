// The CLI from the sources (for tests that need a real process, e.g. signals): run with
// `node --import tsx tests/helpers/cli-entry.ts <args>`.
import { main } from '../../src/cli/main.js';

process.exitCode = await main(process.argv.slice(2));
