/**
 * One table per phenomenon of the brief and of methods §8 (failure cases), asserting surfaces and offsets.
 */
import { describe, expect, it } from 'vitest'
import type { Attribution } from '../../model/layers.js'
import { runAttribution, type FakeMention } from './test-pipeline.js'

interface Expected {
  source: string | null
  cue: string | null
  content: string
  mode?: Attribution['mode']
  rule?: string
}

function check(text: string, a: Attribution | undefined, e: Expected): void {
  expect(a, text).toBeDefined()
  if (!a) return
  const at = (part: string) => ({ start: text.indexOf(part), end: text.indexOf(part) + part.length })
  expect(text.slice(a.content.start, a.content.end)).toBe(e.content)
  expect(a.content).toEqual(at(e.content))
  expect(a.cue ? text.slice(a.cue.start, a.cue.end) : null).toBe(e.cue)
  if (e.cue) expect(a.cue).toEqual(at(e.cue))
  expect(a.source ? text.slice(a.source.start, a.source.end) : null).toBe(e.source)
  if (e.mode) expect(a.mode).toBe(e.mode)
  if (e.rule) expect(a.prov.rule).toBe(e.rule)
}

describe('direct quotations', () => {
  it.each<[string, Expected]>([
    // §8.2 split quote: one attribution, content covers both parts
    [
      '“We will never give up,” he said, “and we will win this election.”',
      {
        source: 'he',
        cue: 'said',
        content: '“We will never give up,” he said, “and we will win this election.”',
        mode: 'direct',
      },
    ],
    // §8.1 multi-paragraph quote: only the last paragraph closes
    [
      'Clinton said: “We have work to do.\n\n“And we will do it together.”',
      {
        source: 'Clinton',
        cue: 'said:',
        content: '“We have work to do.\n\n“And we will do it together.”',
        mode: 'direct',
      },
    ],
    // the tag the sentence splitter cut off after ?”
    [
      '“How many times do we have to see this in our country?” Clinton said.',
      {
        source: 'Clinton',
        cue: 'said',
        content: '“How many times do we have to see this in our country?”',
        mode: 'direct',
      },
    ],
    // §8.5 inverted source with title and apposition
    [
      '“The bill is dead,” said Sen. Jane Roe, R-Texas.',
      { source: 'Sen. Jane Roe, R-Texas', cue: 'said', content: '“The bill is dead,”', mode: 'direct' },
    ],
    // a quotation opening mid-sentence: the words before it are content too (mixed)
    [
      'Mills “got an immunity agreement,” Jordan said.',
      { source: 'Jordan', cue: 'said', content: 'Mills “got an immunity agreement,”', mode: 'mixed' },
    ],
    // a title in quotes next to a cue is no quotation; the indirect speech after it is
    [
      'On this weekend’s broadcast of “Fox News Sunday,” Pence said his running mate would win.',
      { source: 'Pence', cue: 'said', content: 'his running mate would win', mode: 'indirect' },
    ],
    // the cue before the quotation wins over a lone tag after it that introduces the next quotation
    [
      'Graham said, “We are losing the Hispanic vote because they think we don’t like them.” He continued, “We have to change.”',
      {
        source: 'Graham',
        cue: 'said',
        content: '“We are losing the Hispanic vote because they think we don’t like them.”',
        mode: 'direct',
      },
    ],
    // a cue-less quotation after indirect speech in the same paragraph joins it (mixed)
    [
      'Kerry said that 100,000 would be accepted. “That adds up to 185,000 over two years.”',
      {
        source: 'Kerry',
        cue: 'said',
        content: 'that 100,000 would be accepted. “That adds up to 185,000 over two years.”',
        mode: 'mixed',
      },
    ],
    // §8.5 inverted source with a role apposition
    [
      '“The regime is collapsing,” said Salami, the IRGC commander.',
      {
        source: 'Salami, the IRGC commander',
        cue: 'said',
        content: '“The regime is collapsing,”',
        mode: 'direct',
      },
    ],
    // PTB-style '' quotes (NYT copy)
    [
      "''This isn't tax reform,'' said Mr. Burman.",
      { source: 'Mr. Burman', cue: 'said', content: "''This isn't tax reform,''", mode: 'direct' },
    ],
    // a straight-quoted statement, then a cue-less quotation in the same paragraph joins it
    [
      '"We won," Trump said. "Nobody thought we could do it."',
      {
        source: 'Trump',
        cue: 'said',
        content: '"We won," Trump said. "Nobody thought we could do it."',
        mode: 'direct',
      },
    ],
  ])('%j', (text, expected) => {
    check(text, runAttribution(text).attributions[0], expected)
  })
})

