// `npm run bench`: generates the benchmark data (once), then times each job as its own process, the way a user
// runs it, and prints medians, rows per second, peak RSS and the ratios the performance goals are stated in.
// Jobs of one size run interleaved (run 1 of every job, then run 2 …) so that load from elsewhere on the machine
// falls on all of them alike. `-- --quick` runs only the 10k size; `-- --runs N` overrides the run counts;
// `-- --json FILE` also writes the measurements as JSON.
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { BENCH_DIR, DATA_DIR, RUBRIC, ensureData } from './generate.js';

const ROOT = path.dirname(BENCH_DIR);
const OUT_DIR = path.join(DATA_DIR, 'out');
const SSEVAL = path.join(ROOT, 'bin', 'sseval.js');
const PEAK_RSS = path.join(BENCH_DIR, 'peak-rss.js');
const AS_OF = '2024-12-31';
const JOB_TIMEOUT_MS = 15 * 60 * 1000;

const SIZES = [
  { label: '10k', count: 10_000, xlsx: true, runs: 5 },
  { label: '100k', count: 100_000, xlsx: true, runs: 3 },
  { label: '1M', count: 1_000_000, xlsx: false, runs: 3 },
];

function parseArgs(argv) {
  const args = { quick: argv.includes('--quick'), runs: undefined, json: undefined };
  const runs = argv.indexOf('--runs');
  if (runs >= 0) args.runs = Number(argv[runs + 1]);
  const json = argv.indexOf('--json');
  if (json >= 0) args.json = argv[json + 1];
  return args;
}

/** The peak RSS so far of a running process (Linux), in MB: what a job that had to be stopped had reached. */
function peakRssOf(pid) {
  try {
    const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) / 1024 : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Runs one command to its end, or stops it after `timeoutMs`: wall time in ms, peak RSS in MB (with `rss`),
 * exit code (or "timeout") and the end of stderr.
 */
function measure(command, args, { rss = true, timeoutMs = JOB_TIMEOUT_MS } = {}) {
  const rssFile = path.join(OUT_DIR, `rss-${process.pid}-${Math.random().toString(36).slice(2)}`);
  const nodeArgs = rss ? ['--import', PEAK_RSS, ...args] : args;
  return new Promise((resolve) => {
    const started = process.hrtime.bigint();
    const child = spawn(command, nodeArgs, {
      stdio: ['ignore', 'ignore', 'pipe'],
      env: { ...process.env, NO_COLOR: '1', BENCH_PEAK_RSS_FILE: rssFile },
    });
    let stderr = '';
    child.stderr.on('data', (chunk) => {
      stderr = (stderr + chunk).slice(-2000);
    });
    let stoppedAtRssMb;
    const timer = setTimeout(() => {
      stoppedAtRssMb = peakRssOf(child.pid);
      child.kill('SIGKILL');
    }, timeoutMs);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      if (stoppedAtRssMb !== undefined || signal === 'SIGKILL') {
        resolve({ ms, rssMb: stoppedAtRssMb, code: 'timeout', stderr: `stopped after ${Math.round(timeoutMs / 1000)} s` });
        return;
      }
      let rssMb;
      try {
        rssMb = Number(readFileSync(rssFile, 'utf8')) / 1024;
        rmSync(rssFile);
      } catch {
        rssMb = undefined;
      }
      resolve({ ms, rssMb, code: code ?? signal, stderr: stderr.trim().split('\n').slice(-3).join(' | ') });
    });
  });
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

