import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

const APPLICANTS = 'fixtures/quality-cert-applicants-2024.csv';

describe('sseval grade --notified-on: certifying from results', () => {
  it('lists the 34 passers with validity to the day before the third anniversary, and writes a register certs reads back', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'sseval-certify-'));
    const register = path.join(dir, 'register.csv');
    const run = runCli(['grade', APPLICANTS, '--rubric', 'quality-cert', '--as-of', '2024-12-17', '--notified-on', '2024-12-17', '--format', 'json', '--register', register]);
    expect(run.status).toBe(0);
    const doc = JSON.parse(run.stdout) as { asOf: string; certificates: { id: string; validUntil: string; status: string }[] };
    expect(doc.asOf).toBe('2024-12-17');
    expect(doc.certificates).toHaveLength(34);
    expect(new Set(doc.certificates.map((c) => c.validUntil))).toEqual(new Set(['2027-12-16']));
    expect(doc.certificates.every((c) => c.status === 'valid')).toBe(true);
    // operating exactly three years on the notification date is eligible; one day short is not
    expect(doc.certificates.some((c) => c.id === 'Q29-0003')).toBe(true);
    expect(doc.certificates.some((c) => c.id === 'Q30-0008')).toBe(false);

    expect(readFileSync(register, 'utf8').startsWith('\uFEFF')).toBe(true);
    const certs = runCli(['certs', register, '--as-of', '2027-12-16', '--format', 'json']);
    expect(certs.status).toBe(0);
    const back = JSON.parse(certs.stdout) as { summary: { overall: { valid: number; expiring: number } } };
    expect(back.summary.overall).toMatchObject({ valid: 34, expiring: 34 });
    const after = JSON.parse(runCli(['certs', register, '--as-of', '2027-12-17', '--format', 'json']).stdout) as { summary: { overall: { expired: number } } };
    expect(after.summary.overall.expired).toBe(34);
  });

  it('refuses --notified-on with a rubric that certifies nothing, and --register alone (exit 2)', () => {
    const noPolicy = runCli(['grade', 'fixtures/agencies-2024.csv', '--notified-on', '2024-12-17']);
    expect(noPolicy.status).toBe(2);
    expect(noPolicy.stderr).toContain('CERTS_NO_POLICY');
    const registerAlone = runCli(['grade', 'fixtures/agencies-2024.csv', '--register', 'x.csv']);
    expect(registerAlone.status).toBe(2);
    expect(registerAlone.stderr).toContain('--notified-on');
    const badDate = runCli(['grade', APPLICANTS, '--rubric', 'quality-cert', '--notified-on', '2024-13-01']);
    expect(badDate.status).toBe(2);
    expect(badDate.stderr).toContain('--notified-on');
  });
});
