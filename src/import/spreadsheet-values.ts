// Values as spreadsheets write them: booleans as TRUE, Yes or no; dates as ISO text, as Excel
// serial numbers (days since 1899-12-30) or as the locale writes them (3/1/2027 is 3 January or
// 1 March: refused unless told which), and numbers as a sheet shows them ($1,200.50, 99.9%).
import type { Cell } from './sheet.js';
import { numberOf } from './values.js';

/** How a sheet writes its day/month dates: `dmy` (31/01/2027) or `mdy` (01/31/2027). */
export type DateOrder = 'dmy' | 'mdy';

const TRUE = new Set(['true', 'yes', 'y']);
const FALSE = new Set(['false', 'no', 'n']);

export function booleanOf(cell: Cell): boolean | undefined {
  if (typeof cell === 'boolean') return cell;
  const text = String(cell).trim().toLowerCase();
  if (TRUE.has(text)) return true;
  if (FALSE.has(text)) return false;
  return undefined;
}

type DateReading = { date: string } | { ambiguous: [dayFirst: string, monthFirst: string] };

/** Excel's day numbers reach 9999-12-31. */
const LAST_SERIAL = 2958465;

/** A date as YYYY-MM-DD, or both readings of a day/month date the order is not known for. */
export function dateOf(cell: Cell, order?: DateOrder): DateReading | undefined {
  if (typeof cell === 'number') return serialDate(cell);
  if (typeof cell !== 'string') return undefined;
  const text = cell.trim();
  const iso = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:[T ][\d:.]+(?:Z|[+-]\d\d:?\d\d)?)?$/.exec(text);
  if (iso) return dayOf(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  if (/^\d+(\.\d+)?$/.test(text)) return serialDate(Number(text));
  const local = /^(\d{1,2})[./-](\d{1,2})[./-](\d{4})(?:[ T]\d{1,2}:\d\d(?::\d\d)?(?:\s*[AP]M)?)?$/i.exec(text);
  if (!local) return undefined;
  const [first, second, year] = [Number(local[1]), Number(local[2]), Number(local[3])];
  const dayFirst = dayOf(year, second, first);
  const monthFirst = dayOf(year, first, second);
  if (order === 'dmy') return dayFirst;
  if (order === 'mdy') return monthFirst;
  if (dayFirst && monthFirst && dayFirst.date !== monthFirst.date) return { ambiguous: [dayFirst.date, monthFirst.date] };
  return dayFirst ?? monthFirst;
}

/** Excel's serial day number (the time of day, a fraction, dropped). */
export function serialDate(serial: number): { date: string } | undefined {
  if (!Number.isFinite(serial) || serial < 1 || serial >= LAST_SERIAL + 1) return undefined;
  const day = Math.floor(serial);
  // Excel counts 29 February 1900, a day that never was: days after it are one too many.
  const epoch = Date.UTC(1899, 11, day > 60 ? 30 : 31);
  if (day === 60) return undefined;
  return { date: new Date(epoch + day * 86_400_000).toISOString().slice(0, 10) };
}

function dayOf(year: number, month: number, day: number): { date: string } | undefined {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined;
  return { date: date.toISOString().slice(0, 10) };
}

/**
 * A number as a sheet shows it: thousands separators (values.ts), a currency sign before or
 * after it (`$1,200.50`, `1200 €`), a percentage as the fraction a spreadsheet means (`99.9%` is 0.999).
 */
export function shownNumber(text: string): number | undefined {
  const trimmed = text.trim();
  const percent = trimmed.endsWith('%');
  const number = numberOf(trimmed.replace(/%$/, '').replace(/^[$€£¥]\s*|\s*[$€£¥]$/g, ''));
  // 99.9 / 100 is 0.9990000000000001 in binary: the fraction as written, to the digits a double holds.
  return number !== undefined && percent ? Number((number / 100).toPrecision(15)) : number;
}
