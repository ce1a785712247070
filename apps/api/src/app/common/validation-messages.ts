import type { ValidationError } from 'class-validator';
import type { Locale } from '@incubator/contracts';

/**
 * French wording of class-validator's constraints. class-validator writes English; the API answers in
 * the caller's language (Accept-Language), so each constraint we use has a French template here.
 * `$property` and `$constraint1` are filled from the error.
 */
const FRENCH: Record<string, string> = {
  whitelistValidation: "le champ $property n'est pas autorisé",
  isDefined: 'le champ $property est obligatoire',
  isNotEmpty: 'le champ $property ne doit pas être vide',
  isString: 'le champ $property doit être une chaîne de caractères',
  isInt: 'le champ $property doit être un nombre entier',
  isNumber: 'le champ $property doit être un nombre',
  isBoolean: 'le champ $property doit être un booléen',
  isUuid: 'le champ $property doit être un UUID',
  isEmail: 'le champ $property doit être une adresse e-mail',
  isDateString: 'le champ $property doit être une date ISO 8601',
  isIn: 'le champ $property doit être une des valeurs suivantes : $constraint1',
  isEnum: 'le champ $property doit être une des valeurs autorisées',
  min: 'le champ $property ne doit pas être inférieur à $constraint1',
  max: 'le champ $property ne doit pas être supérieur à $constraint1',
  minLength: 'le champ $property doit contenir au moins $constraint1 caractères',
  maxLength: 'le champ $property doit contenir au plus $constraint1 caractères',
  matches: "le champ $property n'a pas le format attendu",
  isCalendarDate: 'le champ $property doit être une date (AAAA-MM-JJ)',
  isSiren: 'le champ $property doit être un SIREN valide (9 chiffres, clé de contrôle correcte)',
  isUrl: 'le champ $property doit être une adresse http(s)',
};

/** Flattens nested validation errors into `path → messages`, in the requested language. */
export function fieldMessages(errors: ValidationError[], locale: Locale, parentPath = ''): Record<string, string[]> {
  const fields: Record<string, string[]> = {};
  for (const error of errors) {
    const path = parentPath ? `${parentPath}.${error.property}` : error.property;
    if (error.constraints) {
      fields[path] = Object.entries(error.constraints).map(([constraint, english]) =>
        locale === 'fr' ? toFrench(constraint, english, error) : english,
      );
    }
    Object.assign(fields, fieldMessages(error.children ?? [], locale, path));
  }
  return fields;
}

function toFrench(constraint: string, english: string, error: ValidationError): string {
  const template = FRENCH[constraint];
  if (!template) return english;
  const values = error.contexts?.[constraint]?.['values'] as unknown[] | undefined;
  const firstNumber = english.match(/-?\d+(\.\d+)?/)?.[0] ?? '';
  const list = english.split(': ')[1] ?? firstNumber;
  return template
    .replace('$property', error.property)
    .replace('$constraint1', constraint === 'isIn' ? (values?.join(', ') ?? list) : firstNumber);
}
