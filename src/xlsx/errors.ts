// The one error the xlsx reader and writer throw: a Swedish message for people.

export class XlsxReadError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'XlsxReadError';
    // Keep instanceof working when compiled to ES5-style classes.
    Object.setPrototypeOf(this, XlsxReadError.prototype);
  }
}

export const MSG = {
  empty: 'Filen är tom (0 byte) och kan inte läsas.',
  notZip: 'Filen är inte en Excel-arbetsbok (.xlsx): den är inget zip-paket. Öppna den i Excel och spara som .xlsx.',
  encrypted:
    'Filen är lösenordsskyddad (krypterad). Ta bort lösenordet i Excel (Arkiv › Information › Skydda arbetsbok) och spara som .xlsx.',
  oldXls: 'Filen är i det gamla Excel-formatet (.xls). Öppna den i Excel och spara som Excel-arbetsbok (.xlsx).',
  truncated: 'Filen är skadad eller ofullständig (zip-paketet saknar sin innehållsförteckning).',
  corrupt: (detail: string) => `Filen är skadad och kan inte läsas (${detail}).`,
  noWorkbook: 'Filen saknar arbetsboksdelen (xl/workbook.xml) och är ingen Excel-arbetsbok.',
  zipBomb: 'Filen packas upp till orimligt mycket data och läses inte (skydd mot zip-bomb).',
  tooLarge: (what: string) => `Filen är för stor för att kontrolleras (${what}).`,
  unsupportedCompression: 'Filen använder en komprimeringsmetod som inte stöds. Spara om den i Excel som .xlsx.',
  encryptedEntry: 'Delar av filen är krypterade och kan inte läsas.',
};
