// The parse cache only ever saves time: a warm run answers exactly as a cold one, a changed
// file is read again, a damaged pack is ignored, and --no-cache leaves no trace.
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, utimesSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { decodeCheck, encodeCheck } from '../../src/load/cache-codec.js';
import { Cache } from '../../src/cache/cache.js';
import { readCacheFile } from '../../src/cache/cache-file.js';
import { PackWriter } from '../../src/load/parse-cache.js';
import { fileSystem } from '../../src/files/atomic-write.js';
import { readSourceFile } from '../../src/load/read-source-file.js';
import { locationOf, type Entity } from '../../src/model/entity.js';
import { gitRepo } from '../helpers/git-repo.js';
import { runCli } from '../helpers/run-cli.js';
import { tempDir } from '../helpers/temp-dir.js';

const fixtures = join(import.meta.dirname, '..', 'fixtures');
const examples = join(import.meta.dirname, '..', '..', 'examples');

/** A copy of a backlog and a cache folder of its own, so that the first run is cold. */
function setUp(source: string): { root: string; env: Record<string, string> } {
  const root = tempDir();
  cpSync(source, root, { recursive: true });
  return { root, env: { XDG_CACHE_HOME: tempDir() } };
}

function packsIn(env: Record<string, string>): string[] {
  const dir = join(env.XDG_CACHE_HOME!, 'migration-backlog');
  return existsSync(dir) ? readdirSync(dir).filter((name) => name.endsWith('.parse.cache')) : [];
}

/** A pack's entries. */
function packData(env: Record<string, string>): { entries: Record<string, unknown> } {
  const file = readCacheFile<object>(join(env.XDG_CACHE_HOME!, 'migration-backlog', packsIn(env)[0]!))!;
  return { entries: file.section<Record<string, unknown>>('entries')! };
}

/** Writes a pack of these entries (by key, as JSON) where a cache of that version keeps the pack of `root`. */
function writePack(cache: Cache, root: string, entries: Iterable<readonly [string, string]>): void {
  const pack = PackWriter.open(cache.writer(cache.location(root, 'parse')))!;
  for (const [key, json] of entries) pack.add(key, json);
  pack.finish(cache.header({}));
}

function yamlFilesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((path) => /\.ya?ml$/.test(path));
}

