import { parseExpression, referencedNames } from '../core/expression.js';
import type { Method, Rubric } from './schema.js';

/** One place where a rubric reads a field. */
export interface FieldUse {
  readonly kind: 'identity' | 'peerGroup' | 'indicator' | 'limiter' | 'check' | 'grading';
  /** the indicator, limiter or check id; the setting name for identity and grading */
  readonly id: string;
}

/**
 * Every place the rubric reads each field, by field id, in rubric order. Expressions that do not parse
 * are skipped: the load-time checks report them.
 */
export function fieldUses(rubric: Rubric): Map<string, FieldUse[]> {
  const uses = new Map<string, FieldUse[]>();
  const add = (field: string, use: FieldUse) => {
    const list = uses.get(field) ?? [];
    if (!list.some((u) => u.kind === use.kind && u.id === use.id)) list.push(use);
    uses.set(field, list);
  };
  add(rubric.idField, { kind: 'identity', id: 'idField' });
  add(rubric.nameField, { kind: 'identity', id: 'nameField' });
  for (const field of rubric.peerGroups) add(field, { kind: 'peerGroup', id: field });
  for (const ind of rubric.indicators) {
    const value = ind.field !== undefined ? [ind.field] : ind.formula !== undefined ? namesIn(ind.formula) : [];
    for (const field of [...value, ...methodFields(ind.method)]) add(field, { kind: 'indicator', id: ind.id });
  }
  for (const limiter of rubric.limiters) for (const field of namesIn(limiter.when)) add(field, { kind: 'limiter', id: limiter.id });
  for (const check of rubric.checks) for (const field of namesIn(check.assert)) add(field, { kind: 'check', id: check.id });
  if (rubric.grading.kind === 'quotas' && rubric.grading.within !== undefined) add(rubric.grading.within, { kind: 'grading', id: 'within' });
  return uses;
}

function namesIn(source: string): string[] {
  const parsed = parseExpression(source);
  return parsed.ok ? referencedNames(parsed.expr) : [];
}

/** Fields a scoring method reads besides the indicator's value. */
function methodFields(method: Method): string[] {
  switch (method.kind) {
    case 'target':
      return typeof method.target === 'object' ? [method.target.field] : [];
    case 'improvement':
      return [method.baseline.field];
    case 'relative':
      return method.within === undefined ? [] : [method.within];
    default:
      return [];
  }
}
