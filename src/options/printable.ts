/**
 * Text with its control characters written out (`\n`, `\x1b`, `\u202e`): a name or value holding a
 * newline or a terminal escape must not split a message, drive the terminal it is shown on or
 * reverse the text of a page's message.
 */
export function printable(text: string): string {
  // C0 and C1 controls, DEL, and the bidirectional overrides that reorder what is shown.
  // eslint-disable-next-line no-control-regex -- finding them is the point
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, (c) =>
    c === '\n'
      ? '\\n'
      : c === '\t'
        ? '\\t'
        : c.charCodeAt(0) < 0x100
          ? `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`
          : `\\u${c.charCodeAt(0).toString(16)}`,
  );
}
