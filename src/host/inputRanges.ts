// The ranges a check was computed from ("Visa indata"), grouped to the one sheet a host can
// select at a time: the checked cell's own sheet when some inputs are there, else the sheet
// of the first input. Ranges are A1 (`B3:B8`), sheet-qualified when on another sheet
// (`'Budgetfördelning'!D9`).
export function splitQualified(ref: string, sheet: string): { sheet: string; range: string } {
  const m = /^(?:'((?:[^']|'')+)'|([^'!]+))!(.+)$/.exec(ref.trim());
  return m ? { sheet: (m[1] ?? m[2]).replace(/''/g, "'"), range: m[3].replace(/\$/g, '') } : { sheet, range: ref.trim().replace(/\$/g, '') };
}

export function inputsOnOneSheet(sheet: string, refs: string[]): { sheet: string; ranges: string[] } | undefined {
  const parts = refs.map((r) => splitQualified(r, sheet)).filter((p) => /^[A-Za-z]{1,3}\d+(:[A-Za-z]{1,3}\d+)?$/.test(p.range));
  if (!parts.length) return undefined;
  const on = parts.some((p) => p.sheet === sheet) ? sheet : parts[0].sheet;
  return { sheet: on, ranges: parts.filter((p) => p.sheet === on).map((p) => p.range) };
}
