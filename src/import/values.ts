// Values as exports write them.
import { isIP } from 'node:net';

/** IP addresses from a cell: comma, semicolon or space separated; IPv6 zone suffixes (`%3`) dropped. */
export function ipAddresses(cell: string): string[] {
  return cell
    .split(/[\s,;]+/)
    .map((part) => part.replace(/%[\w.]+$/, '').replace(/^\[|\]$/g, '').replace(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/i, '$1'))
    .filter((part) => isIP(part) !== 0);
}

/** A whole or decimal number, or undefined: `4`, `4.0`, `1,024` (thousands), ` 8 `. */
export function numberOf(cell: string | undefined): number | undefined {
  if (cell === undefined) return undefined;
  const text = cell.trim().replace(/,(?=\d{3}(?:,|\.|$))/g, '');
  if (text === '' || !/^-?\d+(\.\d+)?$/.test(text)) return undefined;
  return Number(text);
}

export function roundTo(value: number, digits: number): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

export function osFamily(os: string): 'windows' | 'linux' | 'unix' | 'other' {
  const text = os.toLowerCase();
  if (text.includes('windows')) return 'windows';
  if (/linux|ubuntu|debian|centos|red hat|rhel|suse|oracle linux|fedora|amazon linux|rocky|alma/.test(text)) return 'linux';
  if (/solaris|aix|hp-ux|freebsd|unix/.test(text)) return 'unix';
  return 'other';
}

/** An id from a host name: the characters an id allows, the rest dropped; undefined when nothing is left. */
export function idFromName(name: string): string | undefined {
  const id = name.trim().replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^[^A-Za-z0-9]+/, '').replace(/[^A-Za-z0-9]+$/, '').slice(0, 128);
  return id === '' ? undefined : id;
}
