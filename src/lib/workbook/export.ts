/**
 * Writes the planners' workbook of a year (layout: ./index.ts). Cells follow the column types:
 * numbers are numbers with German display formats (Excel stores "#,##0", a German Excel shows
 * "#.##0"), data validation refuses what the import would refuse (whole numbers ≥ 0 for counts,
 * euros with at most two decimals, years 1900–2100), group subtotals and totals are live SUM
 * formulas (SUMME in a German Excel) with their value cached, so that every program shows the
 * sums while planners type. Ids, labels, texts and formulas are locked (sheet protection without
 * a password: „Überprüfen“ → „Blattschutz aufheben“ needs none), number cells are not.
 * Texts are always written as text cells with the text format "@", so that a text starting with
 * "=", "+", "-" or "@" is never run as a formula.
 */
import ExcelJS from 'exceljs';
import { chapterDataTable, type ExportColumn, exportCell, type YearData, tableLayout } from '../export/index.ts';
import { type Column, type Row, type Table, groupMembers, quantityOf, topLevelRows } from '../schemas/table.ts';
import {
  CAPTION_ROW,
  columnLetter,
  FIRST_ROW,
  GUIDE_SHEET,
  HEADER_ROW,
  INDEX_KEYS,
  INDEX_SHEET,
  INDEX_TABLE_HEADER,
  PROGRAMME_LABELS,
  PROGRAMME_SHEET,
  sheetNames,
  WORKBOOK_FORMAT,
} from './index.ts';

/** Display formats as stored in the file (a German Excel or LibreOffice shows "." and ","). */
function numberFormat(c: Column): string {
  const places = (d: number | undefined, fallback: number) => {
    const n = d ?? fallback;
    return n > 0 ? `.${'0'.repeat(n)}` : '';
  };
  switch (c.type) {
    case 'count':
      return '#,##0';
    case 'year':
      return '0';
    case 'euros':
      return `#,##0.00 "€"`;
    case 'percent':
      return `#,##0${places(c.decimals, 0)} "%"`;
    default:
      return c.decimals === undefined ? 'General' : `#,##0${places(c.decimals, 0)}`;
  }
}

/** Data validation of a number cell: what the import accepts for the column type. */
function validation(c: Column, address: string): ExcelJS.DataValidation {
  const common = { allowBlank: true, showErrorMessage: true, errorStyle: 'stop' as const, errorTitle: 'Ungültige Zahl' };
  switch (c.type) {
    case 'count':
      return { ...common, type: 'whole', operator: 'greaterThanOrEqual', formulae: [0], error: 'Erwartet eine ganze Zahl ≥ 0 (z. B. 1800).' };
    case 'year':
      return { ...common, type: 'whole', operator: 'between', formulae: [1900, 2100], error: 'Erwartet eine Jahreszahl von 1900 bis 2100.' };
    case 'euros':
      return { ...common, type: 'custom', formulae: [`AND(ISNUMBER(${address}),${address}>=0,ROUND(${address},2)=${address})`], error: 'Erwartet einen Betrag ≥ 0 in Euro mit höchstens zwei Nachkommastellen (z. B. 1234,56).' };
    default:
      return c.decimals === undefined
        ? { ...common, type: 'decimal', operator: 'between', formulae: [-1e15, 1e15], error: 'Erwartet eine Zahl.' }
        : { ...common, type: 'custom', formulae: [`AND(ISNUMBER(${address}),ROUND(${address},${c.decimals})=${address})`], error: `Erwartet eine Zahl mit höchstens ${c.decimals} Nachkommastellen.` };
  }
}

const isNumberRole = (e: ExportColumn) => e.role === 'value' || e.role === 'min' || e.role === 'max';

