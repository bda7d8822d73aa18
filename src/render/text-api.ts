/** The text layout the mark modules are given (they import no canvas themselves). */
import type { TextApi } from './marks/types.js';
import { drawText, layoutText, type TextBlock } from './text.js';

export const TEXT_API: TextApi<TextBlock> = {
  layout: layoutText,
  draw: (ctx, block, x, y, scale, color) => drawText(ctx, block, x, y, 'left', 'baseline', { scale, color }),
  metrics: (b) => ({ width: b.width, ascent: b.ascent, descent: b.descent }),
};
