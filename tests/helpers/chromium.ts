/**
 * Debian's chromium (scripts/setup.sh --test installs it) driven by playwright-core: never a
 * downloaded browser. Every page runs in a fresh profile with nothing that phones home.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

export const CHROMIUM = process.env.SNN_FIGS_CHROMIUM ?? '/usr/bin/chromium';

const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface Session {
  context: BrowserContext;
  close(): Promise<void>;
}

/** A persistent context, so the profile is a fresh --user-data-dir of our own. */
export async function launch(): Promise<Session> {
  const profile = mkdtempSync(join(tmpdir(), 'snn-figs-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    args: FLAGS,
    headless: true,
    viewport: { width: 1900, height: 1300 },
  });
  return {
    context,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Every request a page makes whose scheme is not file:, blob: or data: (none is allowed). */
export function watchNetwork(page: Page): string[] {
  const outside: string[] = [];
  page.on('request', (r) => {
    if (!/^(file|blob|data):/.test(r.url())) outside.push(r.url());
  });
  return outside;
}

export type { Browser, Page };
