// "did you mean `payroll`?" for unknown fields, collections, references, codes and refs on the
// command line. Case-insensitive, because ids are.
import { STRATEGY_SYNONYMS } from '../../schemas/vocabulary.js';

/** The closest candidate within a small edit distance, or undefined. */
function didYouMean(input: string, candidates: Iterable<string>): string | undefined {
  const wanted = input.toLowerCase();
  const limit = Math.max(1, Math.min(3, Math.floor(wanted.length / 3)));
  let best: string | undefined;
  let bestDistance = limit + 1;
  let prefixed: string | undefined;
  for (const candidate of candidates) {
    const lower = candidate.toLowerCase();
    if (lower === wanted) return candidate;
    // `warn` for `warning`, `prod` for `production`: a clear start of one candidate.
    if (wanted.length >= 3 && lower.startsWith(wanted)) prefixed = prefixed === undefined ? candidate : prefixed.length <= candidate.length ? prefixed : candidate;
    // Cheap rejection first: estates have tens of thousands of ids.
    if (Math.abs(lower.length - wanted.length) >= bestDistance) continue;
    const distance = editDistance(wanted, lower, bestDistance);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best ?? prefixed;
}

export function didYouMeanHint(input: string, candidates: Iterable<string>): string | undefined {
  const match = didYouMean(input, candidates);
  return match === undefined ? undefined : `did you mean \`${match}\`?`;
}

/**
 * The hint for a value outside an enumeration: another framework's word for one of the options
 * (`repurchase` for `replace`), else the closest option.
 */
export function valueHint(input: string, options: readonly string[]): string | undefined {
  const synonym = STRATEGY_SYNONYMS[input.toLowerCase().replace(/[\s_-]+/g, '')];
  if (synonym && options.includes(synonym.ours)) return `\`${input}\` is ${synonym.whose} name for \`${synonym.ours}\``;
  return didYouMeanHint(input, options);
}

/** Damerau-Levenshtein (optimal string alignment) distance, giving up once it reaches `cap`. */
function editDistance(a: string, b: string, cap: number): number {
  let previousPrevious: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        value = Math.min(value, previousPrevious[j - 2]! + 1);
      }
      current.push(value);
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin >= cap) return cap;
    previousPrevious = previous;
    previous = current;
  }
  return previous[b.length]!;
}
