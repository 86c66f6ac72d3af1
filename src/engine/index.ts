// Public face of the engine: a workbook of cells in, checked cells out. Everything outside
// src/engine imports the engine through this file only.
export * from './types';
export { checkWorkbook } from './checkWorkbook';
export { findingsOf, forEachCell, forEachStatus } from './result/sheetResult';
export { findCauses } from './causes/findCauses';
export type { CheckWorkbookOptions } from './checkWorkbook';
export { readCell, parseNumberText, typedDecimals } from './read/numbers';
export { formatInfo, FormatMemo } from './read/numberFormat';
export type { FormatInfo } from './read/numberFormat';
export { formatSwedish } from './read/swedishFormat';
export { buildReport, reportFile } from './result/report';
export type { Report, ReportFile, FileOutcome } from './result/report';
export { checkStatusText, STATUS_COLOURS, STATUS_TEXT, worst } from './result/statusColours';
export { cellAddress, rangeAddress, columnName, parseCellAddress, qualified } from './read/address';
