// A string cut out of a part's XML (`xml.slice`, or a concatenation with such a slice) is,
// in V8, a view that keeps the whole part alive: one formula of a 270 MB worksheet holds
// all 270 MB for as long as the cell is kept. Strings that outlive the parse are copied.

/**
 * The same text as a string of its own (no reference to the text it was cut from).
 * Strings under 13 characters are always copied by V8 when cut, so they are returned as is.
 */
export function ownString(s: string): string {
  // A concatenation is flattened into a new string by slice(): the view then points at that copy.
  return s.length < 13 ? s : (' ' + s).slice(1);
}
