/**
 * Closed word classes the rules need, in lower case. Written for claimtrail from standard English grammar
 * (no source list); they stand in for a POS tagger until issue 3 trains one.
 */

const set = (words: string): ReadonlySet<string> => new Set(words.split(' '))

/** Auxiliaries, modals, negation and adverbs that join a reporting verb's group ("has repeatedly said"). */
export const VERB_GROUP_LEFT = set(
  "has have had is are was were be been being will would shall should can could may might must do does did not n't never also repeatedly previously later again already recently once publicly privately earlier often frequently still even further reportedly just only first initially then now since long subsequently separately flatly explicitly openly bluntly",
)

/** Forms of "be": before a past participle they make a passive cue ("it was reported"). */
export const BE_FORMS = set('is are was were be been being')

/** Subject pronouns that are a whole source on their own. */
export const SUBJECT_PRONOUNS = set('he she they it we i you who')

/** Pronouns that refer to a person, for the "previous speaker" fallback. */
export const PERSON_PRONOUNS = set('he she him his her hers i we')

/** Determiners and possessives that open a noun phrase. */
export const NP_OPENERS = set(
  'the a an this that these those his her their its our my your another some many several both all any each every no one two three four five six seven eight nine ten most few other such',
)

/** Prepositions allowed inside a source noun phrase ("spokesman for the campaign", "chief of staff"). */
export const NP_INNER_PREPOSITIONS = set('of for at in from on with')

/**
 * Words that can never be inside a source noun phrase: they end it when walking left from the cue.
 * Conjunctions, complementisers, relative pronouns, auxiliaries and sentence adverbs.
 */
export const NP_BREAKERS = set(
  "that which whom whose what how why where when and but or nor because when while if as after before since although though so than where whether not n't is are was were be been being has have had will would shall should can could may might must do does did to also however meanwhile then now still already there here yet instead too even just only thus therefore moreover furthermore indeed later earlier today yesterday tomorrow tonight among into than like across against between within without toward towards under over about through around amid despite during via upon unlike beyond",
)

/** Words that may open a content clause with no "that" ("he said the war is over", "she said it was"). */
export const CLAUSE_OPENERS = set(
  'he she they it we i you there the a an this these those his her their its our my your no some many most all both each every one none nobody everyone everything nothing something someone if when while as because although though what who why how where whether',
)

/** -ing forms that start a participial attribution after a comma (", saying that …"). */
export const PARTICIPIAL_MARKERS = set(
  'saying adding noting arguing insisting warning claiming explaining stressing suggesting telling asserting declaring acknowledging admitting complaining pointing urging calling describing predicting emphasizing emphasising contending maintaining observing announcing charging alleging writing tweeting recalling confirming conceding',
)

/**
 * Heads of noun phrases that name a person by role ("the IRGC chief commander", "the senator"): only
 * such sources, and personal pronouns, may take the previous speaker when no mention resolves them.
 */
export const PERSON_ROLE_NOUNS = set(
  'commander chief official spokesman spokeswoman spokesperson minister president leader general officer envoy ambassador diplomat secretary senator lawmaker legislator governor mayor director adviser advisor aide analyst expert candidate nominee host author writer reporter correspondent executive chairman chairwoman chair head founder ceo manager coach judge lawyer attorney prosecutor professor scientist researcher economist strategist pollster activist witness politician premier king queen prince princess cleric ayatollah commissioner representative congressman congresswoman speaker deputy colonel captain sergeant admiral negotiator ruler monarch emir sheikh pope bishop priest imam rabbi doctor physician teacher chancellor father mother wife husband son daughter brother sister businessman businesswoman billionaire veteran operative consultant economist editor columnist journalist actor actress singer star player officer detective superintendent inspector sheriff marshal lieutenant major surgeon curator blogger commentator',
)

/** Verbs that make their object's belief or speech caused, not reported: "made the people believe that". */
export const CAUSATIVES = set('make makes made making let lets letting help helps helped helping')

/** Speech verbs that may stand before their source in an inverted tag ("…,” said Salami." / "…, added the minister."). */
export const INVERTIBLE_SPEECH_VERBS = set(
  'say add tell write ask explain note continue recall reply respond insist argue warn admit acknowledge conclude declare state observe tweet predict suggest complain concede agree',
)

/** Words that open the source of an inverted or trailing tag ("…,” said the minister", "he said in an interview"). */
export const TAG_SOURCE_OPENERS = set('the a an his her their its one another he she they we i')
