/**
 * A copy of a string that does not keep alive the larger string it was cut from. V8 makes a substring of 13 or
 * more characters a view into its parent, so a cell cut from a 64 KB block of decoded text would hold the whole
 * block for as long as the cell is kept: a million kept names would keep the whole file. Prepending a character
 * makes V8 copy the text into a string of its own; the slice then views only that copy.
 */
export function ownString(text: string): string {
  return text.length < 13 ? text : (' ' + text).slice(1);
}