describe('indirect speech and cues', () => {
  it.each<[string, Expected]>([
    // §8.3 verb groups
    [
      'Trump has repeatedly said that Mexico will pay for the wall.',
      { source: 'Trump', cue: 'has repeatedly said', content: 'that Mexico will pay for the wall' },
    ],
    [
      'The campaign said in a statement that the report was false.',
      { source: 'The campaign', cue: 'said in a statement', content: 'that the report was false' },
    ],
    [
      'Officials could not say whether the talks would resume.',
      { source: 'Officials', cue: 'could not say', content: 'whether the talks would resume' },
    ],
    [
      'The senator called for an investigation into the deal.',
      {
        source: 'The senator',
        cue: 'called for',
        content: 'an investigation into the deal',
        rule: 'verb-object',
      },
    ],
    // §8.7 non-speech cues
    [
      'The report found that the program had failed.',
      { source: 'The report', cue: 'found', content: 'that the program had failed' },
    ],
    [
      'New polls show Clinton leading in Ohio.',
      { source: 'New polls', cue: 'show', content: 'Clinton leading in Ohio', rule: 'verb-object' },
    ],
    [
      'Trump believes that the election is rigged.',
      { source: 'Trump', cue: 'believes', content: 'that the election is rigged' },
    ],
    [
      'Salami stressed that the resistance would continue.',
      { source: 'Salami', cue: 'stressed', content: 'that the resistance would continue' },
    ],
    [
      'The minister warned that prices could rise again next year.',
      { source: 'The minister', cue: 'warned', content: 'that prices could rise again next year' },
    ],
    // §8.7 agentless
    [
      'It was reported that the talks had collapsed.',
      { source: null, cue: 'was reported', content: 'that the talks had collapsed' },
    ],
    // hearer between cue and content
    [
      'Clinton told CNN on Sunday that she would debate Trump.',
      { source: 'Clinton', cue: 'told', content: 'that she would debate Trump' },
    ],
    // prepositional phrase between cue and that
    [
      'Trump said during a rally in Michigan that the deal was a disaster.',
      { source: 'Trump', cue: 'said', content: 'that the deal was a disaster' },
    ],
    // §8.6 aside inside the source: PolNeAR's source runs over the aside to the comma before the cue;
    // the aside is no content (and speakers.test.ts checks the speaker is not Farron)
    [
      'Sir Vince Cable, who replaced Tim Farron as leader in July, said the party would fight on.',
      {
        source: 'Sir Vince Cable, who replaced Tim Farron as leader in July,',
        cue: 'said',
        content: 'the party would fight on',
      },
    ],
    // apposition: the source covers the name and the role, with the comma before the cue (PolNeAR)
    [
      'Hossein Salami, the IRGC chief commander, said the regime was collapsing.',
      {
        source: 'Hossein Salami, the IRGC chief commander,',
        cue: 'said',
        content: 'the regime was collapsing',
      },
    ],
    // an apposition that is a bare role, with no determiner
    [
      'Major general Fuad Basya, spokesman for the Indonesian military, said fishermen first noticed the people.',
      {
        source: 'Major general Fuad Basya, spokesman for the Indonesian military,',
        cue: 'said',
        content: 'fishermen first noticed the people',
      },
    ],
    // a second verb shares the clause's subject
    [
      'Facebook co-founder Mark Zuckerberg tweeted to Mohamed and said the boy was welcome to tour the company.',
      {
        source: 'Facebook co-founder Mark Zuckerberg',
        cue: 'said',
        content: 'the boy was welcome to tour the company',
      },
    ],
    // §8.10 possessive source
    [
      'His campaign said the claims were baseless.',
      { source: 'His campaign', cue: 'said', content: 'the claims were baseless' },
    ],
    // colon after the cue
    [
      'The senator said: the bill is dead.',
      { source: 'The senator', cue: 'said:', content: 'the bill is dead', rule: 'said-colon' },
    ],
  ])('%j', (text, expected) => {
    check(text, runAttribution(text).attributions[0], expected)
  })
})

