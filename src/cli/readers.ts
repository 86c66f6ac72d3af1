// One place that knows which reader and which copy writer handle a file, by extension.
import type { CheckWorkbookOptions } from '../engine';
import type { WorkbookInput, WorkbookResult } from '../engine';
import { readDocx, WORD_CHECK_OPTIONS, writeShadedDocx } from '../docx/docx';
import { readXlsx, writeColouredCopy } from '../xlsx';
import { SummakollError } from '../ooxml/errors';

export type DocumentKind = 'xlsx' | 'docx' | 'xls' | 'unknown';

/** Extensions a folder argument picks up. */
export const FOLDER_EXTENSIONS = ['.xlsx', '.xlsm', '.docx'];

export function documentKind(fileName: string): DocumentKind {
  const lower = fileName.toLowerCase();
  if (lower.endsWith('.xlsx') || lower.endsWith('.xlsm')) return 'xlsx';
  if (lower.endsWith('.docx')) return 'docx';
  if (lower.endsWith('.xls')) return 'xls';
  return 'unknown';
}

/** An error whose message is meant for the user as is (Swedish). */
export class UnsupportedFileError extends SummakollError {
  constructor(message: string) {
    super(message, 'unsupported-file');
    this.name = 'UnsupportedFileError';
  }
}

/** What was read, and the check options that fit the format (Word figures are always text). */
export interface ReadDocument {
  workbook: WorkbookInput;
  options: CheckWorkbookOptions;
}

export function readDocument(fileName: string, bytes: Uint8Array): ReadDocument {
  switch (documentKind(fileName)) {
    case 'xlsx':
      return { workbook: readXlsx(bytes), options: {} };
    case 'docx':
      return { workbook: readDocx(bytes), options: WORD_CHECK_OPTIONS };
    case 'xls':
      throw new UnsupportedFileError(
        'Filen är i det gamla Excel-formatet (.xls). Öppna den i Excel och spara som Excel-arbetsbok (.xlsx).',
      );
    default:
      throw new UnsupportedFileError('Filtypen stöds inte. Summakoll läser .xlsx, .xlsm och .docx.');
  }
}

/** The copy with status colours (Excel) or shading (Word). */
export function writeColouredDocument(fileName: string, bytes: Uint8Array, result: WorkbookResult): Uint8Array {
  switch (documentKind(fileName)) {
    case 'xlsx':
      return writeColouredCopy(bytes, result);
    case 'docx':
      return writeShadedDocx(bytes, result);
    default:
      throw new UnsupportedFileError('Filtypen stöds inte för färgad kopia.');
  }
}
