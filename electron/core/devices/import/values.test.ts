import { describe, expect, it } from 'vitest';
import { implausibleInstallDate, inferDateOrder, readDate } from './dates';
import { fieldForHeader, findHeaderRow, suggestMapping } from './header';
import { checkIp, cleanText, normalizeMac } from './normalize';

describe('date order', () => {
  it.each([
    [['19.01.2009', '03.04.2010'], 'dmy'],
    [['11/06/2015', '02/15/2016'], 'mdy'],
    [['2015-06-11', '2016-02-03'], 'ymd'],
    [['2015-06-11', '13.04.2010', '03.04.2010'], 'dmy'],
  ])('is read from the values %j as %s', (values, order) => {
    expect(inferDateOrder(values)).toEqual({ order, source: 'inferred' });
  });

  it('asks a person when no value tells, or values disagree', () => {
    expect(inferDateOrder(['03/04/2015', '01/02/2016'])).toEqual({ order: null, source: 'ask' });
    expect(inferDateOrder(['13/04/2015', '04/13/2016'])).toEqual({ order: null, source: 'ask' });
  });

  it('needs no order for real dates or no dates', () => {
    expect(inferDateOrder([new Date('2010-06-26T00:00:00Z')])).toEqual({ order: null, source: 'not-needed' });
    expect(inferDateOrder(['', 'unknown'])).toEqual({ order: null, source: 'not-needed' });
  });
});

describe('reading a date', () => {
  it.each([
    ['19.01.2009', 'dmy', '2009-01-19'],
    ['11/06/2015', 'mdy', '2015-11-06'],
    ['2015-6-1', null, '2015-06-01'],
    ['29.02.2024', 'dmy', '2024-02-29'],
    ['2016-02-03 14:22', 'ymd', '2016-02-03'],
    // A month's name settles the order, whatever was chosen.
    ['12-Jan-2010', 'mdy', '2010-01-12'],
    ['12 JAN 2010', null, '2010-01-12'],
    ['3. März 2011', 'mdy', '2011-03-03'],
    ['1. Dezember 2015', null, '2015-12-01'],
    ['Sep 7, 2012', 'dmy', '2012-09-07'],
    ['October 30 2014', null, '2014-10-30'],
  ] as const)('%s (%s) is %s', (value, order, iso) => {
    expect(readDate(value, order)).toEqual({ iso });
  });

  it.each([
    ['31.02.2010', 'dmy', /not a date that exists/],
    ['29.02.2023', 'dmy', /not a date that exists/],
    ['13/13/2010', 'mdy', /not a date that exists/],
    ['00.01.2010', 'dmy', /not a date that exists/],
    ['yesterday', 'dmy', /not a date/],
    ['03/04/2015', null, /choose the date order/],
    ['31-Feb-2010', null, /not a date that exists/],
    ['12-Foo-2010', null, /not a date this importer can read/],
    ['12-constructor-2010', null, /not a date this importer can read/],
  ] as const)('%s is a problem, never a guess or 1970', (value, order, problem) => {
    const reading = readDate(value, order);
    expect('problem' in reading && reading.problem).toMatch(problem);
  });

  it('reads two-digit years with a note, and Excel dates as they are', () => {
    expect(readDate('19.01.09', 'dmy')).toEqual({ iso: '2009-01-19', note: 'two-digit year read as 2009' });
    expect(readDate('12-JAN-10', null)).toEqual({ iso: '2010-01-12', note: 'two-digit year read as 2010' });
    expect(readDate(new Date('2010-06-26T00:00:00Z'), null)).toEqual({ iso: '2010-06-26' });
  });
});

describe('install dates', () => {
  it.each([
    ['1970-01-01', /before 1980, a placeholder/],
    ['1900-01-01', /before 1980, a placeholder/],
    ['2099-03-05', /after today \(2026-11-29\)/],
    ['2026-11-30', /after today/],
  ])('%s is no install date', (iso, reason) => {
    expect(implausibleInstallDate(iso, '2026-11-29')).toMatch(reason);
  });

  it.each(['1980-01-01', '2009-06-11', '2026-11-29'])('%s is one', (iso) => {
    expect(implausibleInstallDate(iso, '2026-11-29')).toBeNull();
  });
});

