import { execFileSync, spawn } from 'node:child_process';
import { lstatSync, readFileSync, readlinkSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CliIO } from '../../src/cli/io.js';
import { appendJobSummary, writeOutput } from '../../src/cli/write-output.js';
import { IoError } from '../../src/errors.js';
import { tempDir } from '../helpers/temp-dir.js';

function ioIn(cwd: string, env: Record<string, string> = {}) {
  let stdout = '';
  const io: CliIO = { stdout: (text) => void (stdout += text), stderr: () => {}, cwd, env, stdoutIsTTY: false, columns: undefined };
  return { io, stdout: () => stdout };
}

describe('writeOutput', () => {
  it('writes to stdout without a file, and to the file relative to the working folder with one', () => {
    const dir = tempDir();
    const { io, stdout } = ioIn(dir);
    writeOutput(io, 'to stdout\n');
    writeOutput(io, 'to a file\n', { file: 'out/report.txt' });
    expect(stdout()).toBe('to stdout\n');
    expect(readFileSync(join(dir, 'out', 'report.txt'), 'utf8')).toBe('to a file\n');
  });

  it('says a missing folder is missing when told not to make it', () => {
    const dir = tempDir();
    expect(() => writeOutput(ioIn(dir).io, 'x', { file: 'none/out.json', makeFolder: false })).toThrow(IoError);
    expect(() => writeOutput(ioIn(dir).io, 'x', { file: 'none/out.json', makeFolder: false })).toThrow(/^cannot write .*out\.json: ENOENT/);
  });

  it('replaces the target of a link, keeping the link', () => {
    const dir = tempDir({ 'real.json': 'old' });
    symlinkSync('real.json', join(dir, 'link.json'));
    writeOutput(ioIn(dir).io, 'new', { file: 'link.json' });
    expect(lstatSync(join(dir, 'link.json')).isSymbolicLink()).toBe(true);
    expect(readlinkSync(join(dir, 'link.json'))).toBe('real.json');
    expect(readFileSync(join(dir, 'real.json'), 'utf8')).toBe('new');
  });

  it('writes into a pipe rather than replacing it', async () => {
    const fifo = join(tempDir(), 'pipe');
    execFileSync('mkfifo', [fifo]);
    // A process of its own reads: opening a pipe to write waits for its reader.
    const reader = spawn('cat', [fifo]);
    let read = '';
    reader.stdout.on('data', (chunk: Buffer) => void (read += chunk.toString()));
    const closed = new Promise((done) => reader.on('close', done));
    writeOutput(ioIn(tempDir()).io, 'through the pipe\n', { file: fifo });
    await closed;
    expect(read).toBe('through the pipe\n');
    expect(lstatSync(fifo).isFIFO()).toBe(true);
  });

  it('appends to the job summary only when GITHUB_STEP_SUMMARY names one', () => {
    const dir = tempDir({ 'summary.md': '# earlier step\n' });
    const summary = join(dir, 'summary.md');
    const { io, stdout } = ioIn(dir, { GITHUB_STEP_SUMMARY: summary });
    writeOutput(io, '### comment\n', { jobSummary: true });
    appendJobSummary(ioIn(dir).io, 'never written\n');
    expect(stdout()).toBe('### comment\n');
    expect(readFileSync(summary, 'utf8')).toBe('# earlier step\n### comment\n');
  });

  it('says why the job summary cannot be appended to', () => {
    const dir = tempDir();
    const { io } = ioIn(dir, { GITHUB_STEP_SUMMARY: join(dir, 'no-such-folder', 'summary.md') });
    expect(() => appendJobSummary(io, 'x')).toThrow(/^cannot append to GITHUB_STEP_SUMMARY \(.*summary\.md\): ENOENT/);
  });
});
