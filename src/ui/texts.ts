// Every text the task pane and the browser preview show, in Swedish, in one place.
// Counts go through count()/plural so that "9 945 celler" and "1 cell" come out right.
import type { Status } from '../engine';
import { count } from './format';

/** "1 cell" / "2 celler", the number grouped with a thin space. */
export const plural = (n: number, one: string, many: string): string => `${count(n)} ${n === 1 ? one : many}`;

export const T = {
  title: 'Summakoll',

  // Actions
  actionsLabel: 'Åtgärder',
  checkWorkbook: 'Kontrollera arbetsboken',
  checkSheet: 'Kontrollera bladet',
  clearColours: 'Rensa statusfärger',
  watch: 'Kontrollera medan jag skriver',
  cancel: 'Avbryt',

  // Progress and notices
  working: 'Kontrollerar …',
  phaseRead: 'Läser arbetsboken …',
  phaseCheck: 'Kontrollerar tabellerna …',
  phaseCollect: 'Sammanställer fynden …',
  progressLabel: 'Förlopp',
  errorPrefix: 'Något gick fel: ',
  cleared: 'Statusfärgerna är borttagna och cellerna ser ut som före kontrollen.',
  noResultYet: 'Ingen kontroll gjord ännu. Välj Kontrollera arbetsboken för att börja.',
  noCells: 'Inga summor, differenser eller andelar hittades att kontrollera.',
  noMatches: 'Inga celler med den statusen.',
  skippedHeading: 'Hoppades över',

  // Summary: the badges are the filters
  summaryLabel: 'Sammanfattning',
  filterLabel: 'Visa fynd',
  summary: (ok: number, warning: number, error: number) =>
    [
      error ? plural(error, 'cell stämmer inte', 'celler stämmer inte') : '',
      warning ? plural(warning, 'avrundningsdifferens', 'avrundningsdifferenser') : '',
      ok ? `${plural(ok, 'cell', 'celler')} stämmer` : '',
    ]
      .filter(Boolean)
      .join(', '),
  badge: {
    error: (n: number) => `${count(n)} stämmer inte`,
    warning: (n: number) => plural(n, 'avrundning', 'avrundningar'),
    ok: (n: number) => `${count(n)} stämmer`,
  } as Record<Status, (n: number) => string>,
  allOk: (cells: number) => `Allt stämmer — ${plural(cells, 'cell kontrollerad', 'celler kontrollerade')}`,
  noErrors: (cells: number) => `Inga fel — ${plural(cells, 'cell kontrollerad', 'celler kontrollerade')}`,

  // List sections and groups
  findingsLabel: 'Fynd',
  section: {
    error: (n: number) => `Stämmer inte (${count(n)})`,
    warning: (n: number) => `Avrundning och att granska (${count(n)})`,
    ok: (n: number) => `Stämmer (${count(n)})`,
  } as Record<Status, (n: number) => string>,
  outsideTables: 'Utanför tabeller',
  okInTable: (n: number) => `${plural(n, 'cell', 'celler')} stämmer`,
  showOkCells: 'Visa',
  hideOkCells: 'Dölj',
  loading: 'Hämtar …',
  consequenceOf: (address: string) => `Följdfel av ${address}`,
  partOfCause: (address: string) => `Del av samma orsak (${address})`,
  /** `Trolig orsak`, `Trolig orsak i C5 och D5 (osäker)`: where when the entry is not the cause's own cell. */
  likelyCause: (cells: string | undefined, uncertain: boolean) => `Trolig orsak${cells ? ` i ${cells}` : ''}${uncertain ? ' (osäker)' : ''}`,
  goTo: (address: string) => `Gå till ${address}`,
  /** Cells in Swedish: `D8`, `D8 och D9`. */
  cellList: (cells: string[]) => (cells.length > 1 ? `${cells.slice(0, -1).join(', ')} och ${cells[cells.length - 1]}` : cells[0] ?? ''),

  // One finding
  expected: 'Förväntat',
  actual: 'Faktiskt',
  difference: 'Differens',
  basis: 'Grund',
  roundingDifference: 'Avrundningsdifferens',
  needsReview: 'Behöver granskas',
  showInputs: 'Visa indata',
  inputsShown: (n: number) => `${plural(n, 'indatacell', 'indataceller')} markerade.`,
  noInputs: 'Kontrollen har inga indataceller att visa.',

  // Next / previous error
  navLabel: 'Gå mellan fel',
  nextError: 'Nästa fel',
  previousError: 'Föregående fel',
  nextShortcut: 'F8',
  previousShortcut: 'Shift+F8',
  position: (i: number, n: number) => `Fel ${count(i)} av ${count(n)}`,
  noProblems: 'Inga fel att gå till.',

  // Notes: what could not be judged
  notesHeading: (n: number) => `Kunde inte bedömas (${count(n)})`,
  notesIntro: 'Det här såg Summakoll men kunde inte avgöra. Det är inga fel; kontrollera för hand.',
  notesShown: (shown: number, total: number) => `Visar de första ${count(shown)} av ${count(total)}.`,

  // Sign-off
  reviewed: 'Granskad',
  markReviewed: 'Markera som granskad',
  unmarkReviewed: 'Ta bort granskad',
  comment: 'Kommentar (valfri)',
  saveReview: 'Spara',
  reviewedBadge: (comment: string) => (comment ? `Granskad: ${comment}` : 'Granskad'),
  reviewDialogTitle: (address: string) => `Granska ${address}`,
  reviewSaved: (address: string) => `${address} är markerad som granskad.`,
  reviewRemoved: (address: string) => `${address} är inte längre markerad som granskad.`,
  reviewedCount: (n: number, total: number) => `${count(n)} av ${count(total)} granskade`,

  // Export
  exportFindings: 'Exportera fynd',
  exportDone: (n: number) => `${plural(n, 'fynd', 'fynd')} exporterade som CSV och kopierade som tabell.`,
  exportCsvOnly: (n: number) => `${plural(n, 'fynd', 'fynd')} exporterade som CSV.`,
  exportHeader: ['Blad', 'Tabell', 'Cell', 'Status', 'Meddelande', 'Förväntat', 'Faktiskt', 'Differens', 'Grund', 'Granskad', 'Kommentar'],
  yes: 'ja',
  no: 'nej',

  // Kopiera till Word
  copyToWord: 'Kopiera till Word',
  copied: 'Tabellen är kopierad. Klistra in den i Word.',
  copyAnyway: 'Kopiera ändå',
  confirmCopy: (errorCells: number) =>
    `Tabellen har ${plural(errorCells, 'cell', 'celler')} som inte stämmer. Vill du kopiera den till Word ändå?`,
  copyBlocked: 'Webbläsaren tillät inte kopiering till Urklipp. Markera tabellen i Excel och kopiera med Ctrl+C i stället.',
  checkFirst: 'Kontrollera arbetsboken först.',
  sheetGone: (sheet: string) => `Bladet "${sheet}" finns inte längre i arbetsboken. Kontrollera igen och försök sedan kopiera.`,

  // Preview
  previewLabel: 'Förhandsvisning',
  previewIntro: 'Förhandsvisning i webbläsaren. Öppna en .xlsx-fil eller släpp den här; den kontrolleras här och lämnar aldrig datorn.',
  openFile: 'Öppna .xlsx-fil',
  fileInputLabel: 'Välj en .xlsx-fil att kontrollera',
  dropHere: 'Släpp filen för att öppna den',
  dropOnlyOne: 'Släpp en .xlsx-fil i taget.',
  download: 'Ladda ned färgad kopia',
  noFile: 'Öppna först en .xlsx-fil.',
  fileOpened: (fileName: string) => `${fileName} är öppnad och kontrollerad.`,
  openFailed: (fileName: string, why: string) => `${fileName} kunde inte öppnas: ${why}`,
  checkBeforeDownload: 'Kontrollera arbetsboken först, sedan kan den färgade kopian laddas ned.',
  gridLabel: (sheet: string) => `Bladet ${sheet}, rutnät. Rulla med piltangenterna.`,
  sheetTabsLabel: 'Blad',
  moreSheets: (n: number) => `${plural(n, 'blad', 'blad')} till`,
  officeFailed: 'Office kunde inte läsas in. Förhandsvisningen i webbläsaren används i stället.',
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
