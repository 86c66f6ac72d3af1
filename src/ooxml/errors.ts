// The one error type Summakoll throws for a file it cannot handle. The code says whose
// fault it is: the file's (damaged, encrypted, old format, too large, unsupported encoding),
// the command line's arguments (an output would overwrite an input), or Summakoll's own
// (internal). The message is Swedish and meant for people as it is.

export type ErrorCode =
  | 'damaged'
  | 'encrypted'
  | 'old-format'
  | 'too-large'
  | 'time-limit'
  | 'unsupported-encoding'
  | 'unsupported-file'
  | 'not-found'
  | 'output-collides'
  | 'internal';

export class SummakollError extends Error {
  readonly code: ErrorCode;
  constructor(message: string, code: ErrorCode = 'damaged') {
    super(message);
    this.name = 'SummakollError';
    this.code = code;
    // Keep instanceof working when compiled to ES5-style classes.
    Object.setPrototypeOf(this, new.target.prototype);
  }
}

/**
 * A package Summakoll cannot read (an .xlsx, .xlsm or .docx): damaged unless the code says
 * otherwise. Named for the workbook reader, where it started; the tokenizer and the zip
 * reader throw it for Word documents too (the Word reader words the message for Word).
 */
export class XlsxReadError extends SummakollError {
  constructor(message: string, code: ErrorCode = 'damaged') {
    super(message, code);
    this.name = 'XlsxReadError';
  }
}

export const INTERNAL_ERROR_TEXT = 'Ett internt fel i Summakoll';

/** The message for a failure that is Summakoll's fault, never the user's file. */
export function internalMessage(detail?: string): string {
  return `${INTERNAL_ERROR_TEXT} – filen är troligen hel, men kunde inte kontrolleras. Rapportera felet${detail ? ` (${detail})` : ''}.`;
}

/** A SummakollError as it is; anything else (a bug) becomes an internal error. */
export function asSummakollError(err: unknown): SummakollError {
  if (err instanceof SummakollError) return err;
  const detail = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
  const e = new SummakollError(internalMessage(), 'internal');
  (e as { detail?: string }).detail = detail;
  return e;
}
