/**
 * English verb inflection for the reporting-verb lexicon builder: lemma -> base, 3rd person singular,
 * past, past participle and -ing forms. Regular rules plus a small table of the irregular verbs that
 * occur in reporting-verb lists; enough for closed lists, not a general morphology.
 */

/** Irregular past and past participle forms of verbs that appear in reporting-verb lists. */
const IRREGULAR: Readonly<Record<string, readonly [past: string, participle: string]>> = {
  say: ['said', 'said'],
  tell: ['told', 'told'],
  retell: ['retold', 'retold'],
  think: ['thought', 'thought'],
  write: ['wrote', 'written'],
  find: ['found', 'found'],
  feel: ['felt', 'felt'],
  know: ['knew', 'known'],
  show: ['showed', 'shown'],
  see: ['saw', 'seen'],
  speak: ['spoke', 'spoken'],
  hold: ['held', 'held'],
  mean: ['meant', 'meant'],
  read: ['read', 'read'],
  swear: ['swore', 'sworn'],
  forecast: ['forecast', 'forecast'],
  foresee: ['foresaw', 'foreseen'],
  understand: ['understood', 'understood'],
  teach: ['taught', 'taught'],
  hear: ['heard', 'heard'],
}

/** Verbs whose final consonant doubles before -ed/-ing (stressed final syllable). */
const DOUBLES_FINAL = new Set([
  'admit',
  'rebut',
  'refer',
  'prefer',
  'commit',
  'regret',
  'submit',
  'omit',
  'permit',
  'confer',
  'occur',
])

const CONSONANT_Y = /[^aeiou]y$/
const SIBILANT_END = /(?:[sxz]|ch|sh)$/

/**
 * Every inflected form of a verb lemma, base form first, without duplicates.
 *
 * @example inflect('say') // ['say', 'says', 'said', 'saying']
 * @example inflect('admit') // ['admit', 'admits', 'admitted', 'admitting']
 */
export function inflect(lemma: string): string[] {
  const third = SIBILANT_END.test(lemma)
    ? `${lemma}es`
    : CONSONANT_Y.test(lemma)
      ? `${lemma.slice(0, -1)}ies`
      : `${lemma}s`
  const stem = DOUBLES_FINAL.has(lemma) ? lemma + lemma.slice(-1) : lemma
  const irregular = IRREGULAR[lemma]
  const past = irregular
    ? [irregular[0], irregular[1]]
    : lemma.endsWith('e')
      ? [`${lemma}d`]
      : CONSONANT_Y.test(lemma)
        ? [`${lemma.slice(0, -1)}ied`]
        : [`${stem}ed`]
  const ing = lemma.endsWith('ie')
    ? `${lemma.slice(0, -2)}ying`
    : lemma.endsWith('e') && !/[eoy]e$/.test(lemma)
      ? `${lemma.slice(0, -1)}ing`
      : `${stem}ing`
  return [...new Set([lemma, third, ...past, ing])]
}
