// The pieces every importer shares: a CSV reader that copes with what real exports contain, and
// the readers of the values exports write (IP lists, numbers, OS names, host names).
import { describe, expect, it } from 'vitest';
import { findColumn, headerKey, readCsv, requireColumn } from '../../src/import/csv-table.js';
import { idFromName, ipAddresses, numberOf, osFamily } from '../../src/import/values.js';

describe('readCsv', () => {
  it('drops byte-order marks anywhere, repeated header rows and blank lines; keeps ragged rows', () => {
    const text = '\uFEFFa, b ,c\r\n1,"x, y",3\r\n\r\n\uFEFFa, b ,c\r\n2\r\n\uFEFF"multi\nline",5,6,7\r\n';
    expect(readCsv(text, 'f.csv')).toEqual({
      file: 'f.csv',
      typed: false,
      header: ['a', 'b', 'c'],
      rows: [
        { number: 2, cells: ['1', 'x, y', '3'] },
        { number: 5, cells: ['2'] },
        { number: 7, cells: ['multi\nline', '5', '6', '7'] },
      ],
    });
  });

  it('says why a file cannot be read', () => {
    expect(() => readCsv('a,b\n"x,1\n', 'f.csv')).toThrow(/^f\.csv is not a CSV file this import can read: Quote Not Closed/);
    expect(() => readCsv('', 'f.csv')).toThrow('f.csv is empty: no header row');
    expect(() => readCsv('\r\n\r\n', 'f.csv')).toThrow('f.csv is empty: no header row');
  });

  it('matches header names without case, spaces, `*` or punctuation', () => {
    expect(headerKey('*Memory (In MB)')).toBe('memoryinmb');
    expect(headerKey('Network #1')).toBe('network#1');
    const table = readCsv('*Server name,MEMORY (in mb),Time slot\n', 'f.csv');
    expect(findColumn(table, ['Server name'])).toBe(0);
    expect(findColumn(table, ['Memory (In MB)'])).toBe(1);
    expect(findColumn(table, ['Timeslot'])).toBe(2);
    expect(findColumn(table, ['Cores'])).toBeUndefined();
    expect(() => requireColumn(table, ['Cores', 'Number of cores'])).toThrow('f.csv has no `Cores` column, which this import needs');
  });
});

describe('values', () => {
  it('reads IP lists: any separator, zone suffixes and brackets dropped, IPv4-mapped as IPv4, what is no address left out', () => {
    expect(ipAddresses('10.0.0.1, fe80::1%eth0;[2001:db8::1] 10.0.0.300 ::ffff:10.0.0.5')).toEqual(['10.0.0.1', 'fe80::1', '2001:db8::1', '10.0.0.5']);
    expect(ipAddresses('fe80::6208:ffe1:9223:386e%3')).toEqual(['fe80::6208:ffe1:9223:386e']);
    expect(ipAddresses('')).toEqual([]);
  });

  it('reads numbers as exports write them', () => {
    expect(numberOf('4')).toBe(4);
    expect(numberOf(' 8 ')).toBe(8);
    expect(numberOf('4.0')).toBe(4);
    expect(numberOf('1,024')).toBe(1024);
    expect(numberOf('32,768')).toBe(32768);
    expect(numberOf('-3')).toBe(-3);
    expect(numberOf('12 GB')).toBeUndefined();
    expect(numberOf('')).toBeUndefined();
    expect(numberOf(undefined)).toBeUndefined();
  });

  // Was a bug, kept as a regression test: the thousands separators are removed by one global replace whose match consumes the
  // digit the next group needs: "1,048,576" becomes "1048,576", which is no number.
  it('reads numbers with several thousands separators', () => {
    expect(numberOf('1,048,576')).toBe(1048576);
  });

  it('tells the OS family from the OS name', () => {
    expect(['Microsoft Windows Server 2019 Datacenter', 'CentOS 7', 'Ubuntu 22.04', 'Red Hat Enterprise Linux 8 (64-bit)', 'AIX 7.2', 'Solaris 11', 'IBM i 7.2'].map(osFamily)).toEqual([
      'windows',
      'linux',
      'linux',
      'linux',
      'unix',
      'unix',
      'other',
    ]);
  });

  it('makes ids from host names', () => {
    expect(idFromName('web01.contoso.local')).toBe('web01.contoso.local');
    expect(idFromName(' LEGACY BOX ')).toBe('LEGACY-BOX');
    expect(idFromName('__x')).toBe('x');
    expect(idFromName('()')).toBeUndefined();
    expect(idFromName('')).toBeUndefined();
  });
});
