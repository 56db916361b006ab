import { roundHalfUp } from './rounding.js';

/** Formats a number for reasons and tables: at most `decimals` decimals, trailing zeros dropped (82.40 → 82.4). */
export function formatNumber(value: number, decimals = 2): string {
  const rounded = roundHalfUp(value, decimals);
  return Object.is(rounded, -0) ? '0' : String(rounded);
}

/** Formats points with fixed decimals (8 → 8.00) so columns of points line up. */
export function formatPoints(value: number, decimals = 2): string {
  return roundHalfUp(value, decimals).toFixed(decimals);
}
