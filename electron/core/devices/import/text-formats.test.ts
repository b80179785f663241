import { describe, expect, it } from 'vitest';
import { decodeText, detectEncoding } from './decode';
import { detectDelimiter, parseDelimited } from './delimited';
import { detectFileKind } from './file-kind';

const utf16le = (text: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
const utf16be = (text: string) => {
  const le = Buffer.from(text, 'utf16le');
  for (let i = 0; i < le.length; i += 2) [le[i], le[i + 1]] = [le[i + 1] ?? 0, le[i] ?? 0];
  return Buffer.concat([Buffer.from([0xfe, 0xff]), le]);
};

describe('encodings', () => {
  const text = 'Gerät;Größe;Ärzte €\n';
  it.each([
    ['UTF-8 without BOM', Buffer.from(text, 'utf8'), 'utf-8'],
    ['UTF-8 with BOM', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]), 'utf-8'],
    ['UTF-16LE with BOM', utf16le(text), 'utf-16le'],
    ['UTF-16BE with BOM', utf16be(text), 'utf-16be'],
    [
      'Windows-1252',
      Buffer.from([...'Ger'].map((c) => c.charCodeAt(0)).concat([0xe4, 0x74, 0x3b, 0x80])),
      'windows-1252',
    ],
  ])('%s is detected and decoded without its BOM', (_name, bytes, encoding) => {
    expect(detectEncoding(bytes)).toBe(encoding);
    const decoded = decodeText(bytes);
    expect(decoded.encoding).toBe(encoding);
    expect(decoded.text.charCodeAt(0)).not.toBe(0xfeff);
    if (encoding === 'windows-1252') expect(decoded.text).toBe('Gerät;€');
    else expect(decoded.text).toBe(text);
  });

  it('decodes with the encoding a person chose instead', () => {
    const latin = Buffer.from([0x47, 0x65, 0x72, 0xe4, 0x74]);
    expect(decodeText(latin, 'windows-1252').text).toBe('Gerät');
    expect(decodeText(Buffer.from('Gerät', 'utf8'), 'windows-1252').text).toBe('GerÃ¤t');
  });
});

describe('delimiters', () => {
  it.each([
    [',', 'a,b,c\n1,2,3\n'],
    [';', 'a;b;c\n1,5;2,5;3\n'],
    ['\t', 'a\tb\tc\n1\t2, 3\t4\n'],
    ['|', 'a|b|c\n"1|x"|2|3\n'],
  ])('detects %j', (delimiter, text) => {
    expect(detectDelimiter(text)).toBe(delimiter);
  });

  it('does not count delimiters inside quotes', () => {
    expect(detectDelimiter('Name;Location\n"Room 1, Floor 2";"A, B, C"\n"x, y";z\n')).toBe(';');
  });
});

describe('RFC 4180 parsing', () => {
  it('keeps delimiters, doubled quotes and line breaks inside quoted fields', () => {
    const sheet = parseDelimited(
      'tag,note\r\nA-1,"has, comma"\r\nA-2,"says ""hi"""\r\nA-3,"two\r\nlines"\r\nA-4,plain\r\n',
      ',',
    );
    expect(sheet.rows.map((r) => r.cells)).toEqual([
      ['tag', 'note'],
      ['A-1', 'has, comma'],
      ['A-2', 'says "hi"'],
      ['A-3', 'two\r\nlines'],
      ['A-4', 'plain'],
    ]);
  });

  it('numbers rows as a spreadsheet does: one per record, also after a field spanning lines', () => {
    const sheet = parseDelimited('tag,note\n"A-1","line 1\nline 2\nline 3"\nA-2,x\n\nA-3,y', ',');
    expect(sheet.rows.map((r) => [r.row, r.cells[0]])).toEqual([
      [1, 'tag'],
      [2, 'A-1'],
      [3, 'A-2'],
      [4, ''],
      [5, 'A-3'],
    ]);
  });
});

describe('files that are not tables', () => {
  it.each([
    ['an empty file', Buffer.alloc(0), /is empty/],
    ['a PDF renamed .csv', Buffer.from('%PDF-1.7\n%âãÏÓ\n1 0 obj'), /PDF document/],
    ['an old .xls workbook', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), /Excel 97-2003/],
    ['a binary file', Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x01, 0x00, 0x00]), /binary/],
  ])('refuses %s', (_name, bytes, reason) => {
    const kind = detectFileKind(bytes);
    expect(kind.kind).toBe('refused');
    if (kind.kind === 'refused') expect(kind.reason).toMatch(reason);
  });

  it('takes UTF-16 text although it is full of zero bytes', () => {
    expect(detectFileKind(utf16le('a\tb\n1\t2\n')).kind).toBe('delimited');
  });
});

describe('quotation marks that do not close where the field ends', () => {
  it.each([
    [
      'a stray quote after a quoted value',
      'tag,model,room\nQ4,A,R4\nQ5,"Symbia 5" inch,Room 5\nQ6,B,R6\n',
      3,
      1,
    ],
    ['an unclosed quote', 'tag,model,room\r\nQ4,"A\r\nB",R4\r\nQ5,x,"Room 5\r\nQ6,B,R6\r\n', 3, 2],
    ['a quote opening a record', 'tag;model\n"Q4;A\nQ5;B\n', 2, 0],
  ])('finds %s, with its row and field', (_name, text, row, column) => {
    expect(parseDelimited(text, detectDelimiter(text)).quoteProblem).toEqual({ row, column });
  });

  it('takes quotes inside unquoted fields and doubled quotes as text', () => {
    const sheet = parseDelimited('tag,model\nQ5,Symbia 5" inch\nQ6,"12"" display"\n', ',');
    expect(sheet.quoteProblem).toBeNull();
    expect(sheet.rows.map((r) => r.cells[1])).toEqual(['model', 'Symbia 5" inch', '12" display']);
  });
});
