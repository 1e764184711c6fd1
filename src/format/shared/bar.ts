/** A bar of `width` cells filled in proportion: `█████░░░░░`. Text, so it survives any terminal and copy-paste. */
export function bar(percent: number, width = 20): string {
  const filled = Math.max(0, Math.min(width, Math.round((percent / 100) * width)));
  return '█'.repeat(filled) + '░'.repeat(width - filled);
}
