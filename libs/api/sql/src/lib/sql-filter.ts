/**
 * Builds a parameterised WHERE clause step by step, so optional filters never concatenate values
 * into SQL. `add('s.sector = ?', value)` numbers the placeholder.
 */
export class SqlFilter {
  readonly params: unknown[] = [];
  private readonly conditions: string[] = [];

  add(condition: string, ...values: unknown[]): this {
    let text = condition;
    for (const value of values) text = text.replace('?', `$${this.params.push(value)}`);
    this.conditions.push(text);
    return this;
  }

  /** Adds the condition only when the value is set. */
  addIf(value: unknown, condition: string): this {
    return value === undefined || value === null || value === '' ? this : this.add(condition, value);
  }

  get where(): string {
    return this.conditions.length ? this.conditions.join(' AND ') : 'true';
  }

  /** The `$n` placeholder of one more value, for use in a condition or after the filter (LIMIT…). */
  placeholder(value: unknown): string {
    return `$${this.params.push(value)}`;
  }
}

/** Escapes LIKE wildcards in user text and lower-cases it for `lower(column) LIKE`. */
export function containsPattern(text: string): string {
  return `%${text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
