// Loaded with `node --import ./bench/peak-rss.js …` by the harness: on exit, writes the process's peak resident
// set size (kilobytes) to the file named by BENCH_PEAK_RSS_FILE. On Linux it is VmHWM from /proc: getrusage's
// maxRSS survives fork and exec, so a job spawned by a large harness would report the harness's size.
import { readFileSync, writeFileSync } from 'node:fs';

const file = process.env.BENCH_PEAK_RSS_FILE;

function peakKb() {
  try {
    const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'));
    if (match) return Number(match[1]);
  } catch {
    // not Linux: getrusage is the best there is
  }
  return process.resourceUsage().maxRSS;
}

if (file) process.on('exit', () => writeFileSync(file, String(peakKb())));
