/** Rounds half away from zero at `decimals`, immune to binary artefacts such as 1.005 → 1.00. */
export function roundHalfUp(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  const scaled = Math.abs(value) * factor;
  // Numbers like 84.995 are stored as 84.99499999…; nudge by a relative epsilon before rounding.
  const rounded = Math.floor(scaled + 0.5 + scaled * 1e-12) / factor;
  return value < 0 ? -rounded : rounded;
}
