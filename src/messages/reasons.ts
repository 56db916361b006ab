import type { Catalogue } from './catalogue.js';

/** Reasons that explain each indicator's score, limiter and grade. */
export const reasonMessages: Catalogue = {
};
