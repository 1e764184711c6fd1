// The burn-up of `report --history` as a chart: the share of workloads and of servers migrated
// at each date, from the same points the terminal chart and the csv are drawn from.
import type { HistoryPoint } from '../../../../git/kpi-history.js';
import { escapeHtml } from '../escape.js';
import { dayNumber, monthTicks } from './dates.js';

const LEFT = 44;
const TOP = 12;
const PLOT_WIDTH = 760;
const PLOT_HEIGHT = 220;
const BOTTOM = 40;

const SERIES = [
  { key: 'percent_workloads_migrated', label: 'workloads migrated', className: 'workloads' },
  { key: 'percent_servers_migrated', label: 'servers migrated', className: 'servers' },
] as const;

export function burnUpSvg(points: readonly HistoryPoint[]): string {
  if (points.length === 0) return '';
  const first = dayNumber(points[0]!.date);
  const last = Math.max(first + 1, dayNumber(points.at(-1)!.date));
  const x = (date: string) => LEFT + Math.round(((dayNumber(date) - first) / (last - first)) * PLOT_WIDTH);
  const y = (percent: number) => TOP + Math.round(PLOT_HEIGHT - (percent / 100) * PLOT_HEIGHT);
  const width = LEFT + PLOT_WIDTH + 16;
  const height = TOP + PLOT_HEIGHT + BOTTOM;
  const grid = [0, 25, 50, 75, 100]
    .map((percent) => `<g class="tick"><line x1="${LEFT}" y1="${y(percent)}" x2="${LEFT + PLOT_WIDTH}" y2="${y(percent)}"/><text x="${LEFT - 6}" y="${y(percent) + 4}" class="end">${percent}%</text></g>`)
    .join('');
  const months = monthTicks(first, last + 1)
    .map(({ day, month, year }) => {
      const at = LEFT + Math.round(((day - first) / (last - first)) * PLOT_WIDTH);
      const yearText = year === undefined ? '' : `<text x="${at}" y="${TOP + PLOT_HEIGHT + 32}" class="middle year">${year}</text>`;
      return `<g class="tick"><line x1="${at}" y1="${TOP + PLOT_HEIGHT}" x2="${at}" y2="${TOP + PLOT_HEIGHT + 5}"/><text x="${at}" y="${TOP + PLOT_HEIGHT + 18}" class="middle">${month}</text>${yearText}</g>`;
    })
    .join('');
  const lines = SERIES.map(({ key, label, className }) => {
    const path = points.map((point, at) => `${at === 0 ? 'M' : 'L'}${x(point.date)},${y(point[key])}`).join('');
    const dots = points.map((point) => `<circle cx="${x(point.date)}" cy="${y(point[key])}" r="2.5"><title>${escapeHtml(`${point.date}: ${label} ${point[key]}%`)}</title></circle>`).join('');
    return `<g class="series ${className}"><path d="${path}"/>${dots}</g>`;
  }).join('');
  const title = `Burn-up from ${points[0]!.date} to ${points.at(-1)!.date}: workloads and servers migrated, in percent`;
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" class="burn-up" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-labelledby="burn-up-title">` +
    `<title id="burn-up-title">${escapeHtml(title)}</title>${grid}${months}${lines}</svg>`
  );
}
