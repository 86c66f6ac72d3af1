// The error the xlsx reader and writer throw: a SummakollError with a Swedish message and
// a code (damaged unless said otherwise), so callers can tell a bad file from a bug.
export { SummakollError, XlsxReadError } from '../ooxml/errors';
export type { ErrorCode } from '../ooxml/errors';

/** Excel's limits (ECMA-376 and Excel's specifications): a reference beyond them is a damaged file. */
export const MAX_ROWS = 1048576;
export const MAX_COLUMNS = 16384;

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
  /** `what` is e.g. `cellen ZZZZZZ1`, `raden 2000000000` or `området A1:XFE2`. */
  outsideSheet: (what: string) =>
    `Filen är skadad: ${what.length > 40 ? `${what.slice(0, 40)}…` : what} ligger utanför Excels gränser (1 048 576 rader, 16 384 kolumner).`,
  crc: (name: string) => `Filen är skadad: delen ${name} stämmer inte med sin kontrollsumma (CRC-32).`,
  duplicate: (name: string) => `Filen är skadad: zip-paketet har två delar med samma namn (${name}).`,
  headerMismatch: (name: string) => `Filen är skadad: delen ${name} beskrivs olika i zip-paketets innehållsförteckning och i delen själv.`,
  encoding: (enc: string) =>
    `Filen använder teckenkodningen ${enc.slice(0, 40)}, som Summakoll inte kan läsa. Spara om den i Excel som .xlsx (UTF-8).`,
  doctype: 'Filen är skadad eller manipulerad: den innehåller en DOCTYPE-deklaration, som en Office-fil aldrig har.',
};