describe('trailing, parenthetical and according-to attributions', () => {
  it.each<[string, Expected]>([
    [
      'The regime is losing its power, he said.',
      { source: 'he', cue: 'said', content: 'The regime is losing its power', rule: 'sentence-final' },
    ],
    [
      'The talks have failed, said the foreign minister.',
      {
        source: 'the foreign minister',
        cue: 'said',
        content: 'The talks have failed',
        rule: 'sentence-final',
      },
    ],
    [
      'That means, he added, no safe place has been left for the regime.',
      {
        source: 'he',
        cue: 'added',
        content: 'That means, he added, no safe place has been left for the regime',
        rule: 'parenthetical',
      },
    ],
    // an inverted tag inside the sentence (Wikinews, 2014: "said Mauer" for K.C. Maurer)
    [
      'Institutional recipients, said Mauer, are required to exhibit their donated Warhol photographs every ten years as one stipulation.',
      {
        source: 'Mauer',
        cue: 'said',
        content:
          'Institutional recipients, said Mauer, are required to exhibit their donated Warhol photographs every ten years as one stipulation',
        rule: 'parenthetical',
      },
    ],
    // "as X noted" clauses, initial and final
    [
      'As Clyburn noted, those voters will give Sanders a second look.',
      {
        source: 'Clyburn',
        cue: 'noted',
        content: 'those voters will give Sanders a second look',
        rule: 'as-noted',
      },
    ],
    [
      'Invoking Weimar Germany is a classic scare tactic, as David Dayen noted in The Intercept.',
      {
        source: 'David Dayen',
        cue: 'noted',
        content: 'Invoking Weimar Germany is a classic scare tactic',
        rule: 'as-noted',
      },
    ],
    // §8.4 initial and final "according to"
    [
      'According to police, the suspect fled on foot.',
      { source: 'police', cue: 'According to', content: 'the suspect fled on foot', rule: 'according-to' },
    ],
    [
      'The suspect fled on foot, according to police.',
      { source: 'police', cue: 'according to', content: 'The suspect fled on foot', rule: 'according-to' },
    ],
  ])('%j', (text, expected) => {
    check(text, runAttribution(text).attributions[0], expected)
  })
})

describe('according to, opening a clause inside another content', () => {
  it('is nested in the attribution whose content holds it (Wikinews, 2008)', () => {
    const text =
      'Wikinews has learned that according to an Internet posting, the Church of Scientology website is being attacked by hackers.'
    const [outer, inner] = runAttribution(text).attributions
    check(text, outer, {
      source: 'Wikinews',
      cue: 'has learned',
      content:
        'that according to an Internet posting, the Church of Scientology website is being attacked by hackers',
      rule: 'said-that',
    })
    check(text, inner, {
      source: 'an Internet posting',
      cue: 'according to',
      content: 'the Church of Scientology website is being attacked by hackers',
      rule: 'according-to',
    })
    expect(inner?.parent).toBe(outer?.id)
  })
})

describe('according to, set off by commas inside a clause', () => {
  it('takes the clause around it as content, and the outer content runs through it', () => {
    const text = 'The mayor said that the council, according to police, arrested 40 people on Friday.'
    const [outer, inner] = runAttribution(text).attributions
    check(text, outer, {
      source: 'The mayor',
      cue: 'said',
      content: 'that the council, according to police, arrested 40 people on Friday',
      rule: 'said-that',
    })
    check(text, inner, {
      source: 'police',
      cue: 'according to',
      content: 'the council, according to police, arrested 40 people on Friday',
      rule: 'according-to',
    })
    expect(inner?.parent).toBe(outer?.id)
  })

  it('still ends the content before a final ", according to X."', () => {
    const text = 'The mayor said that the council arrested 40 people, according to police.'
    const said = runAttribution(text).attributions.find((a) => a.prov.rule === 'said-that')
    check(text, said, { source: 'The mayor', cue: 'said', content: 'that the council arrested 40 people' })
  })
})

describe('participial attributions', () => {
  it('takes the main clause’s source for ", adding that …"', () => {
    const text =
      'He noted that the regime is collapsing, adding that the people believe they can take back their land.'
    const [main, adding] = runAttribution(text).attributions
    check(text, main, { source: 'He', cue: 'noted', content: 'that the regime is collapsing' })
    check(text, adding, {
      source: 'He',
      cue: 'adding',
      content: 'that the people believe they can take back their land',
      rule: 'participial',
    })
  })

  it('takes the sentence subject when the main clause is no attribution', () => {
    const text =
      'Salami referred to the recent aggression against Gaza, saying that the Islamic Jihad Movement led the resistance.'
    check(text, runAttribution(text).attributions[0], {
      source: 'Salami',
      cue: 'saying',
      content: 'that the Islamic Jihad Movement led the resistance',
      rule: 'participial',
    })
  })
})

