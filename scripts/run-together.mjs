#!/usr/bin/env node
// Runs npm scripts side by side in stages: the scripts of a stage together, the next stage when
// they have ended (`then` between stages). Each one's output is shown whole as it ends; every
// stage runs even if an earlier one failed, and the run fails if any script did.
// Usage: node scripts/run-together.mjs lint:code lint:unused then vitest
import { spawn } from 'node:child_process';

const stages = process.argv
  .slice(2)
  .join(' ')
  .split(' then ')
  .map((stage) => stage.split(' ').filter(Boolean));
const npm = process.env.npm_execpath ? [process.execPath, process.env.npm_execpath] : ['npm'];

function runScript(name) {
  return new Promise((resolve) => {
    const started = Date.now();
    const child = spawn(npm[0], [...npm.slice(1), 'run', '--silent', name], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, FORCE_COLOR: process.stdout.isTTY ? '1' : process.env.FORCE_COLOR } });
    const output = [];
    child.stdout.on('data', (chunk) => output.push(chunk));
    child.stderr.on('data', (chunk) => output.push(chunk));
    child.on('close', (code, signal) => {
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      process.stdout.write(`\n── npm run ${name}: ${code === 0 ? 'passed' : `FAILED (${signal ?? `exit ${code}`})`} in ${seconds} s\n`);
      process.stdout.write(Buffer.concat(output));
      resolve(code === 0);
    });
  });
}

let passed = true;
for (const stage of stages) {
  const results = await Promise.all(stage.map(runScript));
  passed &&= results.every(Boolean);
}
process.exitCode = passed ? 0 : 1;
