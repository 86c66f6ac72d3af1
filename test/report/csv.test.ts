import { buildReport } from '../../src/engine';
import { csvNumber, neutraliseText, quote, renderCsv } from '../../src/report/csv';
import { sampleResult } from './sampleRun';

describe('renderCsv', () => {
  const csv = renderCsv(
    buildReport([
      { file: '-farlig;fil.xlsx', error: null, result: sampleResult() },
      { file: 'trasig.xlsx', error: 'Filen är krypterad.', result: null },
    ]),
  );
  const lines = csv.slice(1).split('\r\n');

  it('starts with a BOM and the Swedish header', () => {
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(lines[0]).toBe('fil;blad;cell;status;regel;förväntat;faktiskt;differens;tolerans;meddelande');
  });

  it('writes one row per check with decimal commas and real negative numbers', () => {
    expect(lines).toContain(
      `"'-farlig;fil.xlsx";Budget;B5;Stämmer inte;Kolumnsumma;"1778445,5";1778445;"-0,5";"0,25";Summa <img src=x onerror=alert(1)> stämmer inte`,
    );
  });

  it('neutralises formula-like text and quotes fields with quotes', () => {
    expect(lines).toContain(`"'-farlig;fil.xlsx";Budget;C5;Avrundningsdifferens;Kolumnsumma;"1468,3";"1468,2";"-0,1";"0,15";"'=HYPERLINK(""x"")"`);
  });

  it('keeps a row for a file that could not be read', () => {
    expect(lines).toContain('trasig.xlsx;;;Kunde inte läsas;;;;;;Filen är krypterad.');
  });

  it('has 10 fields in every row', () => {
    expect(lines[lines.length - 1]).toBe('');
    expect(lines.length).toBe(1 + 3 + 1 + 1);
  });
});

describe('csv helpers', () => {
  it('quotes every field with ; , " tab or a line break, so no separator splits a field', () => {
    expect(['a;b', 'a,b', 'a"b', 'a\tb', 'a\nb', 'a\rb', 'ab'].map(quote)).toEqual([
      '"a;b"',
      '"a,b"',
      '"a""b"',
      '"a\tb"',
      '"a\nb"',
      '"a\rb"',
      'ab',
    ]);
  });
  it('a sheet name like x,=1+2, stays one quoted field and no formula, with ; or , as separator', () => {
    const csv = renderCsv({
      version: 1,
      files: [
        {
          file: 'f.xlsx',
          error: null,
          sheets: [
            {
              name: 'x,=1+2,',
              tables: [],
              notes: [],
              causes: [],
              cells: [
                {
                  address: 'B2',
                  status: 'error',
                  checks: [
                    { rule: 'column-sum', status: 'error', expected: 1.5, actual: 2, difference: 0.5, tolerance: 0, inputs: [], message: ',=2+3' },
                  ],
                },
              ],
            },
          ],
        },
      ],
      summary: { files: 1, tables: 0, cells: 1, ok: 0, warning: 0, error: 1 },
    });
    const row = csv.split('\r\n')[1];
    expect(row).toBe(`f.xlsx;"x,'=1+2,";B2;Stämmer inte;Kolumnsumma;"1,5";2;"0,5";0;",'=2+3"`);
    // Read with ; as separator: the name is one field. Split on every comma, as a reader with
    // comma as separator does in the middle of a field: no piece starts a formula.
    expect(row.split(';')[1]).toBe(`"x,'=1+2,"`);
    for (const piece of row.split(',')) expect(piece.replace(/^"/, '')).not.toMatch(/^[=+\-@]/);
  });
  it('neutralises =, +, -, @, tab and CR at the start only', () => {
    expect(['=1', '+1', '-1', '@a', '\tx', '\rx', 'a-b'].map(neutraliseText)).toEqual(["'=1", "'+1", "'-1", "'@a", "'\tx", "'\rx", 'a-b']);
  });
  it('writes numbers Excel reads, without float noise or exponents', () => {
    expect(csvNumber(0.1 + 0.2)).toBe('0,3');
    expect(csvNumber(-3.4)).toBe('-3,4');
    expect(csvNumber(1e-7)).toBe('0,0000001');
    expect(csvNumber(null)).toBe('');
  });
});
