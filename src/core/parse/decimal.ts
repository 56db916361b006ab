/** Powers of ten exactly representable as doubles (10^0 … 10^22), written as literals so none is computed. */
export const POWERS_OF_TEN = Float64Array.from({ length: 23 }, (_, k) => Number(`1e${k}`));

/**
 * Up to 15 digits a decimal's digits make an integer below 2^53, so digits ÷ 10^k is the correctly rounded value of
 * the text, the value `Number` and `parseFloat` give it (Clinger's fast path).
 */
export const MAX_DIRECT_DIGITS = 15;
