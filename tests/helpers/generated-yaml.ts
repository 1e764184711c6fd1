// Generated values written as YAML the way a person would mean them. A generated mapping key
// `<<` is the string "<<"; written plain, YAML reads it as a merge key, which the tool refuses
// by design (UNSUPPORTED_YAML): a person would have to quote it, and so does this.
import { Document, isScalar, Scalar, visit, type ToStringOptions } from 'yaml';

/** A document of `value` whose `<<` keys are quoted: what any further layout is applied to. */
export function generatedDocument(value: unknown): Document {
  const doc = new Document(value);
  visit(doc, {
    Pair(_, pair) {
      if (isScalar(pair.key) && pair.key.value === '<<') pair.key.type = Scalar.QUOTE_DOUBLE;
    },
  });
  return doc;
}

/** `value` as YAML text, its `<<` keys quoted. */
export function generatedYaml(value: unknown, options?: ToStringOptions): string {
  return generatedDocument(value).toString(options);
}
