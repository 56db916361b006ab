// The reference job: DuckDB reads the CSV, scores the 40 indicators of bench/rubric-40.yaml in SQL (linear and
// band methods, blanks left out and each domain renormalised), totals, grades, ranks overall and within the region,
// and COPYs the ranked list to CSV. Usage: node bench/duckdb-job.js <rubric.yaml> <input.csv> <output.csv>
import { DuckDBInstance } from '@duckdb/node-api';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';

const quote = (name) => `"${name.replaceAll('"', '""')}"`;
const literal = (text) => `'${text.replaceAll("'", "''")}'`;

/** The rating (0–100) of one indicator's column, as the engine computes it; NULL when the value is blank. */
function ratingSql(indicator, column) {
  const method = indicator.method;
  if (method.kind === 'linear') {
    const position = `greatest(0.0, least(1.0, (${column} - ${method.low}) / (${method.high - method.low}.0)))`;
    const fraction = indicator.direction === 'lower' ? `(1 - ${position})` : position;
    const min = method.minRating ?? 0;
    const max = method.maxRating ?? 100;
    // greatest() and least() skip NULLs, so a blank must be caught before them
    return `(CASE WHEN ${column} IS NULL THEN NULL ELSE ${min} + ${max - min} * ${fraction} END)`;
  }
  if (method.kind === 'bands') {
    const cases = method.bands.map((band) => `WHEN ${column} >= ${band.atLeast} THEN ${band.rating}`).join(' ');
    return `(CASE WHEN ${column} IS NULL THEN NULL ${cases} ELSE ${method.otherwise?.rating ?? 0} END)`;
  }
  throw new Error(`bench rubric uses only linear and band methods, not ${method.kind}`);
}

/** The whole job as one SQL statement over `rows` (the CSV with the rubric's field ids as column names). */
export function gradeSql(rubric, output) {
  const header = (fieldId) => rubric.fields.find((f) => f.id === fieldId).aliases[0];
  const points = rubric.indicators.map((ind) => `${ind.points} * ${ratingSql(ind, quote(header(ind.field)))} / 100 AS p_${ind.id}`);
  const domains = rubric.domains.map((domain) => {
    const members = rubric.indicators.filter((ind) => ind.domain === domain.id);
    const earned = members.map((ind) => `coalesce(p_${ind.id}, 0)`).join(' + ');
    const available = members.map((ind) => `(CASE WHEN p_${ind.id} IS NULL THEN 0 ELSE ${ind.points} END)`).join(' + ');
    return `(CASE WHEN (${available}) = 0 THEN NULL ELSE (${earned}) * ${domain.points} / (${available}) END) AS d_${domain.id}`;
  });
  const domainEarned = rubric.domains.map((d) => `coalesce(d_${d.id}, 0)`).join(' + ');
  const domainAvailable = rubric.domains.map((d) => `(CASE WHEN d_${d.id} IS NULL THEN 0 ELSE ${d.points} END)`).join(' + ');
  const precision = 10 ** rubric.total.precision;
  // rounded half up with the engine's nudge against binary artefacts (84.995 stored as 84.99499…)
  const scaled = `((${domainEarned}) * ${rubric.total.points} / (${domainAvailable}) * ${precision})`;
  const total = `floor(${scaled} + 0.5 + ${scaled} * 1e-12) / ${precision}`;
  const bands = rubric.grading.bands.map((band) => (band.min === undefined ? `ELSE ${literal(band.grade)}` : `WHEN total >= ${band.min} THEN ${literal(band.grade)}`));
  const id = quote(header(rubric.idField));
  const name = quote(header(rubric.nameField));
  const region = quote(header(rubric.peerGroups[0]));
  return `
    COPY (
      WITH scored AS (SELECT ${id} AS id, ${name} AS name, ${region} AS region, ${points.join(', ')} FROM rows),
      domains AS (SELECT id, name, region, ${domains.join(', ')} FROM scored),
      totals AS (SELECT *, ${total} AS total FROM domains)
      SELECT rank() OVER (ORDER BY total DESC) AS rank, id, name, region,
             rank() OVER (PARTITION BY region ORDER BY total DESC) || '/' || count(*) OVER (PARTITION BY region) AS region_rank,
             ${rubric.domains.map((d) => `round(d_${d.id}, 2) AS ${d.id}`).join(', ')},
             total, CASE ${bands.join(' ')} END AS grade
      FROM totals ORDER BY rank, id
    ) TO ${literal(output)} (HEADER, DELIMITER ',')`;
}

async function main([rubricFile, input, output]) {
  const rubric = parse(readFileSync(rubricFile, 'utf8'));
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  const types = Object.fromEntries(rubric.fields.map((f) => [f.aliases[0], ['id', 'text'].includes(f.type) ? 'VARCHAR' : 'DOUBLE']));
  const typesSql = `{${Object.entries(types).map(([k, v]) => `${literal(k)}: ${literal(v)}`).join(', ')}}`;
  await connection.run(`CREATE VIEW rows AS SELECT * FROM read_csv(${literal(input)}, header = true, types = ${typesSql})`);
  await connection.run(gradeSql(rubric, output));
  connection.closeSync();
  instance.closeSync();
}

if (import.meta.url === `file://${process.argv[1]}`) await main(process.argv.slice(2));
