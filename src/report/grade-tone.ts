/** A grade's place on a five-step scale from best (0) to worst (4), for colouring workbooks and charts alike. */
export type Tone = 0 | 1 | 2 | 3 | 4;

/** The tone of a grade by its place in the best-first grade order; null for a grade not in the order. */
export function gradeTone(grades: readonly string[], grade: string): Tone | null {
  const index = grades.indexOf(grade);
  if (index < 0) return null;
  if (grades.length === 1) return 0;
  return Math.round((index / (grades.length - 1)) * 4) as Tone;
}
