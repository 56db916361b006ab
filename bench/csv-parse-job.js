// The library baseline: csv-parse reads the CSV (array rows, streaming), plain JavaScript scores the rubric's
// 40 indicators and totals them, the list is ranked, and csv-stringify writes it. No validation, no positions:
// this is what the common libraries cost before any of sseval's checking.
// Usage: node bench/csv-parse-job.js <rubric.yaml> <input.csv> <output.csv>
import { parse } from 'csv-parse';
import { stringify } from 'csv-stringify';
import { createReadStream, createWriteStream, readFileSync } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { parse as parseYaml } from 'yaml';

function rater(indicator) {
  const method = indicator.method;
  if (method.kind === 'linear') {
    const min = method.minRating ?? 0;
    const max = method.maxRating ?? 100;
    return (x) => {
      const position = Math.min(1, Math.max(0, (x - method.low) / (method.high - method.low)));
      return min + (max - min) * (indicator.direction === 'lower' ? 1 - position : position);
    };
  }
  return (x) => method.bands.find((band) => x >= band.atLeast)?.rating ?? method.otherwise?.rating ?? 0;
}

async function main([rubricFile, input, output]) {
  const rubric = parseYaml(readFileSync(rubricFile, 'utf8'));
  const columnOf = new Map();
  const indicators = rubric.indicators.map((ind) => ({ ...ind, rate: rater(ind), domainIndex: rubric.domains.findIndex((d) => d.id === ind.domain) }));
  const results = [];
  await pipeline(createReadStream(input), parse({ bom: true }), async (rows) => {
    let header = true;
    for await (const row of rows) {
      if (header) {
        rubric.fields.forEach((field) => columnOf.set(field.id, row.indexOf(field.aliases[0])));
        header = false;
        continue;
      }
      const earned = rubric.domains.map(() => 0);
      const available = rubric.domains.map(() => 0);
      for (const ind of indicators) {
        const text = row[columnOf.get(ind.field)];
        if (text === '') continue;
        earned[ind.domainIndex] += (ind.points * ind.rate(Number(text))) / 100;
        available[ind.domainIndex] += ind.points;
      }
      const domains = rubric.domains.map((d, i) => (available[i] === 0 ? null : (earned[i] * d.points) / available[i]));
      const max = rubric.domains.reduce((sum, d, i) => sum + (domains[i] === null ? 0 : d.points), 0);
      const sum = domains.reduce((s, p) => s + (p ?? 0), 0);
      const scaled = ((sum * rubric.total.points) / max) * 100;
      const total = Math.floor(scaled + 0.5 + scaled * 1e-12) / 100;
      results.push({ id: row[columnOf.get(rubric.idField)], name: row[columnOf.get(rubric.nameField)], region: row[columnOf.get(rubric.peerGroups[0])], domains, total });
    }
  });
  results.sort((a, b) => b.total - a.total || (a.id < b.id ? -1 : 1));
  const grade = (total) => rubric.grading.bands.find((band) => band.min === undefined || total >= band.min).grade;
  let rank = 0;
  const rows = results.map((r, i) => {
    if (i === 0 || results[i - 1].total !== r.total) rank = i + 1;
    return [rank, r.id, r.name, r.region, ...r.domains.map((d) => (d === null ? '-' : d.toFixed(2))), r.total.toFixed(2), grade(r.total)];
  });
  await pipeline(
    (async function* () {
      yield ['rank', 'id', 'name', 'region', ...rubric.domains.map((d) => d.id), 'total', 'grade'];
      yield* rows;
    })(),
    stringify({ bom: true }),
    createWriteStream(output),
  );
}

await main(process.argv.slice(2));