describe('colon speaker labels', () => {
  it('attributes "Trump: …" when the label is a named mention', () => {
    const text = 'Trump: We will build the wall and Mexico will pay for it.'
    const mentions: FakeMention[] = [{ surface: 'Trump', type: 'PERSON', entity: 'Donald Trump' }]
    check(text, runAttribution(text, mentions).attributions[0], {
      source: 'Trump',
      cue: ':',
      content: 'We will build the wall and Mexico will pay for it',
      rule: 'colon-speaker',
    })
  })

  it('attributes a short capitalised label with no mention: "Graham: …"', () => {
    const text = 'Graham: Trump’s hateful rhetoric is destroying the party’s chance to win.'
    check(text, runAttribution(text).attributions[0], {
      source: 'Graham',
      cue: ':',
      content: 'Trump’s hateful rhetoric is destroying the party’s chance to win',
      rule: 'colon-speaker',
    })
  })

  it.each([
    'Exclusive: The wall will cost more than planned.',
    'The Latest: A storm hits the coast of Florida.',
    'Stealth Over Health: Hillary Clinton Was Headed to ER.',
    'Little Relief for Refugees: The refugee crisis is a global problem.',
  ])('ignores headline kickers and headings: %s', (text) => {
    expect(runAttribution(text).attributions).toEqual([])
  })
})

describe('a content ends before a coordinated clause with its own attribution', () => {
  it('"X emphasized that A, and Y warned that B": two siblings, each with its own content', () => {
    const text =
      "Obama emphasized that Burma's reforms were not complete, and human rights groups warned that the military still held power."
    const [first, second] = runAttribution(text).attributions
    check(text, first, {
      source: 'Obama',
      cue: 'emphasized',
      content: "that Burma's reforms were not complete",
      rule: 'said-that',
    })
    check(text, second, {
      source: 'human rights groups',
      cue: 'warned',
      content: 'that the military still held power',
      rule: 'said-that',
    })
    expect(second?.parent).toBeNull()
  })

  it('keeps a quotation whole: the quoted words are the content', () => {
    const text = 'The minister said: "Prices will fall, and the unions warned us about that."'
    const [a] = runAttribution(text).attributions
    check(text, a, {
      source: 'The minister',
      cue: 'said:',
      content: '"Prices will fall, and the unions warned us about that."',
    })
  })
})

describe("a learned indirect content stays in its cue's sentence", () => {
  it('finds no content "how. In the truck spat, …" after "knows"', () => {
    const text =
      'How strongly should Mexico retaliate? It has shown it knows how. In the truck spat, Mexico picked political targets skillfully.'
    expect(runAttribution(text).attributions).toEqual([])
  })
})

describe('verbs with no object here, and passive participles', () => {
  it.each([
    // "declined" without an object: a figure that fell, not a refusal
    'The price of oil has declined slightly from 80 dollars to 75 dollars.',
    "The union's membership has declined by ten percent since 2019.",
    // "backed by": the Red Cross backed the plan, it said nothing; "rejected by": a passive
    'A similar fast-track plan backed by the Red Cross in 2021 was reportedly rejected by the minister over fears of abuse.',
  ])('finds no attribution in: %s', (text) => {
    expect(runAttribution(text).attributions).toEqual([])
  })

  it('still reads a noun-phrase object as content: "He accused the media of bias."', () => {
    const text = 'He accused the media of bias.'
    check(text, runAttribution(text).attributions[0], {
      source: 'He',
      cue: 'accused',
      content: 'the media of bias',
      rule: 'verb-object',
    })
  })
})

