#!/usr/bin/env node
// Type-checks the explorer's page code (src/explore/) with the browser's DOM types. The layers
// it imports are written against node-canvas's declaration of the Canvas 2D context (the
// project's lib has no DOM), which the DOM's declarations contradict, so only diagnostics in
// src/explore/ are reported; the layers are checked by tsconfig.json.
import ts from 'typescript';
import { dirname, join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const configPath = join(root, 'src', 'explore', 'tsconfig.json');
const { config } = ts.readConfigFile(configPath, ts.sys.readFile);
const parsed = ts.parseJsonConfigFileContent(config, ts.sys, dirname(configPath));
// Incremental, as the tests' tsc run: only what changed since the last check is checked again.
const tsBuildInfoFile = join(root, 'node_modules', '.cache', 'tsc', 'explore.tsbuildinfo');
const program = ts.createIncrementalProgram({ rootNames: parsed.fileNames, options: { ...parsed.options, incremental: true, tsBuildInfoFile } });
const own = join(root, 'src', 'explore') + sep;
const diagnostics = ts
  .getPreEmitDiagnostics(program)
  .filter((d) => !d.file || d.file.fileName.startsWith(own.split(sep).join('/')) || d.file.fileName.startsWith(own));
// With noEmit, emitting writes the build information only.
program.emit();
if (diagnostics.length) {
  const host = { getCanonicalFileName: (f) => f, getCurrentDirectory: () => root, getNewLine: () => '\n' };
  process.stderr.write(ts.formatDiagnostics(diagnostics, host));
  process.exit(1);
}
