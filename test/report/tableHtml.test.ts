import { isHelperRow, tableToClipboard } from '../../src/clipboard/tableHtml';
import { confirmCopyText, tableForCopy } from '../../src/clipboard/tableForCopy';
import { XSS, sampleResult, sampleWorkbook } from './sampleRun';

const sheet = sampleWorkbook().sheets[0];
const table = sampleResult().sheets[0].tables[0];

describe('tableToClipboard', () => {
  const { html, text } = tableToClipboard(sheet, table);

  it('has no status colours', () => {
    expect(html).not.toMatch(/C6EFCE|FFEB9C|FFC7CE|006100|9C5700|9C0006/i);
    expect(html).not.toMatch(/background/);
  });

  it('writes Swedish figures: no-break space grouping, decimal comma, true minus sign', () => {
    expect(html).toContain('>1\u00a0777\u00a0590</td>');
    expect(html).toContain('>\u22123,4</td>');
    expect(html).toContain('>2,6\u00a0%</td>');
    // Text typed as a figure is rewritten the same way.
    expect(html).toContain('>1\u00a0468,2</td>');
  });

  it('right-aligns figures, bolds total rows, draws thin borders', () => {
    expect(html).toMatch(/<td style="[^"]*text-align:right[^"]*">1\u00a0777\u00a0590<\/td>/);
    expect(html).toMatch(/<td style="(?![^"]*text-align)[^"]*">Övrigt<\/td>/);
    const totalRow = html.slice(html.lastIndexOf('<tr>'));
    expect(totalRow.match(/font-weight:bold/g)!.length).toBe(3);
    const dataRow = /<tr><td[^>]*>Övrigt<\/td>.*?<\/tr>/.exec(html)![0];
    expect(dataRow).not.toContain('font-weight:bold');
    expect(html).toContain('border:0.5pt solid #000000');
    expect(html).toContain('border-collapse:collapse');
  });

  it('keeps the header rows, merged cells included', () => {
    expect(html).toMatch(/<thead><tr><td colspan="3" style="[^"]*">Uppföljning 2024<\/td><\/tr><tr>.*Post.*<\/tr><\/thead>/);
  });

  it('escapes cell text', () => {
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });

  it('gives tab-separated text, merged cells once', () => {
    expect(text.split('\r\n')).toEqual([
      'Uppföljning 2024\t\t',
      'Post\tBudget\tUtfall',
      `${XSS}\t1\u00a0777\u00a0590\t\u22123,4`,
      'Övrigt\t855\t2,6\u00a0%',
      'Summa\t1\u00a0778\u00a0445\t1\u00a0468,2',
      '',
    ]);
  });

  it('uses the original formatting but never a status colour', () => {
    const original = new Map([
      ['3,0', { italic: true, fill: '#DDEBF7' }],
      ['4,1', { fill: '#FFC7CE', fontColor: '#9C0006' }],
      ['2,0', { horizontalAlignment: 'center' as const }],
    ]);
    const copy = tableToClipboard(sheet, table, original).html;
    expect(copy).toMatch(/font-style:italic;background:#DDEBF7">Övrigt/);
    expect(copy).not.toMatch(/FFC7CE|9C0006/);
    expect(copy).toMatch(/text-align:center[^"]*">&lt;img/);
  });
});

describe('tableForCopy', () => {
  it('counts the red cells of the table and asks in Swedish', () => {
    const copy = tableForCopy(sampleWorkbook(), sampleResult(), 'Budget', table);
    expect(copy.errorCells).toBe(1);
    expect(copy.html).toContain('Summa');
    expect(confirmCopyText(copy.errorCells)).toBe('Tabellen har 1 cell som inte stämmer. Vill du kopiera den till Word ändå?');
    expect(confirmCopyText(3)).toContain('3 celler');
  });

  it('says so when the sheet is gone', () => {
    expect(() => tableForCopy(sampleWorkbook(), sampleResult(), 'Borta', table)).toThrow(/Bladet "Borta" finns inte/);
  });
});

describe('the template\'s helper rows are left out of the Word copy', () => {
  const withHelpers = {
    name: 'Budgetfördelning',
    merges: [{ r0: 0, c0: 0, r1: 0, c1: 3 }, { r0: 3, c0: 0, r1: 5, c1: 0 }],
    rows: [
      [{ value: 'Uppföljning 2024' }, { value: 'Uppföljning 2024' }, { value: 'Uppföljning 2024' }, { value: 'Uppföljning 2024' }],
      [{ value: 'Ange nämnd:' }, undefined, { value: 'Regionstyrelsen' }],
      [{ value: 'Kolumn: A' }, { value: 'B' }, { value: 'C' }, { value: 'D' }],
      [{ value: 'Budgetram' }, { value: 'Beslutad' }, { value: 'Växlingar' }, { value: 'Fördelning' }],
      [undefined, { value: 'A B C' }, { value: 'B' }, { value: 'C' }],
      [undefined, { value: '(tkr)' }, { value: '(tkr)' }, { value: '(tkr)' }],
      [{ value: 'Summa' }, { value: 1777590, numFmt: '#,##0' }, { value: 1355, numFmt: '#,##0' }, { value: 1778945, numFmt: '#,##0' }],
    ],
  };
  const t = { range: 'A1:D7', kind: 'budgetfordelning' as const, title: 'Uppföljning 2024', r0: 0, c0: 0, r1: 6, c1: 3, headerRows: [0, 1, 2, 3, 4, 5], totalRows: [6] };

  it('recognises input prompts and column keys, not headings or units', () => {
    expect([0, 1, 2, 3, 4, 5, 6].map((r) => isHelperRow(withHelpers, r, 0, 3))).toEqual([false, true, true, false, false, false, false]);
  });

  it('keeps title, headers, units and figures; a merged cell over a dropped row shrinks', () => {
    const { html, text } = tableToClipboard(withHelpers, t);
    expect(html).not.toContain('Ange nämnd');
    expect(html).not.toContain('Regionstyrelsen');
    expect(html).not.toContain('Kolumn:');
    expect(html).toContain('Uppföljning 2024');
    expect(html).toContain('(tkr)');
    expect(html).toContain('1\u00a0778\u00a0945');
    expect(html).toMatch(/<td rowspan="3"[^>]*>Budgetram<\/td>/);
    expect(text.split('\r\n').filter(Boolean)).toHaveLength(5);
  });
});