/** "B3:B5,B7": consecutive rows as ranges (SUM takes at most 255 arguments). */
function sumFormula(letter: string, rows: number[]): string | undefined {
  if (rows.length === 0) return undefined;
  const parts: string[] = [];
  let start = rows[0]!;
  let prev = start;
  for (const r of [...rows.slice(1), Number.NaN]) {
    if (r === prev + 1) {
      prev = r;
      continue;
    }
    parts.push(start === prev ? `${letter}${start}` : `${letter}${start}:${letter}${prev}`);
    start = prev = r;
  }
  return parts.length <= 255 ? `SUM(${parts.join(',')})` : undefined;
}

const PROTECTION: Partial<ExcelJS.WorksheetProtection> = {
  selectLockedCells: true,
  selectUnlockedCells: true,
  formatColumns: true,
  formatRows: true,
};

async function protect(ws: ExcelJS.Worksheet) {
  // No password: the protection guards against slips, not against people.
  await ws.protect('', PROTECTION);
}

function tableSheet(wb: ExcelJS.Workbook, name: string, t: Table, header: string[], source: string) {
  const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: HEADER_ROW, xSplit: 0 }] });
  const layout = tableLayout(t);
  const caption = ws.getCell(CAPTION_ROW, 1);
  caption.value = t.caption;
  caption.font = { bold: true, size: 12 };
  ws.getCell(CAPTION_ROW, 2).value = source;
  ws.getCell(CAPTION_ROW, 2).font = { italic: true, color: { argb: 'FF555555' } };
  header.forEach((h, i) => {
    const cell = ws.getCell(HEADER_ROW, i + 1);
    cell.value = h;
    cell.font = { bold: true };
    cell.alignment = { wrapText: true, vertical: 'top' };
    cell.border = { bottom: { style: 'thin' } };
  });
  ws.getRow(HEADER_ROW).height = 32;
  layout.forEach((e, i) => {
    ws.getColumn(i + 1).width = e.role === 'label' ? 42 : e.role === 'text' ? 36 : e.role === 'kind' || e.role === 'number' ? 10 : 16;
  });
  const rows: { row: Row; isTotal: boolean }[] = [...t.rows.map((row) => ({ row, isTotal: false })), ...(t.total ? [{ row: t.total, isTotal: true }] : [])];
  const excelRow = (index: number) => FIRST_ROW + index;
  const rowOf = new Map(t.rows.map((r, i) => [r, excelRow(i)]));
  // The rows a group or the total adds up (rows "included in" another row do not add).
  const addends = (members: Row[], c: Column) => members.filter((r) => quantityOf(r, c.key)?.includedIn === undefined).map((r) => rowOf.get(r)!);
  const groups = new Map(groupMembers(t).map((g) => [g.group, g.members.map((m) => m.row)]));
  rows.forEach(({ row, isTotal }, index) => {
    const r = excelRow(index);
    layout.forEach((e, i) => {
      const cell = ws.getCell(r, i + 1);
      const value = exportCell(row, e, isTotal);
      const editable = row.kind !== 'note' && (isNumberRole(e) || e.role === 'modifier');
      if (isNumberRole(e) && 'column' in e) {
        const c = e.column;
        const members = isTotal ? (c.additive ? topLevelRows(t) : []) : row.kind === 'group' && c.additive ? (groups.get(row) ?? []) : [];
        const formula = value !== '' && members.length > 0 ? sumFormula(columnLetter(i + 1), addends(members, c)) : undefined;
        cell.numFmt = numberFormat(c);
        if (formula) {
          cell.value = { formula, result: value as number };
          cell.font = { bold: true };
        } else {
          cell.value = value === '' ? null : value;
          if (editable) {
            cell.protection = { locked: false };
            cell.dataValidation = validation(c, `${columnLetter(i + 1)}${r}`);
          }
        }
        return;
      }
      if (e.role === 'change') {
        // Live: ROUND rounds half away from zero, as the site does (percentChange).
        const [cur, prev] = (e.column.compare ?? []).map((k) => layout.findIndex((x) => x.role === 'value' && x.column.key === k));
        if (cur !== undefined && prev !== undefined && cur >= 0 && prev >= 0) {
          const [a, b] = [`${columnLetter(cur + 1)}${r}`, `${columnLetter(prev + 1)}${r}`];
          cell.value = { formula: `IF(OR(${a}="",${b}="",${b}=0),"",ROUND((${a}-${b})/${b}*100,0))`, result: value };
        } else cell.value = value === '' ? null : value;
        cell.numFmt = '+0" %";-0" %";0" %"';
        return;
      }
      cell.value = value === '' ? null : String(value);
      cell.numFmt = '@';
      if (editable) {
        cell.protection = { locked: false };
        if (e.role === 'modifier' && e.modifier === 'notation')
          cell.dataValidation = { type: 'list', allowBlank: true, formulae: ['"bis,klammer,strich"'], showErrorMessage: true, errorTitle: 'Schreibweise', error: 'Erwartet „bis“, „klammer“, „strich“ oder nichts.' };
        if (e.role === 'modifier' && e.modifier === 'approximate')
          cell.dataValidation = { type: 'list', allowBlank: true, formulae: ['"ja"'], showErrorMessage: true, errorTitle: 'rund', error: 'Erwartet „ja“ oder nichts.' };
      }
      if (row.kind === 'group' || isTotal) cell.font = { bold: true };
    });
  });
  return ws;
}