/** The jobs measured at one size; each names the data it reads so rows/s can be computed. */
function jobsFor(size, files) {
  const out = (name) => path.join(OUT_DIR, `${name}-${size.label}.csv`);
  const csv = files[size.label].csv;
  const grade = ['grade', '--rubric', RUBRIC, csv, '--format', 'csv', '--out', out('sseval'), '--force', '--as-of', AS_OF, '--quiet'];
  const jobs = [
    { key: 'sseval', title: 'sseval grade CSV→CSV', args: [SSEVAL, ...grade] },
    { key: 'csvParse', title: 'csv-parse + score + rank + csv-stringify', args: [path.join(BENCH_DIR, 'csv-parse-job.js'), RUBRIC, csv, out('csv-parse')] },
    { key: 'duckdb', title: 'DuckDB read_csv + score + rank() + COPY', args: [path.join(BENCH_DIR, 'duckdb-job.js'), RUBRIC, csv, out('duckdb')] },
  ];
  // reading alone (validate keeps every record, as a validation report needs) is compared where there is a workbook
  const xlsx = files[size.label].xlsx;
  if (xlsx) {
    jobs.push({ key: 'readCsv', title: 'sseval validate (read) CSV', args: [SSEVAL, 'validate', '--rubric', RUBRIC, csv, '--as-of', AS_OF, '--quiet'] });
    jobs.push({ key: 'readXlsx', title: 'sseval validate (read) xlsx', args: [SSEVAL, 'validate', '--rubric', RUBRIC, xlsx, '--as-of', AS_OF, '--quiet'] });
    jobs.push({ key: 'exceljsRead', title: 'exceljs streaming read of the xlsx', args: [path.join(BENCH_DIR, 'exceljs-read-job.js'), xlsx] });
    const workbookOut = path.join(OUT_DIR, `sseval-${size.label}.xlsx`);
    // the result workbook (streamed, one row per institution × indicator: 4 million rows at 100k) takes minutes: run
    // once, given ten; `node bench/check-workbook.js FILE` reads one back
    jobs.push({ key: 'writeXlsx', title: 'sseval grade CSV→xlsx (result workbook)', once: true, timeoutMs: 600_000, args: [SSEVAL, ...grade.slice(0, 4), '--format', 'xlsx', '--out', workbookOut, '--force', '--as-of', AS_OF, '--quiet'] });
  }
  return jobs;
}

/** Totals and grades by id from a ranked CSV (sseval's or DuckDB's, same leading columns; names hold no commas). */
function totalsById(file, domainCount) {
  const lines = readFileSync(file, 'utf8').replace(/^\uFEFF/, '').split(/\r?\n/).filter(Boolean).slice(1);
  const map = new Map();
  for (const line of lines) {
    const cells = line.split(',');
    const totalAt = 5 + domainCount;
    map.set(cells[1], { rank: cells[0], regionRank: cells[4], total: Number(cells[totalAt]), grade: cells[totalAt + 1] });
  }
  return map;
}

/** How many institutions sseval and DuckDB agree on (the same total to the cent, grade, rank and rank in the region). */
function agreement(size) {
  try {
    const domainCount = 4;
    const ours = totalsById(path.join(OUT_DIR, `sseval-${size.label}.csv`), domainCount);
    const theirs = totalsById(path.join(OUT_DIR, `duckdb-${size.label}.csv`), domainCount);
    let same = 0;
    for (const [id, r] of theirs) {
      const o = ours.get(id);
      if (o && Math.abs(o.total - r.total) < 0.005 && o.grade === r.grade && o.rank === r.rank && o.regionRank === r.regionRank) same += 1;
    }
    return { same, of: theirs.size, ours: ours.size };
  } catch (error) {
    return { error: String(error) };
  }
}

const fmt = {
  s: (ms) => (ms === undefined ? '-' : `${(ms / 1000).toFixed(2)} s`),
  mb: (mb) => (mb === undefined ? '-' : `${Math.round(mb)} MB`),
  rate: (count, ms) => (ms === undefined ? '-' : `${Math.round(count / (ms / 1000)).toLocaleString('en-US')}`),
};

async function measureSize(size, files, runs) {
  const jobs = jobsFor(size, files);
  const samples = new Map(jobs.map((job) => [job.key, []]));
  const failures = new Map();
  for (let run = 0; run < runs; run += 1) {
    for (const job of jobs) {
      if (failures.has(job.key) || (job.once && run > 0)) continue;
      const result = await measure(process.execPath, job.args, job.timeoutMs === undefined ? {} : { timeoutMs: job.timeoutMs });
      if (result.code !== 0) failures.set(job.key, `${result.code === 'timeout' ? '' : 'exit '}${result.code}: ${result.stderr}${result.rssMb === undefined ? '' : `, peak RSS by then ${Math.round(result.rssMb)} MB`}`);
      else samples.get(job.key).push(result);
      process.stderr.write(`  ${size.label} run ${run + 1}/${runs} ${job.key}: ${fmt.s(result.ms)} ${fmt.mb(result.rssMb)}${result.code === 0 ? '' : ` (exit ${result.code})`}\n`);
    }
  }
  const summary = {};
  for (const job of jobs) {
    const list = samples.get(job.key);
    summary[job.key] = {
      title: job.title,
      runs: list.length,
      medianMs: list.length ? median(list.map((r) => r.ms)) : undefined,
      peakRssMb: list.length ? Math.max(...list.map((r) => r.rssMb ?? 0)) : undefined,
      failure: failures.get(job.key),
    };
  }
  return { size: size.label, rows: size.count, jobs: summary, agreement: agreement(size) };
}

