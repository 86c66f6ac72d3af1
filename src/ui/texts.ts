// Every text the task pane shows, in Swedish, in one place.
import type { Status } from '../engine';

export const T = {
  title: 'Summakoll',
  checkWorkbook: 'Kontrollera arbetsboken',
  checkSheet: 'Kontrollera bladet',
  clearColours: 'Rensa statusfärger',
  watch: 'Kontrollera medan jag skriver',
  working: 'Kontrollerar …',
  filterLabel: 'Visa',
  filterAll: 'Alla',
  noResultYet: 'Ingen kontroll gjord ännu. Välj Kontrollera arbetsboken för att börja.',
  noCells: 'Inga summor, differenser eller andelar hittades att kontrollera.',
  noMatches: 'Inga celler med den statusen.',
  cleared: 'Statusfärgerna är borttagna och cellerna ser ut som före kontrollen.',
  expected: 'Förväntat',
  actual: 'Faktiskt',
  difference: 'Differens',
  copyToWord: 'Kopiera till Word',
  copied: 'Tabellen är kopierad. Klistra in den i Word.',
  copyAnyway: 'Kopiera ändå',
  cancel: 'Avbryt',
  skippedHeading: 'Hoppades över',
  errorPrefix: 'Något gick fel: ',
  previewIntro: 'Förhandsvisning i webbläsaren. Öppna en .xlsx-fil; den kontrolleras här och lämnar aldrig datorn.',
  openFile: 'Öppna .xlsx-fil',
  download: 'Ladda ned färgad kopia',
  noFile: 'Öppna först en .xlsx-fil.',
  gridHeading: 'Blad',
  gridTruncated: (rows: number, cols: number) => `Visar de första ${rows} raderna och ${cols} kolumnerna.`,
  summary: (ok: number, warning: number, error: number) => `${ok} stämmer, ${warning} avrundning, ${error} stämmer inte`,
  summaryLabel: 'Sammanfattning',
  summaryOk: (n: number) => `${n} stämmer`,
  summaryWarning: (n: number) => `${n} avrundning`,
  summaryError: (n: number) => `${n} stämmer inte`,
  actionsLabel: 'Åtgärder',
  /** A yellow finding: a rounding difference, or something else a person should look at. */
  roundingDifference: 'Avrundningsdifferens',
  needsReview: 'Behöver granskas',
  /** Shown for a missing expected / actual / difference figure. */
  noNumber: '–',
  sheetGroupLabel: (sheet: string) => `Blad ${sheet}`,
  previewLabel: 'Förhandsvisning',
  sheetTabsLabel: 'Blad',
  fileOpened: (fileName: string) => `${fileName} är öppnad. Välj Kontrollera arbetsboken.`,
  checkBeforeDownload: 'Kontrollera arbetsboken först, sedan kan den färgade kopian laddas ned.',
} as const;

export const STATUS_LABEL: Record<Status, string> = {
  ok: 'Stämmer',
  warning: 'Avrundning',
  error: 'Stämmer inte',
};

/** A symbol next to the colour, so colour is never the only signal. */
export const STATUS_SYMBOL: Record<Status, string> = {
  ok: '✓',
  warning: '≈',
  error: '✗',
};
