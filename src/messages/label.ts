import type { Lang } from './catalogue.js';

/** A label in the requested language, falling back to Korean where the English is missing. */
export function pickLabel(label: { readonly ko: string; readonly en?: string | undefined }, lang: Lang): string {
  return lang === 'en' ? (label.en ?? label.ko) : label.ko;
}