async function measureLatency(runs) {
  const fixture = path.join(ROOT, 'fixtures', 'agencies-2024.csv');
  const bare = [];
  const small = [];
  for (let run = 0; run < runs; run += 1) {
    bare.push((await measure(process.execPath, ['-e', '0'], { rss: false })).ms);
    const result = await measure(process.execPath, [SSEVAL, 'grade', fixture], { rss: false });
    if (result.code !== 0) throw new Error(`sseval grade ${fixture} failed: ${result.stderr}`);
    small.push(result.ms);
  }
  return { nodeMs: median(bare), gradeMs: median(small), ratio: median(small) / median(bare), runs };
}

function printSize(result) {
  const { jobs, rows } = result;
  console.log(`\n${result.size} rows (${rows.toLocaleString('en-US')})`);
  console.log(`${'job'.padEnd(44)} ${'median'.padStart(9)} ${'rows/s'.padStart(11)} ${'peak RSS'.padStart(9)}`);
  for (const job of Object.values(jobs)) {
    const line = `${job.title.padEnd(44)} ${fmt.s(job.medianMs).padStart(9)} ${fmt.rate(rows, job.medianMs).padStart(11)} ${fmt.mb(job.peakRssMb).padStart(9)}`;
    console.log(job.failure ? `${line}  FAILED ${job.failure}` : line);
  }
  const ratio = (a, b) => (a?.medianMs && b?.medianMs ? (a.medianMs / b.medianMs).toFixed(2) : '-');
  console.log(`ratio sseval / DuckDB: ${ratio(jobs.sseval, jobs.duckdb)} (goal ≤ 1.5 at 1M)`);
  console.log(`ratio sseval / csv-parse baseline: ${ratio(jobs.sseval, jobs.csvParse)}`);
  if (jobs.readXlsx) console.log(`ratio xlsx read / CSV read: ${ratio(jobs.readXlsx, jobs.readCsv)} (goal ≤ 2 at 100k); exceljs read / sseval xlsx read: ${ratio(jobs.exceljsRead, jobs.readXlsx)}`);
  const a = result.agreement;
  console.log(a.error ? `agreement with DuckDB: not checked (${a.error})` : `agreement with DuckDB (total, grade, ranks): ${a.same}/${a.of} (sseval listed ${a.ours})`);
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const sizes = args.quick ? SIZES.slice(0, 1) : SIZES;
  mkdirSync(OUT_DIR, { recursive: true });
  const files = await ensureData(sizes, (message) => process.stderr.write(`${message}\n`));
  const machine = {
    cpu: os.cpus()[0]?.model ?? 'unknown',
    cores: os.cpus().length,
    memoryGb: Math.round(os.totalmem() / 1024 ** 3),
    node: process.version,
    platform: `${os.platform()} ${os.release()}`,
    date: new Date().toISOString(),
    loadAverage: os.loadavg().map((l) => l.toFixed(2)),
  };
  console.log(`sseval bench — ${machine.date}\n${machine.cpu}, ${machine.cores} cores, ${machine.memoryGb} GB, Node ${machine.node}, ${machine.platform}; load average at start ${machine.loadAverage.join(' ')}`);
  const latency = await measureLatency(args.runs ?? 11);
  console.log(`\nsmall job: sseval grade fixtures/agencies-2024.csv ${fmt.s(latency.gradeMs)} vs node -e 0 ${fmt.s(latency.nodeMs)}: ratio ${latency.ratio.toFixed(2)} (goal ≤ 2.5; medians of ${latency.runs})`);
  const results = [];
  for (const size of sizes) {
    const result = await measureSize(size, files, args.runs ?? size.runs);
    printSize(result);
    results.push(result);
  }
  machine.loadAverageAtEnd = os.loadavg().map((l) => l.toFixed(2));
  console.log(`\nload average at end ${machine.loadAverageAtEnd.join(' ')}`);
  if (args.json) writeFileSync(args.json, `${JSON.stringify({ machine, latency, results }, null, 2)}\n`);
}

await main();