describe('a document\'s words: "reads" takes a quotation or a colon, nothing else', () => {
  it.each<[string, Expected]>([
    [
      'The sign on the door reads: "Closed until further notice."',
      {
        source: 'The sign on the door',
        cue: 'reads:',
        content: '"Closed until further notice."',
        mode: 'direct',
      },
    ],
    [
      'The sign read: "No entry."',
      { source: 'The sign', cue: 'read:', content: '"No entry."', mode: 'direct' },
    ],
    [
      '"We will not give up," the banner reads.',
      { source: 'the banner', cue: 'reads', content: '"We will not give up,"', mode: 'direct' },
    ],
  ])('%s', (text, e) => {
    check(text, runAttribution(text).attributions[0], e)
  })

  it.each([
    'She reads the newspaper every morning before work.',
    'The minister read a statement to reporters on Monday.',
    'I read that the company had closed its factory.',
    'He left a note, reading the instructions twice.',
  ])('finds no attribution in: %s', (text) => {
    expect(runAttribution(text).attributions).toEqual([])
  })
})

describe('nesting', () => {
  it('nests a belief whose clause opens with a gerund: "he believes redesigning the flag now has …"', () => {
    const text = 'Prime Minister John Key said he believes redesigning the flag now has a "strong rationale".'
    const [outer, inner] = runAttribution(text).attributions
    check(text, outer, {
      source: 'Prime Minister John Key',
      cue: 'said',
      content: 'he believes redesigning the flag now has a "strong rationale"',
      mode: 'mixed',
    })
    check(text, inner, {
      source: 'he',
      cue: 'believes',
      content: 'redesigning the flag now has a "strong rationale"',
    })
    expect(inner?.parent).toBe(outer?.id)
  })

  it('nests speech inside speech with parent set (§8.8: the inner attribution stays inside the content)', () => {
    const text =
      'He said that the Supreme Leader has noted that Iran will stand with the Palestinians to the end.'
    const [outer, inner] = runAttribution(text).attributions
    check(text, outer, {
      source: 'He',
      cue: 'said',
      content: 'that the Supreme Leader has noted that Iran will stand with the Palestinians to the end',
    })
    check(text, inner, {
      source: 'the Supreme Leader',
      cue: 'has noted',
      content: 'that Iran will stand with the Palestinians to the end',
    })
    expect(outer?.parent).toBeNull()
    expect(inner?.parent).toBe(outer?.id)
  })
})

describe('a quotation continuing after the tag ("…", it added; and, later, "…")', () => {
  it.each<[string, FakeMention[], Expected, Expected]>([
    [
      '"Foolhardy provocation deserves harsh punishment", it added; and, later, "Kim Jong-un issued an order that the front-line units should enter a wartime state".',
      [{ surface: 'Kim Jong-un', type: 'PERSON', entity: 'Kim Jong-un' }],
      {
        source: 'it',
        cue: 'added',
        content: '"Foolhardy provocation deserves harsh punishment"',
        rule: 'direct-quote',
      },
      {
        source: null,
        cue: null,
        content: '"Kim Jong-un issued an order that the front-line units should enter a wartime state"',
        rule: 'continued-quote',
      },
    ],
    [
      '“We are in contact with all relevant parties,” Najib said, and then, “We will find a solution to this crisis.”',
      [{ surface: 'Najib', type: 'PERSON', entity: 'Najib Razak' }],
      {
        source: 'Najib',
        cue: 'said',
        content: '“We are in contact with all relevant parties,”',
        rule: 'direct-quote',
      },
      {
        source: null,
        cue: null,
        content: '“We will find a solution to this crisis.”',
        rule: 'continued-quote',
      },
    ],
  ])('%s', (text, fakes, first, second) => {
    const a = runAttribution(text, fakes)
    expect(a.attributions).toHaveLength(2)
    check(text, a.attributions[0], first)
    check(text, a.attributions[1], second)
    expect(a.attributions[1]?.speaker).toBe(a.attributions[0]?.speaker)
    if (fakes.some((f) => f.surface === first.source)) expect(a.attributions[1]?.speaker).not.toBeNull()
  })

  it('a clause with its own speaker between the quotations is no continuation', () => {
    const text =
      '“We urge the governments of the region to work together,” Rathke said; the ministry said, “We will act.”'
    const a = runAttribution(text)
    expect(a.attributions.map((x) => x.prov.rule)).not.toContain('continued-quote')
  })
})

