// Public face of the engine: a workbook of cells in, checked cells out.
export * from './types';
export { checkWorkbook, findingsOf, forEachStatus } from './checkWorkbook';
export { readCell, parseNumberText } from './numbers';
export { formatSwedish } from './swedishFormat';
export { buildReport, reportFile } from './report';
export type { Report, ReportFile, FileOutcome } from './report';
export { STATUS_COLOURS, STATUS_TEXT } from './statusColours';
export { cellAddress, rangeAddress, columnName } from './address';
