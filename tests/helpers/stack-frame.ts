/**
 * A line of a V8 stack trace: `    at fn (/path/file.js:12:5)` or `    at /path/file.js:12:5`.
 * Matching only `^\s+at ` would also catch a wrapped help line that begins with the word "at".
 */
export const STACK_FRAME = /^\s+at .*:\d+:\d+\)?$/m;