function guideSheet(wb: ExcelJS.Workbook, year: number) {
  const ws = wb.addWorksheet(GUIDE_SHEET);
  ws.getColumn(1).width = 110;
  const lines = [
    `Arbeitsmappe des Programmjahres ${year}: so wird sie ausgefüllt`,
    '',
    '1. Nur die weißen Zellen mit Zahlen (und die Spalten „Schreibweise“, „rund“, „enthalten in“, „Fußnote“, „Zusatz“) sind änderbar; Kennungen, Beschriftungen und Texte sind gesperrt.',
    '2. Zahlen als Zahlen eintragen: 1800 oder 1.800 (Tausenderpunkt nur als Anzeige), Beträge in Euro mit höchstens zwei Nachkommastellen, ohne „€“. Prozentzahlen ohne „%“.',
    '3. Summen und Gruppensummen (fett) rechnen sich selbst (Formel SUMME); sie sind gesperrt. Beim Einlesen wird jede Summe noch einmal mit den Zeilen verglichen.',
    '4. Ein Bereich („25 bis 30“) steht in den Spalten „von“ und „bis“; für eine einzelne Zahl in beide dieselbe Zahl. Ein neuer oder entfallender Bereich wird nur mit --ranges eingelesen.',
    '5. Zeilen hinzufügen, löschen oder umbenennen, Texte ändern: nur in den Datendateien (docs/planung.md). Blätter nicht umbenennen. Die Spalte „Vergleich“ rechnet sich selbst und wird nicht eingelesen.',
    '6. Speichern als „Excel-Arbeitsmappe (*.xlsx)“ (in LibreOffice: „Excel 2007-365“), nicht als .xlsm, nicht als CSV.',
    `7. Einlesen: npm run import -- ${year} amip-${year}.xlsx (erst mit --dry-run ansehen, was sich ändert). Bei einem Fehler wird nichts geändert; die Meldung nennt Blatt, Zeile, Spalte, Erwartetes und Gefundenes.`,
    `8. Neu exportieren (npm run export -- ${year}) überschreibt eine bearbeitete, noch nicht eingelesene Arbeitsmappe nur mit --force.`,
    '',
    'Blattschutz: ohne Kennwort („Überprüfen“ → „Blattschutz aufheben“). Das Blatt „Programm“ enthält die Zahlen des ganzen Programms (Eingliederungsbudget).',
  ];
  lines.forEach((text, i) => {
    const cell = ws.getCell(i + 1, 1);
    cell.value = text;
    cell.numFmt = '@';
    cell.alignment = { wrapText: true, vertical: 'top' };
    if (i === 0) cell.font = { bold: true, size: 13 };
  });
  return ws;
}

