// A dependency without an id is keyed by its edge, its ends read as typed references (a bare id
// is a workload's): the same dependency written `crm` or `workload:crm`, in any case, has one key.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dependencyIdentity, dependencyKey } from '../../src/model/dependency-identity.js';
import { parseReference } from '../../src/model/references.js';

/** The key as the reference parser reads each end: kind, a colon, id. */
function keyByParsing(data: Record<string, unknown>): string | undefined {
  if (typeof data.id === 'string') return undefined;
  const end = (ref: unknown) => {
    if (typeof ref !== 'string') return '?';
    const parsed = parseReference('typed', ref);
    return `${parsed.kind ?? ''}:${parsed.id}`;
  };
  return dependencyIdentity({ ...data, from: end(data.from), to: end(data.to) }).toLowerCase();
}

const end = fc.oneof(
  fc.constantFrom('crm', 'CRM', 'workload:crm', 'Workload:CRM', 'server:SQL01', 'external:Salesforce', 'bogus:x', ':x', 'a:b:c', '', 'server:'),
  fc.string({ unit: fc.constantFrom(...'abAB:-_1'), maxLength: 6 }),
  fc.constantFrom(undefined, null, 1, ['crm']),
);
const dependency = fc.record(
  { id: fc.constantFrom('dep-1', undefined, 7), from: end, to: end, port: fc.constantFrom(443, 0, undefined, '443'), protocol: fc.constantFrom('tcp', 'UDP', undefined, 6) },
  { requiredKeys: ['from', 'to'] },
);

describe('dependencyKey', () => {
  it('reads each end as the reference parser does', () => {
    fc.assert(
      fc.property(dependency, (data) => {
        expect(dependencyKey(data)).toBe(keyByParsing(data));
      }),
      { numRuns: 5000 },
    );
  });

  it('keys a bare end as a workload, and leaves a typed one as written, lower-cased', () => {
    expect(dependencyKey({ from: 'CRM', to: 'server:SQL01', port: 1433, protocol: 'tcp' })).toBe('workload:crm->server:sql01:1433/tcp');
    expect(dependencyKey({ from: 'workload:crm', to: 'external:Salesforce' })).toBe('workload:crm->external:salesforce');
    expect(dependencyKey({ id: 'dep-1', from: 'crm', to: 'erp' })).toBeUndefined();
    expect(dependencyIdentity({ from: 'crm', to: 7, port: 443 })).toBe('crm->?:443');
  });
});
