// A calendar date written YYYY-MM-DD, checked without zod (queries start without it): the same
// dates as the format's `z.iso.date()` (tests/query/iso-date.test.ts compares the two).

export function isIsoDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(text);
}
