// Public face of the engine: a workbook of cells in, checked cells out. Everything outside
// src/engine imports the engine through this file only.
export * from './types';
export { checkWorkbook, findingsOf, forEachStatus } from './checkWorkbook';
export type { CheckWorkbookOptions } from './checkWorkbook';
export { readCell, parseNumberText, typedDecimals } from './numbers';
export { formatInfo } from './numberFormat';
export type { FormatInfo } from './numberFormat';
export { formatSwedish } from './swedishFormat';
export { buildReport, reportFile } from './report';
export type { Report, ReportFile, FileOutcome } from './report';
export { STATUS_COLOURS, STATUS_TEXT, worst } from './statusColours';
export { cellAddress, rangeAddress, columnName, parseCellAddress, qualified } from './address';
