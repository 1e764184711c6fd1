/** The names `backlog validate -f` takes, kept apart from the formatters so that they load only when used. */
export const VALIDATION_FORMATS = ['stylish', 'json', 'github', 'sarif', 'junit', 'markdown', 'gitlab'] as const;
export type ValidationFormat = (typeof VALIDATION_FORMATS)[number];

export function isValidationFormat(name: string): name is ValidationFormat {
  return (VALIDATION_FORMATS as readonly string[]).includes(name);
}
