import { Chalk, type ChalkInstance } from 'chalk';
import type { CliIO } from './io.js';

/**
 * Colour only on a terminal; never with NO_COLOR; forced by FORCE_COLOR. --color and --no-color,
 * given on this command line, beat the environment (as no-color.org asks). Decided here once:
 * chalk never looks at the process itself.
 */
export function colourEnabled(io: CliIO, flag: boolean | undefined): boolean {
  if (flag !== undefined) return flag;
  if (io.env.NO_COLOR) return false;
  const force = io.env.FORCE_COLOR;
  if (force === '0' || force === 'false') return false;
  if (force !== undefined) return true;
  return io.stdoutIsTTY;
}

export function createStyle(enabled: boolean): ChalkInstance {
  return new Chalk({ level: enabled ? 1 : 0 });
}
