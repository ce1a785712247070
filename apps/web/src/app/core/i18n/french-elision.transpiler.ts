import { Injectable } from '@angular/core';
import { DefaultTranspiler, TranspileParams } from '@jsverse/transloco';

/** A word that takes "d’" rather than "de" (a vowel; not h: "de Hachette", aspirated h, is as common as the mute one). */
const ELIDING = /^[aeiouyàâäéèêëîïôöùûüœæ]/i;
/** "de {{ name }}" in a French text. */
const DE_BEFORE_PARAMETER = /\bde \{\{\s*([\w.]+)\s*\}\}/g;

/**
 * Transloco's interpolation with French elision: "Nouvelle promotion de {{ program }}" reads "…d’Incubateur
 * Lille" when the name starts with a vowel, "…de Pépinière" otherwise. Only a "de" written right before a
 * parameter is touched, so static text and English (which never writes "de {{") are left as they are.
 */
@Injectable()
export class FrenchElisionTranspiler extends DefaultTranspiler {
  override transpile(params: TranspileParams): unknown {
    const { value, params: values } = params;
    if (typeof value !== 'string' || !values || !value.includes('de {{')) return super.transpile(params);
    const elided = value.replace(DE_BEFORE_PARAMETER, (whole, name: string) => {
      const given = values[name];
      return typeof given === 'string' && ELIDING.test(given.trim()) ? `d’{{ ${name} }}` : whole;
    });
    return super.transpile({ ...params, value: elided });
  }
}