describe('parse cache', () => {
  it('stores and gives back every check of every fixture exactly (entities in error, extensions, findings)', () => {
    let entitiesSeen = 0;
    for (const dir of [...readdirSync(fixtures).map((name) => join(fixtures, name)), join(examples, 'contoso'), join(examples, 'broken')]) {
      for (const path of yamlFilesUnder(dir)) {
        const file = readSourceFile(path, readFileSync(join(dir, path)));
        const stored = JSON.parse(JSON.stringify(encodeCheck(file.check, file.finiteNumbers)));
        const decoded = decodeCheck(stored, path);
        expect(decoded).toEqual(file.check);
        entitiesSeen += file.check.entities.length;
      }
    }
    expect(entitiesSeen).toBeGreaterThan(300);
  });

  it('keeps the numbers JSON has no words for (.inf, -.inf, .nan, -0) where they were written', () => {
    const text = 'workloads:\n  - { id: crm, name: CRM, x-score: .inf, x-deep: { list: [-.inf, 1, .nan, -0] } }\n  - { id: erp, name: ERP, cores: .inf, x-n: .nan }\nservers:\n  - { id: S1, cores: -0 }\n';
    const file = readSourceFile('a.yaml', Buffer.from(text));
    const stored = JSON.parse(JSON.stringify(encodeCheck(file.check, file.finiteNumbers)));
    const back = decodeCheck(stored, 'a.yaml');
    expect(back).toEqual(file.check);
    expect(back.entities[0]!.extensions).toEqual({ 'x-score': Infinity, 'x-deep': { list: [-Infinity, 1, NaN, -0] } });
    expect(Object.is((back.entities[2]!.data as { cores: number }).cores, -0)).toBe(true);
    expect(back.entities[1]!.raw).toMatchObject({ cores: Infinity });
  });

  it('looks for numbers JSON has no words for only where the parser could not vouch there are none', () => {
    const finite = (text: string) => readSourceFile('a.yaml', Buffer.from(text)).finiteNumbers === true;
    expect(finite('servers:\n  - { id: S1, cores: 4, memory_gb: 1.5, disk_gb: -2 }\n')).toBe(true);
    for (const number of ['.inf', '-.Inf', '.NaN', '-0', '-0.0', `1e999`, '9'.repeat(400)]) expect(finite(`servers:\n  - { id: S1, x-n: ${number} }\n`), number).toBe(false);
    // Read by the yaml package (a folded scalar), not vouched for: every entity is looked at, and the number kept.
    const text = 'servers:\n  - id: S1\n    description: >\n      folded\n    x-n: -.inf\n';
    const file = readSourceFile('a.yaml', Buffer.from(text));
    expect(file.finiteNumbers).toBe(false);
    expect(decodeCheck(JSON.parse(JSON.stringify(encodeCheck(file.check, file.finiteNumbers))), 'a.yaml').entities[0]!.extensions).toEqual({ 'x-n': -Infinity });
  });

  it('places each entity by its file, document and index, read or stored (the location is made when asked for)', () => {
    const text = 'workloads:\n  - { id: crm, name: CRM }\n---\nservers:\n  - { id: S1 }\n  - { id: S2, cores: many }\n';
    const file = readSourceFile('a.yaml', Buffer.from(text));
    const places = (entities: readonly Entity[]) => entities.map((entity) => [entity.id, locationOf(entity), entity.valid]);
    const expected = [
      ['crm', { file: 'a.yaml', doc: 0, path: ['workloads', 0] }, true],
      ['S1', { file: 'a.yaml', doc: 1, path: ['servers', 0] }, true],
      ['S2', { file: 'a.yaml', doc: 1, path: ['servers', 1] }, false],
    ];
    expect(places(file.check.entities)).toEqual(expected);
    expect(places(decodeCheck(JSON.parse(JSON.stringify(encodeCheck(file.check))), 'a.yaml').entities)).toEqual(expected);
    expect(file.check.entities[2]!.fieldsInError).toEqual(new Set(['cores']));
  });

  it('stores a key only where the data do not give it, and gives back ids and keys as read', () => {
    const text = [
      'dependencies:',
      '  - { from: server:S1, to: server:S2, port: 443 }',
      '  - { from: crm, to: server:S2 }',
      '  - { id: D-7, from: crm, to: erp }',
      '  - { from: 42, to: server:S2 }',
      '',
    ].join('\n');
    const file = readSourceFile('a.yaml', Buffer.from(text));
    const stored = encodeCheck(file.check);
    expect(stored.entities.map((entity) => entity[4]?.key)).toEqual([undefined, undefined, undefined, '?a.yaml:0:dependencies.3']);
    const back = decodeCheck(JSON.parse(JSON.stringify(stored)), 'a.yaml');
    const idsAndKeys = (entities: readonly Entity[]) => entities.map((entity) => [entity.id, entity.key]);
    expect(idsAndKeys(back.entities)).toEqual(idsAndKeys(file.check.entities));
    expect(idsAndKeys(file.check.entities)).toEqual([
      ['server:S1->server:S2:443', 'server:s1->server:s2:443'],
      ['crm->server:S2', 'workload:crm->server:s2'],
      ['D-7', 'd-7'],
      ['?->server:S2', '?a.yaml:0:dependencies.3'],
    ]);
  });

  it('gives every place the path the content is read under now', () => {
    const file = readSourceFile('a.yaml', Buffer.from('workloads:\n  - id: crm\n    name: CRM\n    owner: A\n    prority: high\n'));
    const moved = decodeCheck(encodeCheck(file.check), 'b/a.yaml');
    expect(locationOf(moved.entities[0]!)).toEqual({ file: 'b/a.yaml', doc: 0, path: ['workloads', 0] });
    expect(moved.drafts.map((d) => d.place.file)).toEqual(['b/a.yaml']);
  });

  for (const [name, args] of [
    ['validate (stylish) on the broken example', ['validate']],
    ['validate --format json on the broken example', ['validate', '-f', 'json']],
    ['validate --format sarif on the broken example', ['validate', '-f', 'sarif']],
  ] as const) {
    it(`answers a warm ${name} exactly as the cold run`, async () => {
      const { root, env } = setUp(join(examples, 'broken'));
      const cold = await runCli([...args, '--root', root], { env });
      expect(packsIn(env)).toHaveLength(1);
      const warm = await runCli([...args, '--root', root], { env });
      const uncached = await runCli([...args, '--root', root, '--no-cache'], { env });
      expect(cold.code).toBe(1);
      expect(warm).toEqual(cold);
      expect(uncached).toEqual(cold);
    });
  }

  it('answers list, show, waves and report warm exactly as cold on the contoso example', async () => {
    const { root, env } = setUp(join(examples, 'contoso'));
    for (const args of [['list', '--priority'], ['show', 'ap-invoicing'], ['waves'], ['report'], ['graph', '-f', 'mermaid']]) {
      const cold = await runCli([...args, '--root', root, '--no-cache'], { env });
      // The first run with the cache fills it; every query after answers warm.
      if (packsIn(env).length === 0) await runCli([...args, '--root', root], { env });
      expect(packsIn(env)).toHaveLength(1);
      const warm = await runCli([...args, '--root', root], { env });
      expect(cold.code).toBe(0);
      expect(warm).toEqual(cold);
    }
  });

  it('serves both sides of a diff, and answers warm exactly as cold', async () => {
    const workload = (status: string) => `workloads:\n  - id: crm\n    name: CRM\n    owner: Ana\n    status: ${status}\n  - id: erp\n    name: ERP\n    owner: Bo\n`;
    const root = gitRepo([
      { message: 'start', files: { 'backlog.yaml': workload('assessing') } },
      { message: 'move on', files: { 'backlog.yaml': workload('migrating') } },
    ]);
    const env = { XDG_CACHE_HOME: tempDir() };
    const cold = await runCli(['diff', 'HEAD~1', 'HEAD', '-f', 'json', '--root', root], { env: { ...env, BACKLOG_NO_CACHE: '1' } });
    expect(packsIn(env)).toEqual([]);
    const first = await runCli(['diff', 'HEAD~1', 'HEAD', '-f', 'json', '--root', root], { env });
    const warm = await runCli(['diff', 'HEAD~1', 'HEAD', '-f', 'json', '--root', root], { env });
    expect(cold.stdout).toContain('"migrating"');
    expect(first).toEqual(cold);
    expect(warm).toEqual(cold);
    expect(packsIn(env)).toHaveLength(1);
  });

  it('removes what writes killed long ago left behind, and nothing newer', async () => {
    const { root, env } = setUp(join(fixtures, 'clean'));
    const dir = join(env.XDG_CACHE_HOME!, 'migration-backlog');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, '.abc.json.123.456.tmp'), 'left by a killed run');
    utimesSync(join(dir, '.abc.json.123.456.tmp'), new Date(Date.now() - 2 * 3600_000), new Date(Date.now() - 2 * 3600_000));
    writeFileSync(join(dir, '.abc.json.124.789.tmp'), 'being written now');
    await runCli(['validate', '--root', root], { env });
    expect(readdirSync(dir).filter((name) => name.endsWith('.tmp'))).toEqual(['.abc.json.124.789.tmp']);
  });

  it('keeps the working tree in the pack when a diff reads only commits', async () => {
    const workload = (status: string) => `workloads:\n  - id: crm\n    name: CRM\n    owner: Ana\n    status: ${status}\n`;
    const root = gitRepo([
      { message: 'one', files: { 'backlog.yaml': workload('assessing') } },
      { message: 'two', files: { 'backlog.yaml': workload('migrating') } },
      { message: 'three', files: { 'backlog.yaml': workload('migrated') } },
    ]);
    writeFileSync(join(root, 'backlog.yaml'), workload('retired'));
    const env = { XDG_CACHE_HOME: tempDir() };
    await runCli(['validate', '--root', root], { env });
    const entries = () => Object.keys(packData(env).entries).length;
    expect(entries()).toBe(1);
    await runCli(['diff', 'HEAD~1', 'HEAD', '--root', root], { env });
    // HEAD now comes from the review cache: only HEAD~2 is read.
    await runCli(['diff', 'HEAD~2', 'HEAD', '--root', root], { env });
    expect(entries()).toBe(4);
  });

  it('reads a changed file again: an edit after a warm run is seen at once', async () => {
    const { root, env } = setUp(join(fixtures, 'clean'));
    expect((await runCli(['validate', '--root', root], { env })).code).toBe(0);
    const path = join(root, yamlFilesUnder(root).find((p) => readFileSync(join(root, p), 'utf8').includes('workloads:'))!);
    writeFileSync(path, readFileSync(path, 'utf8').replace(/owner:/, 'ownr:'));
    const after = await runCli(['validate', '--root', root, '-f', 'json'], { env });
    expect(after.code).toBe(1);
    expect((JSON.parse(after.stdout) as { diagnostics: Array<{ code: string }> }).diagnostics.map((d) => d.code)).toContain('UNKNOWN_FIELD');
  });

  it('names the new path of a file moved after a warm run', async () => {
    const { root, env } = setUp(join(examples, 'broken'));
    await runCli(['validate', '--root', root], { env });
    renameSync(join(root, 'servers.yaml'), join(root, 'machines.yaml'));
    const result = await runCli(['validate', '--root', root], { env });
    expect(result.stdout).toContain('machines.yaml:');
    expect(result.stdout).not.toContain('servers.yaml');
  });

  it('writes a pack in pieces that reads back whole, whatever the size and the characters of its entries', () => {
    const cache = new Cache(tempDir(), '9.9.9');
    // Entries around the size of the chunks a pack is written in (1 MB), one larger, and text beyond ASCII (2, 3 and 4 bytes in UTF-8).
    const entries: Array<[string, string]> = [
      ['a'.repeat(40), JSON.stringify({ name: 'Zürich 東京 🚀' })],
      ['b'.repeat(40), JSON.stringify({ text: 'x'.repeat(349_500) })],
      ['c'.repeat(40), JSON.stringify({ text: 'é'.repeat(200_000) })],
      ['d'.repeat(40), JSON.stringify({ text: '🚀'.repeat(300_000) })],
      // Many across the ends of chunks, of 1 to 4 bytes a character.
      ...Array.from({ length: 4000 }, (_, n): [string, string] => [String(n).padStart(40, '0'), JSON.stringify({ n, text: ['x', 'ü', '東', '🚀'][n % 4]!.repeat((n * 7919) % 2500) })]),
    ];
    // A key given twice is kept once, with its first entry.
    writePack(cache, '/a/root', [...entries, ['a'.repeat(40), '{"again":true}']]);
    const file = cache.read(cache.location('/a/root', 'parse'))!;
    expect(file.section('entries')).toEqual(Object.fromEntries(entries.map(([key, json]) => [key, JSON.parse(json)])));
    expect(new Cache(cache.folder, 'another version').read(cache.location('/a/root', 'parse'))).toBeUndefined();
  });

  it('leaves the pack there was when a new one cannot be written', () => {
    const cache = new Cache(tempDir(), '1');
    const file = cache.location('/a/root', 'parse');
    writePack(cache, '/a/root', [['a'.repeat(40), '{"n":1}']]);
    const before = readFileSync(file);
    // A disk that takes no more bytes midway (the pack is 3 MB: several chunks).
    let writes = 0;
    const spy = vi.spyOn(fileSystem, 'writeSync').mockImplementation((...args: Parameters<typeof fileSystem.writeSync>) => (++writes === 2 ? 0 : (writeSync as (...a: unknown[]) => number)(...args)));
    try {
      writePack(cache, '/a/root', Array.from({ length: 3000 }, (_, n): [string, string] => [String(n).padStart(40, '0'), JSON.stringify({ text: 'x'.repeat(1000) })]));
    } finally {
      spy.mockRestore();
    }
    expect(writes).toBe(2);
    expect(readFileSync(file).equals(before)).toBe(true);
    expect(readdirSync(cache.folder)).toEqual([file.split('/').at(-1)]);
  });

  it('ignores a damaged pack and replaces it', async () => {
    const { root, env } = setUp(join(examples, 'broken'));
    const cold = await runCli(['validate', '--root', root], { env });
    const pack = join(env.XDG_CACHE_HOME!, 'migration-backlog', packsIn(env)[0]!);
    writeFileSync(pack, '{"x": nul\n0 3 abc\n');
    expect(await runCli(['validate', '--root', root], { env })).toEqual(cold);
    expect(() => packData(env)).not.toThrow();
  });

  // Was a bug, kept as a regression test: a pack changed where it still parsed was trusted, and
  // its wrong entry reported on every run.
  it('ignores a pack changed in place: its hash no longer matches', async () => {
    const { root, env } = setUp(join(examples, 'contoso'));
    const cold = await runCli(['validate', '--root', root, '-f', 'json'], { env });
    const pack = join(env.XDG_CACHE_HOME!, 'migration-backlog', packsIn(env)[0]!);
    const text = readFileSync(pack, 'utf8');
    expect(text).toContain('"from":"server:WMSDB01"');
    writeFileSync(pack, text.replace('"from":"server:WMSDB01"', '"from":"server:WMSDB00"'));
    expect(await runCli(['validate', '--root', root, '-f', 'json'], { env })).toEqual(cold);
    expect(await runCli(['list', 'dependencies', '--root', root], { env: { ...env, BACKLOG_NO_CACHE: '1' } })).toEqual(await runCli(['list', 'dependencies', '--root', root], { env }));
  });

  it('takes an entry it cannot decode as a miss, not an internal error', async () => {
    const { root, env } = setUp(join(examples, 'contoso'));
    const cold = await runCli(['validate', '--root', root, '-f', 'json'], { env });
    const pack = join(env.XDG_CACHE_HOME!, 'migration-backlog', packsIn(env)[0]!);
    const data = packData(env) as { entries: Record<string, { check: unknown }> };
    for (const entry of Object.values(data.entries)) entry.check = { nothing: 'of what a check holds' };
    const header = readCacheFile<{ version: string }>(pack)!.header;
    const cache = new Cache(join(env.XDG_CACHE_HOME!, 'migration-backlog'), header.version);
    const writer = PackWriter.open(cache.writer(pack))!;
    for (const [key, entry] of Object.entries(data.entries)) writer.add(key, JSON.stringify(entry));
    writer.finish(cache.header({}));
    expect(await runCli(['validate', '--root', root, '-f', 'json'], { env })).toEqual(cold);
  });

  it('writes nothing with --no-cache or BACKLOG_NO_CACHE=1', async () => {
    const { root, env } = setUp(join(examples, 'contoso'));
    await runCli(['list', '--root', root, '--no-cache'], { env });
    await runCli(['list', '--root', root], { env: { ...env, BACKLOG_NO_CACHE: '1' } });
    expect(packsIn(env)).toEqual([]);
  });
});
