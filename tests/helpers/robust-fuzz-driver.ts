// Child process for tests/cli/robust-fuzz.test.ts: reads one argv (a JSON array) per line on stdin,
// runs the CLI in-process with captured streams, answers one JSON line {code, stdout, stderr}.
// One process for all cases (tsx starts once); the parent kills it if a case overruns.
import { createInterface } from 'node:readline';
import { main } from '../../src/cli/main.js';
import { silentStreams } from './streams.js';

for await (const line of createInterface({ input: process.stdin })) {
  const { io, stdout, stderr } = silentStreams();
  const code = await main(JSON.parse(line) as string[], io);
  process.stdout.write(`${JSON.stringify({ code, stdout: stdout(), stderr: stderr() })}\n`);
}
