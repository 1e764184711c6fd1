// The programmatic API: load a backlog, validate it, format the findings.
export { UsageError, IoError } from './errors.js';
export { resolveRoot } from './load/find-root.js';
export { fsSource } from './load/fs-source.js';
export { loadFiles } from './load/load-files.js';
export type { BacklogSource } from './load/source.js';
export type { SourceFile } from './load/types.js';
export type { Backlog } from './model/backlog.js';
export type { Entity } from './model/entity.js';
export { buildGraph, type WorkloadGraph } from './model/graph.js';
export { validate, type ValidationResult, type ValidateOptions } from './validate/validate.js';
export type { Diagnostic } from './validate/diagnostic.js';
export { CODES } from './validate/codes.js';
export { VALIDATION_FORMATTERS, VALIDATION_FORMATS, type ValidationFormat } from './format/validation-formats.js';
export { backlogJsonSchema } from '../schemas/json-schema.js';
