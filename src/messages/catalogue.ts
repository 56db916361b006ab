import type { MessageArgs } from '../core/problems.js';

/** Output language of labels and messages. */
export type Lang = 'ko' | 'en';

/** Message templates by code; `{name}` is replaced by the argument of that name. */
export type Catalogue = Readonly<Record<string, { readonly ko: string; readonly en: string }>>;

/** Fills `{name}` placeholders; an argument that is not given stays visible as `{name}`. */
export function fillTemplate(template: string, args: MessageArgs): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = Object.hasOwn(args, name) ? args[name] : undefined;
    return value === undefined ? whole : String(value);
  });
}
