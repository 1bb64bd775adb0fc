/**
 * The cached values of formula cells read straight from the sheet XML (src/lib/workbook/zip.ts):
 * character references in names and values are decoded as XML, numeric ones included.
 */
import { describe, expect, test } from 'vitest';
import { cachedFormulaValues } from '../../src/lib/workbook/zip.ts';

const parts = (sheet: string) =>
  new Map([
    ['xl/workbook.xml', '<workbook><sheets><sheet name="Zahlen &amp; Mittel" sheetId="1" r:id="rId1"/></sheets></workbook>'],
    ['xl/_rels/workbook.xml.rels', '<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>'],
    ['xl/worksheets/sheet1.xml', `<worksheet><sheetData><row r="1">${sheet}</row></sheetData></worksheet>`],
  ]);

describe('cachedFormulaValues', () => {
  test('decodes the sheet name and text values, named and numeric references alike', () => {
    const values = cachedFormulaValues(parts('<c r="A1" t="str"><f>B1</f><v>&lt;A&gt; &amp;amp; &quot;B&quot; &apos;C&apos; Gr&#252;n&#x2f;Wei&#xDF;</v></c>'));
    expect([...values.keys()]).toEqual(['Zahlen & Mittel']);
    expect(values.get('Zahlen & Mittel')!.get('A1')).toEqual({ type: 'text', value: `<A> &amp; "B" 'C' Grün/Weiß` });
  });

  test('numbers, errors, booleans and missing values keep their types', () => {
    const values = cachedFormulaValues(parts('<c r="A1"><f>1</f><v>0</v></c><c r="A2" t="e"><f>1/0</f><v>#DIV/0!</v></c><c r="A3" t="b"><f>1=1</f><v>1</v></c><c r="A4"><f>X</f></c><c r="A5"><v>7</v></c>'));
    expect(Object.fromEntries(values.get('Zahlen & Mittel')!)).toEqual({
      A1: { type: 'number', value: 0 },
      A2: { type: 'error', value: '#DIV/0!' },
      A3: { type: 'boolean', value: true },
      A4: undefined,
    });
  });
});
