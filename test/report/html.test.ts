import { HTML_FULL_LIST_LIMIT, renderFileSection, renderHtmlReport } from '../../src/report/html';
import { escapeHtml } from '../../src/report/escapeHtml';
import { XSS, sampleResult, sampleWorkbook } from './sampleRun';

function page(): string {
  return renderHtmlReport([
    { file: 'a/rapport.xlsx', error: null, workbook: sampleWorkbook(), result: sampleResult() },
    { file: 'trasig.xlsx', error: 'Filen är krypterad och kan inte läsas.', workbook: null, result: null },
  ]);
}

describe('escapeHtml', () => {
  it('escapes markup and quotes', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
  });
});

describe('renderHtmlReport', () => {
  const html = page();

  it('is a Swedish, self-contained page without scripts or external URLs', () => {
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).toContain('<html lang="sv">');
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/https?:\/\//);
    expect(html).not.toMatch(/<link\b/i);
    expect(html).toContain('@media print');
  });

  it('never lets cell text or messages become markup', () => {
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).toContain(escapeHtml(`Summa ${XSS} stämmer inte`));
  });

  it('colours status cells with the checks.md colours and a symbol', () => {
    // B5 is the error cell: Bad fill and a cross beside the figure 1 778 445.
    expect(html).toMatch(/<td class="num s-error"[^>]*>1\u00a0778\u00a0445<span class="mark" aria-label="Stämmer inte">✗<\/span><\/td>/);
    expect(html).toMatch(/<td class="num s-warning"[^>]*>1 468,2<span class="mark"[^>]*>≈<\/span>/);
    expect(html).toMatch(/<td class="num s-ok"[^>]*>855<span class="mark"[^>]*>✓<\/span>/);
    expect(html).toContain('td.s-error,li.s-error .badge,.count.s-error{background:#FFC7CE;color:#9C0006}');
    expect(html).toContain('background:#FFEB9C;color:#9C5700');
  });

  it('shows figures as Excel would, in Swedish form', () => {
    expect(html).toContain('>1\u00a0777\u00a0590<');
    expect(html).toContain('>\u22123,4<');
    expect(html).toContain('>2,6\u00a0%<');
  });

  it('keeps merged title cells and bold total rows', () => {
    expect(html).toContain('<th colspan="3">Uppföljning 2024</th>');
    expect(html).toMatch(/<tr class="total"><td>Summa<\/td>/);
  });

  it('lists the findings with expected, actual, difference and tolerance', () => {
    const findings = html.slice(html.indexOf('<table class="findings">'));
    expect(findings).toContain('<td>B5</td>');
    expect(findings).toContain('<td class="num">1\u00a0778\u00a0445,5</td>');
    expect(findings).toContain('<td class="num">\u22120,5</td>');
    expect(findings).toContain('<td class="num">0,25</td>');
    expect(findings).toContain('<td>C5</td>');
    // ok cells are counted, not listed as findings.
    expect(findings).not.toContain('<td>B4</td>');
  });

  it('summarises every file, also the unreadable one', () => {
    expect(html).toContain('2 filer (1 kunde inte läsas), 1 tabeller, 3 kontrollerade celler.');
    expect(html).toContain('<p class="file-error">Filen är krypterad och kan inte läsas.</p>');
    expect(html).toContain('Summan i B5 är inskriven, inte en formel.');
  });
});

describe('a file with very many checked cells', () => {
  const section = renderFileSection(
    { file: 'stor.xlsx', error: null, workbook: sampleWorkbook(), result: sampleResult() },
    { fullListLimit: 1, csvHref: 'ut/fynd.csv' },
  );

  it('shows the summary, the tables and the findings, and links the full list to the CSV', () => {
    expect(section).toMatch(/kontrollerade celler: sidan visar tabellerna, sammanfattningen och avvikelserna/);
    expect(section).toContain('<a href="ut/fynd.csv">ut/fynd.csv</a>');
    expect(section).toContain('<table class="findings">');
    expect(section).not.toContain('<table class="grid">');
  });

  it('says how to get the CSV when none is written', () => {
    const without = renderFileSection({ file: 'stor.xlsx', error: null, workbook: null, result: sampleResult() }, { fullListLimit: 1 });
    expect(without).toMatch(/CSV-filen \(skriv den med --csv FIL\)/);
  });

  it('a small file is drawn in full', () => {
    const small = renderFileSection({ file: 'liten.xlsx', error: null, workbook: sampleWorkbook(), result: sampleResult() });
    expect(small).toContain('<table class="grid">');
    expect(small).toBe(renderFileSection({ file: 'liten.xlsx', error: null, workbook: sampleWorkbook(), result: sampleResult() }, { fullListLimit: HTML_FULL_LIST_LIMIT }));
  });
});
