// Loaded with `node --import ./bench/peak-rss.js …` by the harness: on exit, writes the process's peak resident
// set size (kilobytes, as getrusage reports it) to the file named by BENCH_PEAK_RSS_FILE.
import { writeFileSync } from 'node:fs';

const file = process.env.BENCH_PEAK_RSS_FILE;
if (file) process.on('exit', () => writeFileSync(file, String(process.resourceUsage().maxRSS)));
