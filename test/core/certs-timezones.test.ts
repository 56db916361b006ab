import { execFile } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const vitestBin = path.resolve('node_modules/vitest/vitest.mjs');

/** Runs the certificate date suite in a child vitest with TZ set; resolves with its exit code and output. */
function runDateSuite(zone: string): Promise<{ code: number; output: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [vitestBin, 'run', 'test/core/certs.test.ts', '--reporter=dot'],
      { env: { ...process.env, TZ: zone, NO_COLOR: '1' }, encoding: 'utf8', timeout: 120_000 },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, output: stdout + stderr }),
    );
  });
}

/** Certificate dates must not depend on the machine's zone: the whole date suite runs again under each zone. */
describe('certificate date suite under other time zones', () => {
  it.each(['Asia/Seoul', 'UTC', 'America/Los_Angeles'])('passes under TZ=%s', async (zone) => {
    const { code, output } = await runDateSuite(zone);
    expect(code, output).toBe(0);
    expect(output).toMatch(/Tests\s+\d+ passed/);
  });
});
