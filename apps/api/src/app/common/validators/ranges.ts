import { registerDecorator } from 'class-validator';

/**
 * On the end of a range: `end > start`, both compared as the same kind of value (YYYY-MM-DD dates
 * compare correctly as strings). When the start is absent there is nothing to compare here
 * (a PATCH of the end alone is checked by the service against the stored start). The message names
 * the end field and the start it must follow.
 */
export function EndsAfter(startField: string): PropertyDecorator {
  return (target, key) =>
    registerDecorator({
      name: 'isAfter',
      target: target.constructor,
      propertyName: key as string,
      constraints: [startField],
      options: { message: `$property must be after ${startField} (the end is exclusive)`, context: { constraint1: startField } },
      validator: {
        validate: (end: unknown, args) => {
          const start = (args?.object as Record<string, unknown>)[startField];
          if (typeof start !== 'string' || typeof end !== 'string') return true;
          return end > start;
        },
      },
    });
}
