/** The errors the library API throws on purpose; anything else is a bug or a failed run. */

/** A parameter or option the caller gave is wrong; the message names it, what it expects and what it got. */
export class InputError extends Error {
  override readonly name = 'InputError';
  constructor(
    message: string,
    /** What to do about it, when there is more to say than the message. */
    readonly hint?: string,
  ) {
    super(message);
  }
}

/**
 * node-canvas, the native module PNG, SVG and PDF are drawn with, cannot be loaded (not
 * installed, its install script not approved or failed, or built for another Node). JSON and
 * CSV never need it.
 */
export class CanvasUnavailableError extends Error {
  override readonly name = 'CanvasUnavailableError';
  constructor(
    message: string,
    /** The commands that make canvas work here, as one line. */
    readonly remedy: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
