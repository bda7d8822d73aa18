// Preloaded into a child: on exit, write the process's peak resident memory (bytes) to $MAXRSS_FILE.
// VmHWM, not getrusage's maxrss: Linux carries maxrss over from before exec, i.e. from the
// test runner that forked the child.
import { readFileSync, writeFileSync } from 'node:fs';

process.on('exit', () => {
  const kb = Number(/^VmHWM:\s+(\d+) kB$/m.exec(readFileSync('/proc/self/status', 'utf8'))?.[1]);
  writeFileSync(process.env.MAXRSS_FILE, String(kb * 1024));
});
