/**
 * Help that fits the terminal. commander aligns every description after the longest option
 * (`--panels <all|psp|ux|depression|facilitation>` is 47 columns) and gives up wrapping when
 * fewer than 40 columns remain, so on a narrow terminal each line ran to 170 columns. Here an
 * option whose description would get fewer than MIN_COLUMNS goes on its own line, with its
 * description wrapped below it.
 */
import { Help } from 'commander';

const MIN_COLUMNS = 30;
const DESCRIPTION_INDENT = 6;

export function formatItemToFit(this: Help, term: string, termWidth: number, description: string, helper: Help): string {
  const width = this.helpWidth ?? 80;
  if (!description || width - termWidth - 4 >= MIN_COLUMNS) return Help.prototype.formatItem.call(this, term, termWidth, description, helper);
  const wrapped = helper.boxWrap(description, Math.max(width - DESCRIPTION_INDENT, MIN_COLUMNS));
  return `  ${term}\n${wrapped.replace(/^/gm, ' '.repeat(DESCRIPTION_INDENT))}`;
}

/** What configureHelp needs: wrap from 20 columns on (commander's default stops at 40). */
export const HELP_TO_FIT = { minWidthToWrap: 20, formatItem: formatItemToFit };
