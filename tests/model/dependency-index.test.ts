// Which dependencies repeat one before them is found from their keys' hashes, the keys of those
// read from the cache made only where hashes meet: the answer must be the one an index of the
// keys themselves gives, however each key was had (made, or worked out from the fields).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BacklogBuilder } from '../../src/model/backlog.js';
import { dependencyKey, entityIdOf } from '../../src/model/dependency-identity.js';
import { DependencyIndex, keyHashOf } from '../../src/model/dependency-index.js';
import { idKey, LoadedEntity, type Entity } from '../../src/model/entity.js';

type Dependency = Entity<'dependencies'>;

/** A dependency as a load makes it: its key given (read from a file), or made when asked (read from the cache). */
function dependency(data: Record<string, unknown>, keyMade: boolean, index = 0): Dependency {
  const given = dependencyKey(data);
  const typed = typeof data.from === 'string' && data.from.includes(':') && typeof data.to === 'string' && data.to.includes(':');
  // As check-documents.ts keys it: the id's key, unless a bare end makes the key another text.
  const keyIsIdKey = typeof data.id === 'string' || typed || given === undefined;
  const key = keyIsIdKey ? (keyMade ? idKey(entityIdOf('dependencies', data)!) : undefined) : given;
  return new LoadedEntity('dependencies', key, keyIsIdKey, data as Dependency['data'], undefined, true, 'deps.yaml', 0, index);
}

// Characters whose lower case is ASCII (the Kelvin sign is a k), or more than one character (İ).
const end = fc.constantFrom('server:WEB01', 'server:web01', 'server:SQL01', 'crm', 'CRM', 'workload:crm', 'external:Ünïcode', 'server:İX', 'server:ix', 'server:\u212AX', 'server:kx', 'server:KX', '?');
const fields = fc.record(
  {
    id: fc.constantFrom(undefined, undefined, undefined, 'dep-1', 'DEP-1', '\u212A1', 'k1'),
    from: end,
    to: end,
    port: fc.constantFrom(undefined, 443, 1433, 1.5, -0, 1e21, Infinity, -Infinity, NaN, 1e-7),
    protocol: fc.constantFrom(undefined, 'tcp', 'TCP', 'udp'),
  },
  { requiredKeys: ['from', 'to'] },
);

/** Whether each is the first of its key, by an index of the keys. */
function firstByKeys(dependencies: readonly Dependency[]): boolean[] {
  const seen = new Set<string>();
  return dependencies.map((dependency) => !seen.has(dependency.key) && Boolean(seen.add(dependency.key)));
}

describe('the dependency index', () => {
  it('finds the repeats an index of the keys finds, keys made or not', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fields, fc.boolean()), { maxLength: 30 }), (items) => {
        const index = new DependencyIndex();
        const found = items.map(([data, keyMade], at) => index.add(dependency(data, keyMade, at)));
        const again = items.map(([data, keyMade], at) => dependency(data, keyMade, at));
        expect(found).toEqual(firstByKeys(again));
      }),
      { numRuns: 2000 },
    );
  });

  it('hashes a key worked out from the fields as the key made', () => {
    fc.assert(
      fc.property(fields, (data) => {
        expect(keyHashOf(dependency(data, false))).toBe(keyHashOf(dependency(data, true)));
      }),
      { numRuns: 2000 },
    );
  });

  it('tells two keys of one hash apart', () => {
    const a = dependency({ from: 'server:a41758', to: 'server:b', port: 443, protocol: 'tcp' }, false);
    const b = dependency({ from: 'server:a1022002', to: 'server:b', port: 443, protocol: 'tcp' }, false);
    expect(keyHashOf(a)).toBe(keyHashOf(b));
    const index = new DependencyIndex();
    expect([a, b, dependency(b.data, true), dependency(a.data, false)].map((entity) => index.add(entity))).toEqual([true, true, false, false]);
  });

  it('finds the same repeats when a backlog indexes the dependencies at the end (add, then build)', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fields, fc.boolean()), { maxLength: 20 }), (items) => {
        const builder = new BacklogBuilder();
        const entities = items.map(([data, keyMade], at) => dependency(data, keyMade, at));
        for (const entity of entities) builder.add(entity);
        const backlog = builder.build();
        const firsts = firstByKeys(entities.map((entity, at) => dependency(entity.data, true, at)));
        expect(backlog.repeated.dependencies).toEqual(entities.filter((_, at) => !firsts[at]));
        expect([...backlog.byKey.dependencies.values()]).toEqual(entities.filter((_, at) => firsts[at]));
      }),
      { numRuns: 1000 },
    );
  });

  it('lets a backlog give the first dependency of each key, and the repeats, as before', () => {
    const builder = new BacklogBuilder();
    const entities = [
      dependency({ from: 'server:WEB01', to: 'server:SQL01', port: 1433 }, false, 0),
      dependency({ from: 'server:web01', to: 'server:sql01', port: 1433 }, false, 1),
      dependency({ from: 'crm', to: 'server:SQL01' }, true, 2),
      dependency({ from: 'workload:CRM', to: 'server:sql01' }, false, 3),
    ];
    expect(entities.map((entity) => builder.addIndexed(entity))).toEqual([true, false, true, false]);
    const backlog = builder.build();
    expect(backlog.repeated.dependencies).toEqual([entities[1], entities[3]]);
    expect([...backlog.byKey.dependencies.values()]).toEqual([entities[0], entities[2]]);
  });
});
