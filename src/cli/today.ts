import type { PlainDate } from '../core/values.js';

/**
 * Today's date in Korea, the one clock reading sseval makes: evaluations follow the Korean calendar day
 * whatever the machine's time zone (a cron job on a UTC server at 08:00 KST is already the next day).
 */
export function todayInKorea(now: Date = new Date()): PlainDate {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Seoul', year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(now);
  const part = (type: string) => Number(parts.find((p) => p.type === type)!.value);
  return { year: part('year'), month: part('month'), day: part('day') };
}
