import { DIAGNOSTIC_CODES, type DiagnosticCode } from '../../../schemas/diagnostic-codes.js';
import { UsageError } from '../../errors.js';
import { didYouMeanHint } from '../../text/did-you-mean.js';
import { CODES } from '../../validate/codes.js';
import { colourEnabled, createStyle } from '../colour.js';
import type { CliIO } from '../io.js';
import { writeOutput } from '../write-output.js';

/** `backlog explain CODE`: what a finding means, an example, and the fix. */
export function runExplain(code: string, options: { color?: boolean }, io: CliIO): number {
  const wanted = code.toUpperCase().replace(/-/g, '_');
  if (!(DIAGNOSTIC_CODES as readonly string[]).includes(wanted)) {
    throw new UsageError(`unknown code \`${code}\``, didYouMeanHint(wanted, DIAGNOSTIC_CODES) ?? 'see `backlog rules` for the codes');
  }
  const info = CODES[wanted as DiagnosticCode];
  const style = createStyle(colourEnabled(io, options.color));
  const example = info.example
    .split('\n')
    .map((line) => `    ${line}`)
    .join('\n');
  writeOutput(
    io,
    [
      `${style.bold(wanted)} (default: ${info.severity})`,
      info.summary,
      '',
      info.explanation,
      '',
      style.bold('Example'),
      example,
      '',
      `${style.bold('Fix:')} ${info.fix}`,
      '',
    ].join('\n'),
  );
  return 0;
}
