#!/usr/bin/env node
// A shim: the CLI is built into dist/ by `npm run build` (run by `npm ci` through `prepare`).
import '../dist/cli/main.js';
