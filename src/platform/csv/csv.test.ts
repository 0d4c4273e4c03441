import { describe, expect, it } from 'vitest';
import { csvField, csvRecord, escapeFormula, toCsv } from './csv.js';

/** A small RFC 4180 reader, to prove that what we write reads back as the original cells. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += c;
  }
  return rows;
}

describe('escapeFormula', () => {
  it.each(['=SUM(A1:A2)', '+49 3425 1234', '-2+3', '@cmd', '\tTAB', '\rCR'])('prefixes %j with a single quote', (cell) => {
    expect(escapeFormula(cell)).toBe(`'${cell}`);
  });

  it.each(['Müller', 'a=b', ' =x', '', "'schon zitiert", '3+4'])('leaves %j alone', (cell) => {
    expect(escapeFormula(cell)).toBe(cell);
  });
});

describe('csvField', () => {
  it('quotes fields with a comma, quote, CR or LF, doubling quotes', () => {
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('Sie sagte "ja"')).toBe('"Sie sagte ""ja"""');
    expect(csvField('Zeile 1\nZeile 2')).toBe('"Zeile 1\nZeile 2"');
    expect(csvField('plain')).toBe('plain');
  });

  it('escapes a formula and then quotes it when needed', () => {
    expect(csvField('=HYPERLINK("http://x","y")')).toBe(`"'=HYPERLINK(""http://x"",""y"")"`);
    expect(csvField('\r=1+1')).toBe(`"'\r=1+1"`);
  });

  it('quotes on the chosen delimiter', () => {
    expect(csvField('a;b', { delimiter: ';' })).toBe('"a;b"');
    expect(csvField('a,b', { delimiter: ';' })).toBe('a,b');
  });

  it('writes empty cells for null and undefined, ISO text for dates, numbers as they are', () => {
    expect(csvField(null)).toBe('');
    expect(csvField(undefined)).toBe('');
    expect(csvField(new Date('2026-03-01T10:00:00Z'))).toBe('2026-03-01T10:00:00.000Z');
    expect(csvField(42)).toBe('42');
    expect(csvField(-3)).toBe("'-3");
  });
});

describe('toCsv', () => {
  it('ends every record with CRLF', () => {
    expect(csvRecord(['a', 'b'])).toBe('a,b\r\n');
    expect(toCsv(['x'], [['1'], ['2']])).toBe('x\r\n1\r\n2\r\n');
  });

  it('reads back as the same cells (formula cells with their quote)', () => {
    const rows = [
      ['<script>alert(1)</script>', 'Bäckerei "Zur Mühle", Wurzen', '=1+1'],
      ['mehr\r\nzeilig', '', '@SUM(1)'],
    ];
    expect(parseCsv(toCsv(['a', 'b', 'c'], rows))).toEqual([['a', 'b', 'c'], ['<script>alert(1)</script>', 'Bäckerei "Zur Mühle", Wurzen', "'=1+1"], ['mehr\r\nzeilig', '', "'@SUM(1)"]]);
  });
});