function programmeSheet(wb: ExcelJS.Workbook, data: YearData) {
  const p = data.programme;
  const ws = wb.addWorksheet(PROGRAMME_SHEET);
  ws.getColumn(1).width = 34;
  ws.getColumn(2).width = 24;
  ws.getCell(1, 1).value = 'Zahlen des Programms';
  ws.getCell(1, 1).font = { bold: true, size: 12 };
  const rows: [string, string | number | null, boolean][] = [
    [PROGRAMME_LABELS.year, p.year, false],
    [PROGRAMME_LABELS.title, p.title, false],
    [PROGRAMME_LABELS.budget, p.integrationBudget?.euros ?? null, true],
    [PROGRAMME_LABELS.budgetApproximate, p.integrationBudget?.approximate ? 'ja' : null, true],
  ];
  rows.forEach(([label, value, editable], i) => {
    const r = HEADER_ROW + 1 + i;
    ws.getCell(r, 1).value = label;
    ws.getCell(r, 1).numFmt = '@';
    const cell = ws.getCell(r, 2);
    cell.value = value;
    if (label === PROGRAMME_LABELS.budget) {
      cell.numFmt = '#,##0.00 "€"';
      cell.dataValidation = validation({ type: 'euros' } as Column, `B${r}`);
    } else if (label === PROGRAMME_LABELS.budgetApproximate)
      cell.dataValidation = { type: 'list', allowBlank: true, formulae: ['"ja"'], showErrorMessage: true, errorTitle: 'rund', error: 'Erwartet „ja“ oder nichts.' };
    else cell.numFmt = label === PROGRAMME_LABELS.year ? '0' : '@';
    if (editable) cell.protection = { locked: false };
  });
  ws.getCell(HEADER_ROW, 1).value = 'Feld';
  ws.getCell(HEADER_ROW, 2).value = 'Wert';
  ws.getRow(HEADER_ROW).font = { bold: true };
  return ws;
}

/** The workbook of a year as the bytes of an .xlsx file. */
export async function buildWorkbook(data: YearData, publisher: string | undefined): Promise<Uint8Array> {
  const p = data.programme;
  const chapters = [...data.chapters].sort((a, b) => a.data.order - b.data.order);
  const tables = chapters.flatMap((c) => c.data.tables.map((t) => ({ chapter: c.data, table: t })));
  const names = sheetNames(tables.map((x) => ({ chapter: x.chapter, tableId: x.table.id })));
  const wb = new ExcelJS.Workbook();
  wb.creator = publisher ?? '';
  wb.company = publisher ?? '';
  wb.title = p.title;
  wb.subject = `${WORKBOOK_FORMAT} ${p.year}`;
  wb.keywords = `${WORKBOOK_FORMAT} ${p.year}`;
  // Excel recomputes the formulas when it opens the file.
  wb.calcProperties = { fullCalcOnLoad: true };
  const sheets: ExcelJS.Worksheet[] = [guideSheet(wb, p.year), programmeSheet(wb, data)];
  tables.forEach(({ chapter, table }, i) => {
    const d = chapterDataTable(p, chapter, table);
    sheets.push(tableSheet(wb, names[i]!, table, d.columns, d.source));
  });
  const index = wb.addWorksheet(INDEX_SHEET, { state: 'veryHidden' });
  index.addRow([INDEX_KEYS.format, WORKBOOK_FORMAT]);
  index.addRow([INDEX_KEYS.year, p.year]);
  index.addRow([INDEX_KEYS.publisher, publisher ?? '']);
  index.addRow([INDEX_KEYS.title, p.title]);
  index.addRow([]);
  index.addRow([...INDEX_TABLE_HEADER]);
  tables.forEach(({ chapter, table }, i) => index.addRow([names[i]!, chapter.slug, table.id, chapterDataTable(p, chapter, table).file]));
  sheets.push(index);
  for (const ws of sheets) await protect(ws);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