describe('hard cases of issue 3 (what quote extractors get wrong)', () => {
  const person = (surface: string): FakeMention => ({ surface, type: 'PERSON', entity: surface })
  it.each<[string, string, FakeMention[], Expected & { speaker: string | null }]>([
    [
      'a quotation over three paragraphs, only the last one closed',
      'Sen. Mary Landrieu said: “We have waited long enough for this money.\n\n“The families of this state deserve an answer.\n\n“And they will get one.”',
      [person('Mary Landrieu')],
      {
        source: 'Sen. Mary Landrieu',
        cue: 'said:',
        content:
          '“We have waited long enough for this money.\n\n“The families of this state deserve an answer.\n\n“And they will get one.”',
        mode: 'direct',
        speaker: 'Mary Landrieu',
      },
    ],
    [
      'a quotation with no cue after a sentence naming one person',
      'Maria Lopez has run the bakery on Main Street for 30 years.\n\n“I have never seen the street this empty. Nobody is buying bread.”',
      [person('Maria Lopez')],
      {
        source: 'Maria Lopez',
        cue: null,
        content: '“I have never seen the street this empty. Nobody is buying bread.”',
        mode: 'direct',
        rule: 'introduced-quote',
        speaker: 'Maria Lopez',
      },
    ],
    [
      'a quotation with no cue after a question about the speaker (Wikinews, 2014)',
      'Kiara Perkins, a second year USI art major, was willing to skip class Thursday night.\n\nWhy did she so badly want to attend?\n\n"It\'s Warhol. He is a legend."',
      [person('Kiara Perkins'), { surface: 'she', type: 'PERSON', kind: 'pronoun', entity: 'Kiara Perkins' }],
      {
        source: 'she',
        cue: null,
        content: '"It\'s Warhol. He is a legend."',
        mode: 'direct',
        rule: 'introduced-quote',
        speaker: 'Kiara Perkins',
      },
    ],
    [
      'an apposition before a colon cue',
      'Hugh Hill, a doctor, said: “The ward has been full since Monday.”',
      [person('Hugh Hill')],
      {
        source: 'Hugh Hill, a doctor,',
        cue: 'said:',
        content: '“The ward has been full since Monday.”',
        speaker: 'Hugh Hill',
      },
    ],
    [
      'an apposition holding a comma of its own (Wikinews, 2014)',
      'Cynthia Thompson, curator and director of exhibits at the University of Arkansas, Fayetteville, said, "These images serve as documentation of people in his every day life."',
      [person('Cynthia Thompson')],
      {
        source:
          'Cynthia Thompson, curator and director of exhibits at the University of Arkansas, Fayetteville,',
        cue: 'said',
        content: '"These images serve as documentation of people in his every day life."',
        speaker: 'Cynthia Thompson',
      },
    ],
    [
      'a trailing dash credit with a title',
      '“We will not allow the pipeline to cross the reservation.” — Commissioner Dana Whitfield',
      [person('Dana Whitfield')],
      {
        source: 'Commissioner Dana Whitfield',
        cue: '—',
        content: '“We will not allow the pipeline to cross the reservation.”',
        speaker: 'Dana Whitfield',
      },
    ],
    [
      'a lead-in "And from …:" in a round-up of statements',
      'And from Chairwoman Nita Lowey: “This bill keeps the government open and protects our troops.”',
      [person('Nita Lowey')],
      {
        source: 'Chairwoman Nita Lowey',
        cue: ':',
        content: '“This bill keeps the government open and protects our troops.”',
        rule: 'colon-speaker',
        speaker: 'Nita Lowey',
      },
    ],
    [
      'straight marks on a split quotation',
      '"We have to change course," Graham said. "The voters have told us what they want."',
      [person('Graham')],
      {
        source: 'Graham',
        cue: 'said',
        content: '"We have to change course," Graham said. "The voters have told us what they want."',
        mode: 'direct',
        speaker: 'Graham',
      },
    ],
    [
      'an unbalanced opening mark is dropped, the indirect statement stays',
      'Walsh said the deal was “a disaster for American workers and a gift to China.',
      [person('Walsh')],
      {
        source: 'Walsh',
        cue: 'said',
        content: 'the deal was “a disaster for American workers and a gift to China',
        speaker: 'Walsh',
      },
    ],
    [
      'single marks nested in double marks stay inside the outer quotation',
      '“The senator told me, ‘We will not vote for this bill,’ and then he walked out,” Kim Reyes said.',
      [person('Kim Reyes')],
      {
        source: 'Kim Reyes',
        cue: 'said',
        content: '“The senator told me, ‘We will not vote for this bill,’ and then he walked out,”',
        mode: 'direct',
        speaker: 'Kim Reyes',
      },
    ],
  ])('%s', (_name, text, mentions, expected) => {
    const analysis = runAttribution(text, mentions)
    expect(analysis.attributions).toHaveLength(1)
    const a = analysis.attributions[0]
    check(text, a, expected)
    const speaker = a?.speaker ? analysis.entities.find((e) => e.id === a.speaker)?.name : null
    expect(speaker).toBe(expected.speaker)
  })
})

