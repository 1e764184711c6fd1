// Preloaded into a run of the CLI (node --require): says on stderr, as the process ends, which
// of the YAML libraries it loaded (CommonJS packages, loaded with require when needed).
process.on('exit', () => {
  const loaded = new Set();
  for (const path of Object.keys(require('node:module')._cache)) {
    const library = /node_modules[\\/](js-yaml|yaml)[\\/]/.exec(path)?.[1];
    if (library) loaded.add(library);
  }
  process.stderr.write(`YAML libraries: ${[...loaded].sort().join(', ') || 'none'}\n`);
});
