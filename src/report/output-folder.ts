import { mkdir } from 'node:fs/promises';
import { OutputError } from './output.js';

/** Creates an output folder (and its parents) when it is missing, so a scheduled job's first run can write. */
export async function ensureOutputFolder(dir: string): Promise<void> {
  try {
    await mkdir(dir, { recursive: true });
  } catch (error) {
    throw new OutputError('OUTPUT_FAILED', dir, (error as NodeJS.ErrnoException).code ?? String(error));
  }
}