describe('a cue-less quotation in the paragraph after an indirect attribution', () => {
  it('continues that speaker', () => {
    const text =
      'Wilkins also said Warhol was both an artist and a businessperson.\n"He would make a blue Marilyn and a pink Marilyn, and then you could pick your favorite color and buy that."'
    const a = runAttribution(text, [
      { surface: 'Wilkins', type: 'PERSON', entity: 'Wilkins' },
      { surface: 'Warhol', type: 'PERSON', entity: 'Warhol' },
    ])
    const names = new Map(a.entities.map((e) => [e.id, e.name]))
    expect(
      a.attributions.map((x) => [
        text.slice(x.content.start, x.content.end).slice(0, 12),
        x.cue ? text.slice(x.cue.start, x.cue.end) : null,
        x.speaker ? names.get(x.speaker) : null,
      ]),
    ).toEqual([
      ['Warhol was b', 'also said', 'Wilkins'],
      ['"He would ma', null, 'Wilkins'],
    ])
  })
})

describe('quotation after its tag in the same paragraph, and transcript turns (PolNeAR dev)', () => {
  it.each<[string, Expected]>([
    [
      // The Huffington Post, 2016: a short quoted sentence after "said, clapping." is the same quotation
      '“Here comes Big Daddy,” she said, clapping. “The Donald. Big Daddy.”\n',
      {
        source: 'she',
        cue: 'said',
        content: '“Here comes Big Daddy,” she said, clapping. “The Donald. Big Daddy.”',
        rule: 'direct-quote',
      },
    ],
    [
      '“I would,” Melanie said to the TV. “I would, Donald.”\n',
      {
        source: 'Melanie',
        cue: 'said',
        content: '“I would,” Melanie said to the TV. “I would, Donald.”',
        rule: 'direct-quote',
      },
    ],
  ])('%s', (text, expected) => {
    const a = runAttribution(text)
    expect(a.attributions).toHaveLength(1)
    check(text, a.attributions[0], expected)
  })

  it('a transcript turn ("PENCE: …") inside a quoted transcript speaks to the end of its paragraph', () => {
    // Breitbart, 2016 (PolNeAR dev): a Fox News Sunday transcript quoted turn by turn
    const text =
      'Partial transcript as follows:\n\n"WALLACE: If I may, sir, because we’ve got limited time. I want to ask you, will Gennifer Flowers be there?\n\n"PENCE: Gennifer Flowers will not be attending the debate tomorrow night. Donald Trump was using the tweet yesterday really to mock an effort by Hillary Clinton.\n\n"PENCE: And that’s why Donald Trump is on his way to the White House."\n'
    const a = runAttribution(text)
    const turns = a.attributions.map((x) => [
      text.slice(x.source?.start, x.source?.end),
      text.slice(x.content.start, x.content.end),
    ])
    expect(turns).toEqual([
      [
        'WALLACE',
        'If I may, sir, because we’ve got limited time. I want to ask you, will Gennifer Flowers be there?',
      ],
      [
        'PENCE',
        'Gennifer Flowers will not be attending the debate tomorrow night. Donald Trump was using the tweet yesterday really to mock an effort by Hillary Clinton',
      ],
      ['PENCE', 'And that’s why Donald Trump is on his way to the White House'],
    ])
  })
})

describe('a tag with a longer source inside the sentence is parenthetical', () => {
  it('"Back in Virginia, Mr. Clarke said, he decided …" holds the whole sentence (The New York Times, 2016)', () => {
    const text = 'Back in Virginia, Mr. Clarke said, he decided to take aim at the coal industry.\n'
    const a = runAttribution(text, [{ surface: 'Clarke', type: 'PERSON', entity: 'Tom Clarke' }])
    expect(a.attributions).toHaveLength(1)
    check(text, a.attributions[0], {
      source: 'Mr. Clarke',
      cue: 'said',
      content: 'Back in Virginia, Mr. Clarke said, he decided to take aim at the coal industry',
      rule: 'parenthetical',
    })
  })
})
