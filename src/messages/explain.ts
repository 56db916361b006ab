import type { IndicatorFinding } from '../core/results.js';
import type { Lang } from './catalogue.js';
import { renderMessage } from './index.js';

const STATUS_SUFFIX: Record<IndicatorFinding['status'], string | undefined> = {
  scored: undefined,
  zero: 'STATUS_ZERO',
  excluded: 'STATUS_EXCLUDED',
  failed: 'STATUS_FAILED',
};

/** The reason of an indicator finding in words, with what the missing-data policy did when it was not scored. */
export function findingReason(finding: IndicatorFinding, lang: Lang): string {
  const suffix = STATUS_SUFFIX[finding.status];
  const reason = renderMessage(finding.reason.code, finding.reason.args, lang);
  if (suffix === undefined) return reason;
  return reason + renderMessage(suffix, {}, lang);
}
