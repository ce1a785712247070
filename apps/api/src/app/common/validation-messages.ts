import type { ValidationError } from 'class-validator';
import type { Locale } from '@incubator/contracts';

/**
 * French wording of class-validator's constraints. class-validator writes English; the API answers in
 * the caller's language (Accept-Language), so each constraint we use has a French template here.
 * `$property` and `$constraint1` are filled from the error.
 */
export const FRENCH_TEMPLATES: Readonly<Record<string, string>> = {
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
  isCalendarDate: 'le champ $property doit être une date (AAAA-MM-JJ) entre le 1900-01-01 et le 2199-12-31',
  isMonth: 'le champ $property doit être un mois (AAAA-MM) entre 1900 et 2199',
  isQuarter: 'le champ $property doit être un trimestre AAAA-Qn (par exemple 2026-Q3) entre 1900 et 2199',
  isPeriod: 'le champ $property doit être un mois AAAA-MM ou un trimestre AAAA-Qn entre 1900 et 2199',
  isNotFuture: 'le champ $property ne doit pas être dans le futur',
  isAfter: 'le champ $property doit être postérieur à $constraint1 (la fin est exclue)',
  arrayUnique: 'le champ $property ne doit pas contenir deux fois la même valeur',
  arrayMinSize: 'le champ $property doit contenir au moins $constraint1 éléments',
  arrayMaxSize: 'le champ $property doit contenir au plus $constraint1 éléments',
  isArray: 'le champ $property doit être une liste',
  isPositive: 'le champ $property doit être un nombre positif',
  isArea: 'le champ $property doit être une surface en m² de 0,01 à 10 000, avec au plus 2 décimales',
  isISO31661Alpha2: 'le champ $property doit être un code pays ISO 3166-1 alpha-2, par exemple FR',
  isCron: "le champ $property doit être une expression cron de cinq champs (minute heure jour mois jour-de-semaine) s'exécutant au plus toutes les $constraint1 minutes",
  isEurValueInRange: 'le champ $property × eurRate est trop grand : la valeur en euros doit rester inférieure à 92 233 720 368 547 758,07 €',
  isWellFormedText: 'le champ $property doit être un texte Unicode bien formé',
  isKpiValues: 'le champ $property doit associer des clés de KPI à des nombres (60 au plus)',
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
  const template = FRENCH_TEMPLATES[constraint];
  if (!template) return english;
  const context = error.contexts?.[constraint];
  const values = context?.['values'] as unknown[] | undefined;
  // A decorator whose argument is not a number (the start field of a range) passes it in its context.
  const named = context?.['constraint1'] as string | undefined;
  const firstNumber = english.match(/-?\d+(\.\d+)?/)?.[0] ?? '';
  const list = english.split(': ')[1] ?? firstNumber;
  return template
    .replace('$property', error.property)
    .replace('$constraint1', constraint === 'isIn' ? (values?.join(', ') ?? list) : (named ?? firstNumber));
}
