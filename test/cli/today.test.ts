import { describe, expect, it } from 'vitest';
import { todayInKorea } from '../../src/cli/today.js';

const SEOUL = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Seoul', year: 'numeric', month: '2-digit', day: '2-digit' });

/** The calendar day in Seoul by Intl's time-zone data, the reference UTC+9 must agree with. */
function seoulDay(instant: Date) {
  const parts = SEOUL.formatToParts(instant);
  const part = (type: string) => Number(parts.find((p) => p.type === type)!.value);
  return { year: part('year'), month: part('month'), day: part('day') };
}

describe('todayInKorea', () => {
  it.each([
    ['the last instant of a Korean day', '2024-12-31T14:59:59.999Z', { year: 2024, month: 12, day: 31 }],
    ['midnight in Korea is 15:00 UTC', '2024-12-31T15:00:00.000Z', { year: 2025, month: 1, day: 1 }],
    ['08:00 in Korea is still the day before in UTC', '2025-03-01T23:00:00Z', { year: 2025, month: 3, day: 2 }],
    ['a leap day', '2024-02-28T15:30:00Z', { year: 2024, month: 2, day: 29 }],
    ['midsummer, when other zones keep daylight saving', '2025-07-15T14:59:00Z', { year: 2025, month: 7, day: 15 }],
  ])('%s', (_case, instant, expected) => {
    expect(todayInKorea(new Date(instant))).toEqual(expected);
  });

  it('agrees with the Asia/Seoul time zone every 7 hours 13 minutes from 1989 to 2100', () => {
    const step = (7 * 60 + 13) * 60 * 1000;
    const disagreements: string[] = [];
    for (let t = Date.UTC(1989, 0, 1); t < Date.UTC(2100, 0, 1); t += step) {
      const instant = new Date(t);
      if (JSON.stringify(todayInKorea(instant)) !== JSON.stringify(seoulDay(instant))) disagreements.push(instant.toISOString());
    }
    expect(disagreements).toEqual([]);
  });
});
