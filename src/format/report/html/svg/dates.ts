// Dates on the axes of the report's pictures: ISO dates as day numbers, and month ticks.

const DAY_MS = 86_400_000;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

export function dayNumber(isoDate: string): number {
  return Math.round(Date.parse(`${isoDate}T00:00:00Z`) / DAY_MS);
}

export interface MonthTick {
  day: number;
  month: string;
  /** The year, on the first tick and on each January. */
  year: number | undefined;
}

/** The first day of each month after `first` and before `last` (each quarter's, when there would be many). */
export function monthTicks(first: number, last: number): MonthTick[] {
  const start = new Date(first * DAY_MS);
  const months: Date[] = [];
  for (let cursor = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + 1, 1)); cursor.getTime() / DAY_MS < last; cursor.setUTCMonth(cursor.getUTCMonth() + 1)) {
    months.push(new Date(cursor));
  }
  const shown = months.length > 18 ? months.filter((date) => date.getUTCMonth() % 3 === 0) : months;
  return shown.map((date, index) => ({
    day: date.getTime() / DAY_MS,
    month: MONTHS[date.getUTCMonth()]!,
    year: index === 0 || date.getUTCMonth() === 0 ? date.getUTCFullYear() : undefined,
  }));
}
