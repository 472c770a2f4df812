import { describe, expect, it } from 'vitest';
import { decodeEntities, readHtmlTables } from './html-table';

describe('readHtmlTables', () => {
  it.each([
    ['a plain table', '<table><tr><th>Invoice</th><th>Client</th></tr><tr><td>INV-1</td><td>Acme</td></tr></table>', [['Invoice', 'Client'], ['INV-1', 'Acme']]],
    ['unclosed cells and rows, upper case', '<TABLE><TR><TD>INV-1<TD>Acme<TR><TD>INV-2<TD>Globex</TABLE>', [['INV-1', 'Acme'], ['INV-2', 'Globex']]],
    ['markup inside cells', '<table><tr><td><a href="/i/1"><b>INV</b>-1</a></td><td>Acme<br>Widgets</td></tr></table>', [['INV-1', 'Acme Widgets']]],
    ['entities (no-break spaces read as spaces, as the page readers read them)', '<table><tr><td>ООО &laquo;Ромашка&raquo; &amp; Co</td><td>1&nbsp;234,56</td><td>&#8470;&#x2116;</td></tr></table>', [['ООО «Ромашка» & Co', '1 234,56', '№№']]],
    ['colspan keeps later cells in place', '<table><tr><td colspan="2">Total</td><td>10</td></tr></table>', [['Total', '', '10']]],
    ['no table at all', '<p>nothing</p>', undefined],
    ['a table never closed', '<table><tr><td>INV-1<td>Acme', [['INV-1', 'Acme']]],
  ])('reads %s', (_, html, rows) => {
    expect(readHtmlTables(html)[0]?.rows).toEqual(rows);
  });

  it('skips scripts, styles, comments and text outside cells', () => {
    const html = '<title>Счета</title><style>td{x:1}</style><table><!-- <tr><td>hidden</td></tr> --><script>"<td>x</td>"</script>caption<tr><td>INV-1</td></tr></table>';
    expect(readHtmlTables(html).map((table) => table.rows)).toEqual([[['INV-1']]]);
  });

  it('reads a table nested in a cell on its own, the outer cell keeping its own text', () => {
    const html = '<table><tr><td>Acme<table><tr><td>inner</td></tr></table></td><td>INV-1</td></tr></table>';
    expect(readHtmlTables(html).map((table) => table.rows)).toEqual([[['inner']], [['Acme', 'INV-1']]]);
  });

  it.each([
    ['unclosed tags', '<td<a'.repeat(200_000)],
    ['unclosed comments', '<table><tr><td>x' + '<!--'.repeat(250_000)],
    ['unclosed scripts', '<script>'.repeat(125_000)],
  ])('reads 1 MB of %s in linear time (quadratic would take minutes)', (_, html) => {
    const start = performance.now();
    readHtmlTables(html);
    expect(performance.now() - start).toBeLessThan(3000);
  });

  it('caps a hostile colspan', () => {
    expect(readHtmlTables('<table><tr><td colspan="99999999">x</td></tr></table>')[0]!.rows[0]).toHaveLength(100);
  });
});

describe('decodeEntities', () => {
  it.each([
    ['&lt;script&gt;', '<script>'],
    ['&unknown; stays', '&unknown; stays'],
    ['&#0; and &#xD800; are no characters', '\ufffd and \ufffd are no characters'],
    ['&QUOT;', '"'],
  ])('%s', (raw, text) => {
    expect(decodeEntities(raw)).toBe(text);
  });
});
