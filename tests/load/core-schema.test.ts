// The subset parser reads plain scalars through plainScalarValue, which tells the forms apart by
// their first character before trying any pattern: it must give exactly what trying the core
// schema's patterns in order gives (valueByForms).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { plainScalarValue, valueByForms } from '../../src/load/parse/core-schema.js';

const SPECIAL = [
  '', '~', '~x', 'null', 'Null', 'NULL', 'nULL', 'nul', 'nulls', 'n', 'N', 'true', 'True', 'TRUE', 'tRUE', 'trueish', 't', 'T',
  'false', 'False', 'FALSE', 'fALSE', 'f', 'F', '0', '00', '007', '-0', '+0', '-1', '+12', '1_000', '0x1F', '0X1F', '0x', '0o17', '0o8', '0b1',
  '1.5', '.5', '5.', '1e3', '1E-3', '.inf', '-.Inf', '+.INF', '.nan', '.NaN', '.NAN', '-.nan', '1.2.3', '10.33.39.10', '443', '8080/tcp',
  '9'.repeat(400), 'not-started', 'tcp', 'file', 'Windows Server 2019',
];

/** Strings made of the characters the forms are made of, and a few others. */
const scalarText = fc.oneof(
  fc.constantFrom(...SPECIAL),
  fc.string({ unit: fc.constantFrom(...'0123456789+-.eExXoOabfilnrstuNTFLUASE~_ :'), maxLength: 8 }),
  fc.string({ maxLength: 6 }),
);

describe('plainScalarValue', () => {
  it('gives what the core schema forms give, for the special words and numbers', () => {
    for (const text of SPECIAL) expect(Object.is(plainScalarValue(text), valueByForms(text)) || [text, plainScalarValue(text), valueByForms(text)]).toBe(true);
  });

  it('gives what the core schema forms give, for generated text', () => {
    fc.assert(
      fc.property(scalarText, (text) => {
        expect(Object.is(plainScalarValue(text), valueByForms(text)) || [text, plainScalarValue(text), valueByForms(text)]).toBe(true);
      }),
      { numRuns: 20000 },
    );
  });

  it('reads the forms themselves', () => {
    expect([plainScalarValue(''), plainScalarValue('~'), plainScalarValue('NULL'), plainScalarValue('True'), plainScalarValue('FALSE')]).toEqual([null, null, null, true, false]);
    expect([plainScalarValue('007'), plainScalarValue('-12'), plainScalarValue('0x1F'), plainScalarValue('0o17'), plainScalarValue('1e3')]).toEqual([7, -12, 31, 15, 1000]);
    expect([plainScalarValue('nULL'), plainScalarValue('tRUE'), plainScalarValue('1_000'), plainScalarValue('10.33.39.10')]).toEqual(['nULL', 'tRUE', '1_000', '10.33.39.10']);
  });
});
