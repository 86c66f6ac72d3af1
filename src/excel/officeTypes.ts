// How the Excel adapter reaches Office.js. Injected so tests can pass an
// office-addin-mock context instead of the real Excel.run.

/** Runs one batch against the workbook, like `Excel.run`. */
export type ExcelRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

/** `Office.context.requirements.isSetSupported('ExcelApi', version)`. */
export type ApiSupport = (version: string) => boolean;

export function officeExcelRun(): ExcelRun {
  return (batch) => Excel.run(batch);
}

export function officeApiSupport(): ApiSupport {
  return (version) => {
    try {
      return Office.context.requirements.isSetSupported('ExcelApi', version);
    } catch {
      return false;
    }
  };
}
