import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** Debian's chromium; the HTML rendering tests skip without it (.ci/run installs it). */
export const CHROMIUM = '/usr/bin/chromium';
export const hasChromium = existsSync(CHROMIUM);

/** Flags for a quiet, offline, throw-away headless run. */
const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--hide-scrollbars',
];

export interface Rendered {
  /** the DOM after parsing and layout (--dump-dom) */
  readonly dom: string;
  /** a PNG screenshot and a PDF print of the page */
  readonly png: Buffer;
  readonly pdf: Buffer;
}

/** Renders an HTML page in headless Chromium with a fresh profile: its DOM, a screenshot and a print to PDF. */
export function renderInChromium(html: string): Rendered {
  const dir = mkdtempSync(path.join(tmpdir(), 'sseval-chromium-'));
  try {
    const page = path.join(dir, 'report.html');
    writeFileSync(page, html);
    const run = (extra: string[]) => {
      const result = spawnSync(CHROMIUM, [...FLAGS, `--user-data-dir=${path.join(dir, 'profile')}`, ...extra, `file://${page}`], {
        encoding: 'utf8',
        timeout: 90_000,
        maxBuffer: 64 * 1024 * 1024,
      });
      if (result.status !== 0) throw new Error(`chromium failed (${result.status}): ${result.stderr}`);
      return result.stdout;
    };
    const dom = run(['--dump-dom']);
    run(['--window-size=1280,2000', `--screenshot=${path.join(dir, 'shot.png')}`]);
    run(['--no-pdf-header-footer', `--print-to-pdf=${path.join(dir, 'print.pdf')}`]);
    return { dom, png: readFileSync(path.join(dir, 'shot.png')), pdf: readFileSync(path.join(dir, 'print.pdf')) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
