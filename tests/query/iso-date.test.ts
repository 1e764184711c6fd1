// The zod-free date check takes exactly the dates the format's schema takes.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { isIsoDate } from '../../src/text/iso-date.js';

const schemaDate = z.iso.date();
const agrees = (text: string) => expect(isIsoDate(text), text).toBe(schemaDate.safeParse(text).success);

describe('isIsoDate', () => {
  it('agrees with z.iso.date() on the edge cases', () => {
    for (const text of ['2026-02-28', '2026-02-29', '2024-02-29', '2000-02-29', '1900-02-29', '0000-02-29', '2026-04-31', '2026-12-31', '2026-13-01', '2026-00-10', '2026-01-00', '2026-1-01', ' 2026-01-01', '2026-01-01T00:00', '']) agrees(text);
  });

  it('agrees with z.iso.date() on generated dates, valid or not', () => {
    const pad = (n: number, width: number) => String(n).padStart(width, '0');
    const date = fc.tuple(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 })).map(([y, m, d]) => `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`);
    fc.assert(
      fc.property(date, (text) => {
        agrees(text);
      }),
      { numRuns: 2000 },
    );
  });
});
