// The estate as JSON, one file per YAML file, for the read + JSON.parse baseline.
import { readdirSync, statSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import jsYaml from 'js-yaml';

const [from, to] = process.argv.slice(2);
const walk = (dir) => readdirSync(dir).flatMap((name) => (statSync(join(dir, name)).isDirectory() ? walk(join(dir, name)) : [join(dir, name)]));
for (const file of walk(from).filter((f) => f.endsWith('.yaml'))) {
  const value = jsYaml.load(readFileSync(file, 'utf8'), { schema: jsYaml.CORE_SCHEMA });
  writeFileSync(join(to, `${relative(from, file).replace(/[\\/]/g, '__')}.json`), JSON.stringify(value));
}
