// Where the Word adapter keeps each shaded cell's original shading, so "Rensa
// statusfärger" restores it exactly, also after the document was saved and reopened:
// the add-in's document settings (saved inside the .docx).

export interface ShadedCell {
  /** Shading the cell had before Summakoll (as Word reported it). */
  original: string;
  /** The status fill Summakoll set; restore only while the cell still has it. */
  applied: string;
}

/** Key `table|row|cell` (0-based) → the cell's shading record. */
export type ShadingRecords = Record<string, ShadedCell>;

export interface ShadingStore {
  read(): ShadingRecords;
  write(records: ShadingRecords): Promise<void>;
}

export const SHADING_SETTING = 'summakoll.wordShading';

export function shadingKey(table: number, row: number, cell: number): string {
  return `${table}|${row}|${cell}`;
}

export function parseShadingKey(key: string): { table: number; row: number; cell: number } | null {
  const m = /^(\d+)\|(\d+)\|(\d+)$/.exec(key);
  return m ? { table: Number(m[1]), row: Number(m[2]), cell: Number(m[3]) } : null;
}

/** The store in Office.context.document.settings. */
export function officeSettingsStore(settings: Office.Settings = Office.context.document.settings): ShadingStore {
  return {
    read() {
      const raw = settings.get(SHADING_SETTING) as unknown;
      if (!raw || typeof raw !== 'object') return {};
      return raw as ShadingRecords;
    },
    write(records) {
      if (Object.keys(records).length === 0) settings.remove(SHADING_SETTING);
      else settings.set(SHADING_SETTING, records);
      return new Promise((resolve, reject) => {
        settings.saveAsync((r) =>
          r.status === Office.AsyncResultStatus.Succeeded
            ? resolve()
            : reject(new Error('Originalfärgerna kunde inte sparas i dokumentet. Försök igen.')),
        );
      });
    },
  };
}
