import en from '../../../../public/i18n/en.json';
import fr from '../../../../public/i18n/fr.json';

/** [dotted key, text] for every leaf of a translation tree. */
function leaves(tree: unknown, prefix = ''): [string, unknown][] {
  if (typeof tree !== 'object' || tree === null) {
    return [[prefix, tree]];
  }
  return Object.entries(tree).flatMap(([key, child]) => leaves(child, prefix ? `${prefix}.${key}` : key));
}

describe('translation files', () => {
  it('define the same keys in French and English', () => {
    const keys = (tree: unknown) => leaves(tree).map(([key]) => key).sort();

    expect(keys(fr)).toEqual(keys(en));
  });

  it('have a non-empty text for every key', () => {
    const blank = (tree: unknown) =>
      leaves(tree)
        .filter(([, text]) => typeof text !== 'string' || text.trim() === '')
        .map(([key]) => key);

    expect(blank(fr)).toEqual([]);
    expect(blank(en)).toEqual([]);
  });

  it('put a space before French double punctuation (« Promo : Candidate », never « Promo: Candidate »)', () => {
    const glued = leaves(fr)
      .filter(([, text]) => typeof text === 'string' && /[^\s\u00a0\u202f][:;!?](\s|$)/.test(text))
      .map(([key]) => key);

    expect(glued).toEqual([]);
  });
});
