import { ArrayUnique } from 'class-validator';

/** No id twice in an array (a lease on the same module twice broke a unique index: a 500). */
export function UniqueItems(): PropertyDecorator {
  return ArrayUnique((item: unknown) => (typeof item === 'string' ? item.toLowerCase() : item), { message: '$property must not contain the same value twice' });
}