describe('values', () => {
  it.each([
    ['f7-8c-eb-74-00-4a', 'F7:8C:EB:74:00:4A'],
    ['F7:8C:EB:74:00:4A', 'F7:8C:EB:74:00:4A'],
    ['f78c.eb74.004a', 'F7:8C:EB:74:00:4A'],
    ['F78CEB74004A', 'F7:8C:EB:74:00:4A'],
  ])('MAC %s becomes %s', (raw, mac) => {
    expect(normalizeMac(raw)).toEqual({ value: mac });
  });

  it('flags what is not a MAC or an IP, keeping the value as written', () => {
    expect(normalizeMac('01-0D-43-88-D7')).toEqual({
      value: '01-0D-43-88-D7',
      problem: expect.stringMatching(/12 hex/),
    });
    expect(checkIp('10.300.1.1')).toEqual({
      value: '10.300.1.1',
      problem: expect.stringMatching(/not a valid/),
    });
    expect(checkIp('10.20.95.240')).toEqual({ value: '10.20.95.240' });
    expect(checkIp('fe80::1')).toEqual({ value: 'fe80::1' });
  });

  it('cleans non-breaking spaces, ligatures and stray whitespace', () => {
    expect(cleanText('\u00a0Siemens\u00a0Healthineers ')).toBe('Siemens Healthineers');
    expect(cleanText('Ofﬁce')).toBe('Office');
    expect(cleanText('\u200bA-1\ufeff')).toBe('A-1');
  });
});

describe('headers', () => {
  it.each([
    ['Equipment #', 'assetTag'],
    ['Control Number', 'assetTag'],
    ['Inventarnummer', 'assetTag'],
    ['Inv.-Nr.', 'assetTag'],
    ['S/N', 'serial'],
    ['Mfr', 'manufacturer'],
    ['Make', 'manufacturer'],
    ['Hersteller', 'manufacturer'],
    ['Typ', 'model'],
    ['Dept', 'department'],
    ['Kostenstelle', 'department'],
    ['Cost Center', 'department'],
    ['IP-Adresse', 'ip'],
    ['Rechnername', 'hostname'],
    ['Betriebssystem', 'os'],
    ['Softwarestand', 'softwareVersion'],
    ['  INSTALL\u00a0DATE: ', 'installDate'],
    // Met in exports a reviewer tried.
    ['Manufacturer Name', 'manufacturer'],
    ['Hersteller Name', 'manufacturer'],
    ['Vendor Name', 'manufacturer'],
    ['Device Serial', 'serial'],
    ['Modellbezeichnung', 'model'],
    ['Room Number', 'location'],
    ['Gebäude', 'location'],
    ['IPv4-Adresse', 'ip'],
    ['MAC-Addr', 'mac'],
    ['Operating System Version', 'os'],
    ['SW Rev', 'softwareVersion'],
    ['Install Dt', 'installDate'],
    ['Purchase Price', null],
    // What a device is called in the house: a name or a model's description, so a person decides.
    ['Gerätebezeichnung', null],
  ])('%j means %s', (header, field) => {
    expect(fieldForHeader(header)).toBe(field);
  });

  it('maps each field once and keeps the rest as extra attributes', () => {
    expect(suggestMapping(['Asset Tag', 'Tag', 'Notes'])).toEqual({
      'Asset Tag': 'assetTag',
      Tag: null,
      Notes: null,
    });
  });

  it('finds the header under title rows and blank rows', () => {
    const rows = [
      { row: 1, cells: ['Biomedical equipment list'] },
      { row: 2, cells: [] },
      { row: 3, cells: ['Control Number', 'Make', 'Model'] },
      { row: 4, cells: ['BME-1', 'Siemens', 'Symbia T16'] },
    ];
    expect(findHeaderRow({ name: 'Equipment', rows })?.row).toBe(3);
  });
});

describe('the suggested mapping', () => {
  it('gives each field to the surest spelling, whatever the column order', () => {
    expect(suggestMapping(['Cost Center', 'Tag', 'Department', 'Asset Tag', 'Room', 'Location'])).toEqual({
      'Cost Center': null,
      Tag: null,
      Department: 'department',
      'Asset Tag': 'assetTag',
      Room: null,
      Location: 'location',
    });
  });
});
