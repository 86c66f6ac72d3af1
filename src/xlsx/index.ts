// Reading .xlsx files into the engine's input, and writing a coloured copy.
export { readXlsx } from './readXlsx';
export type { XlsxSheetInput, XlsxWorkbookInput } from './readXlsx';
export { writeColouredCopy } from './writeColouredCopy';
export { XlsxReadError } from './errors';
