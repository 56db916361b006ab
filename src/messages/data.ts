import type { Catalogue } from './catalogue.js';

/** Messages for reading and validating input data. */
export const dataMessages: Catalogue = {
};
