// The wave plan on a time line: a bar per wave from its start to its end, with a line at the
// date the report speaks as of. Waves without both dates are not drawn (the table lists them).
import type { WavePlanEntry } from '../../../../query/dashboard/wave-plan.js';
import { escapeHtml } from '../escape.js';
import { dayNumber, monthTicks } from './dates.js';

const LABEL_WIDTH = 150;
const PLOT_WIDTH = 700;
const NOTE_WIDTH = 150;
const ROW = 28;
const TOP = 52;

export function timelineSvg(waves: readonly WavePlanEntry[], asOf: string): string {
  const dated = waves.filter((wave) => wave.start !== null && wave.end !== null);
  if (dated.length === 0) return '';
  const days = [...dated.flatMap((wave) => [dayNumber(wave.start!), dayNumber(wave.end!)]), dayNumber(asOf)];
  const first = Math.min(...days);
  const last = Math.max(...days) + 1;
  const x = (day: number) => LABEL_WIDTH + Math.round(((day - first) / (last - first)) * PLOT_WIDTH);
  const height = TOP + dated.length * ROW + 8;
  const width = LABEL_WIDTH + PLOT_WIDTH + NOTE_WIDTH;
  const ticks = monthTicks(first, last)
    .map(({ day, month, year }) => {
      const yearText = year === undefined ? '' : `<text class="year" x="${x(day) + 2}" y="${TOP - 22}">${year}</text>`;
      return `<g class="tick"><line x1="${x(day)}" y1="${TOP - (year === undefined ? 6 : 32)}" x2="${x(day)}" y2="${height}"/>${yearText}<text x="${x(day) + 2}" y="${TOP - 8}">${month}</text></g>`;
    })
    .join('');
  const bars = dated
    .map((wave, row) => {
      const y = TOP + row * ROW;
      const start = x(dayNumber(wave.start!));
      const end = Math.max(start + 2, x(dayNumber(wave.end!) + 1));
      const status = wave.status ?? 'not-started';
      return (
        `<g class="wave wave-${escapeHtml(status)}"><title>${escapeHtml(`${wave.id}${wave.name ? `: ${wave.name}` : ''}, ${wave.start} to ${wave.end}, ${status}`)}</title>` +
        `<text class="label" x="4" y="${y + ROW / 2 + 4}">${escapeHtml(wave.id.length > 20 ? `${wave.id.slice(0, 19)}…` : wave.id)}</text>` +
        `<rect x="${start}" y="${y + 5}" width="${end - start}" height="${ROW - 10}" rx="3"/>` +
        `<text class="note" x="${end + 6}" y="${y + ROW / 2 + 4}">${escapeHtml(status)}</text></g>`
      );
    })
    .join('');
  const today = x(dayNumber(asOf));
  const title = `The waves from ${dated[0]!.start} on a time line, with today (${asOf})`;
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" class="timeline" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-labelledby="timeline-title">` +
    `<title id="timeline-title">${escapeHtml(title)}</title>${ticks}${bars}` +
    `<g class="today"><line x1="${today}" y1="${TOP - 48}" x2="${today}" y2="${height}"/><text x="${today + 3}" y="${TOP - 38}">today ${escapeHtml(asOf)}</text></g></svg>`
  );
}
