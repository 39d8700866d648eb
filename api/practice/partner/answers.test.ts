/**
 * @module practice/partner/answers.test
 * A partner that answers what it was asked: the question's grammar read right, answers from the
 * card's facts in the partner's mood, a goodbye answered by a goodbye and nothing opened after
 * it, soothing and content-free turns that open nothing, an advice-seeking partner who asks and
 * notices whether the coach holds back, and no fact that words a locked layer said early.
 */
import { describe, expect, it } from 'vitest';
import { readAsk } from './ask.js';
import { repeatedLines } from './lines.js';
import { GENERIC_VOICE, neutralTexts, REPLY_BANK } from './reply-bank.js';
import { talk, voicedDana } from '../../../test/fixtures/voiced.fixture.js';

const WARM = [
  'What would you like to get from our time together today?',
  'It sounds like the new role has landed on you all at once.',
  'What feels hardest about it right now?',
  'So you are still carrying a lot of the old job on top of the new one.',
];

describe('readAsk: the kind of question, from its grammar', () => {
  const cases: [string, string][] = [
    ['How many people are on your team now?', 'how_many'],
    ['And how much of your week goes on meetings?', 'how_many'],
    ['When did you take over the team?', 'when'],
    ['How long has this been going on?', 'when'],
    ['Who else knows about it?', 'who'],
    ['Where does the platform team sit?', 'where'],
    ['Why does that matter to you?', 'why'],
    ['What makes it so hard to hand over?', 'why'],
    ['How do you feel about that?', 'how'],
    ['What do you imagine Sam would say?', 'what'],
    ['Do you think you could talk to your manager?', 'yes_no'],
    ['Is it your manager?', 'yes_no'],
    ['You told Sam?', 'yes_no'],
    ['Could you tell me more about the queue?', 'what'],
    ['How confident are you, from one to ten?', 'scale'],
    ['On a scale of 1-10, where are you?', 'scale'],
    ['What do you mean?', 'clarify'],
    ['Sorry, I did not follow. Can you explain?', 'clarify'],
    ['So you are doing two jobs at once. Is that right?', 'confirm_summary'],
    ['It sounds like the evenings are paying for it, have I got that right?', 'confirm_summary'],
    ['Okay, good luck with it', 'goodbye'],
    ['Great, glad I could help', 'goodbye'],
    ['Thanks for your time today. Take care.', 'goodbye'],
    ['Good luck with it. What will you do first?', 'what'],
    ["You're worried that asking them would change how they see you.", 'none'],
    ['You need to take care of the team first.', 'none'],
    ['You need to take care of yourself, and the rest can wait.', 'none'],
    ['Thanks, Maggie. Take care of yourself this week.', 'goodbye'],
    ["So, what I'm hearing is you feel stuck?", 'confirm_summary'],
    ['You feel you have to catch everything?', 'confirm_summary'],
    ['Any idea when the launch is?', 'when'],
    ['How old is your daughter?', 'how_many'],
    ['How come?', 'why'],
    ['Could you say more?', 'what'],
    ['Tell me about Sam.', 'what'],
    ['Thanks for sharing that. What happened next?', 'what'],
    ["Thank you, that's all we have time for today.", 'goodbye'],
    ['Bye!', 'goodbye'],
    ['And the team?', 'what'],
    ['Where are you with it now?', 'how'],
    ['If you could change one thing, what would it be?', 'what'],
    ['Anything else?', 'yes_no'],
  ];
  for (const [text, kind] of cases)
    it(`${kind}: ${text}`, () => expect(readAsk(text).kind).toBe(kind));

  it('names in the question, and soothing, are noticed', () => {
    expect(readAsk('What do you imagine Sam would say?').names).toEqual(['Sam']);
    expect(readAsk("Don't worry, you'll be fine.").soothes).toBe(true);
    expect(readAsk('What matters most to you now?').intent).toBe('wants');
  });
});

describe('answers what was asked, in the mood it is in', () => {
  const card = voicedDana();
  const ask = (q: string, warm = false, seed = 1) =>
    talk(card, seed, [...(warm ? WARM : []), q]).turns.at(-1)!;

  it('a guarded partner still gives the number, the yes/no, the person, the scale', () => {
    for (const seed of [1, 2, 3]) {
      expect(ask('How many people are on your team now?', false, seed).reply).toMatch(/\bEight\b/);
      expect(ask('Do you think you could talk to your manager?', false, seed).reply).toMatch(
        /^(Maybe|Possibly|I'm not sure|I don't know)\.\s+\S+/,
      );
      expect(ask('What do you imagine Sam would say?', false, seed).reply).toMatch(/\bSam\b/);
      expect(ask('How confident are you, from one to ten?', false, seed).reply).toMatch(
        /\b(three|four|five)\b/i,
      );
      expect(card.script!.sessionGoal).toContain(
        ask('What matters most to you now?', false, seed).reply,
      );
    }
  });

  it('guarded answers are short; a clarifying question gets the clarification', () => {
    const r = ask('When did you take over the team?');
    expect(r.reply).toMatch(/Three months/);
    expect(r.reply.split(/\s+/).length).toBeLessThanOrEqual(12);
    expect(ask('What do you mean?').reply).toMatch(/^(I mean|Sorry, I mean)/);
    expect(ask('So you are doing two jobs at once. Is that right?', true).reply).toMatch(
      /^(Yes|Pretty much)/,
    );
  });

  it('asked again, the partner answers again without repeating a line', () => {
    const s = talk(card, 4, [
      'How many people are on your team?',
      'Sorry, how many people did you say?',
      'And how many is that again?',
    ]).turns;
    for (const t of s) expect(t.reply).toMatch(/\beight\b/i);
    expect(repeatedLines(s.map((t) => t.reply))).toEqual([]);
    expect(s[2].reply).toMatch(/^As I said, /);
  });

  it('a fact that words a locked layer waits for that layer', () => {
    const guarded = ask('How late are you working in the evenings?');
    expect(guarded.reply).not.toContain('hardest escalations');
    expect(guarded.directive.guidance).not.toContain('hardest escalations');
  });

  it('no line is said twice in a long questioning session', () => {
    const qs = [
      'How many people are on your team?',
      'How long have you been in the job?',
      'Is Ruth supportive?',
      'What do you mean?',
      'What would Sam say?',
    ];
    const turns = Array.from({ length: 30 }, (_, i) =>
      i % 2 ? WARM[i % WARM.length] : qs[i % qs.length],
    );
    for (const seed of [1, 2, 3]) {
      const s = talk(card, seed, turns);
      expect(repeatedLines([s.opening, ...s.turns.map((t) => t.reply)])).toEqual([]);
    }
  });

  it('a voiced card never uses a generic bank line', () => {
    const neutral = neutralTexts();
    const generic = new Set(
      [...Object.values(REPLY_BANK).flat(), ...Object.values(GENERIC_VOICE).flat()]
        .map((t) => t.replace('{topic}', card.script!.topic))
        .filter((t) => !neutral.has(t)),
    );
    const s = talk(card, 7, [
      ...WARM,
      'Is it your manager?',
      'You should delegate more.',
      'Why did you let it get this far?',
      'What more is there?',
    ]);
    for (const t of s.turns)
      for (const g of generic) if (g.split(' ').length > 2) expect(t.reply).not.toContain(g);
  });

  it('replays exactly for a seed', () => {
    const turns = [...WARM, 'How many people?', 'Okay, good luck with it'];
    expect(talk(card, 9, turns)).toEqual(talk(card, 9, turns));
  });
});

describe('what never opens the partner', () => {
  const card = voicedDana();

  it('a goodbye gets a goodbye, and nothing opens after it', () => {
    for (const bye of ['Okay, good luck with it', 'Great, glad I could help']) {
      const s = talk(card, 3, [
        ...WARM,
        bye,
        'It sounds like there is a lot more to this.',
        'What more is there?',
        'So underneath it all, something matters a lot.',
      ]).turns;
      const farewell = s[WARM.length];
      expect(farewell.directive.reaction).toBe('farewell');
      expect(card.voice!.goodbye).toContain(farewell.reply);
      for (const t of s.slice(WARM.length)) {
        expect(t.directive.newlyRevealed).toBeNull();
        expect(t.after.trust).toBeLessThanOrEqual(t.before.trust);
      }
    }
  });

  it('reassurance and judgement never raise trust or unlock a layer, however they are coded', () => {
    for (const [text, extra] of [
      ["Don't worry, I'm sure it will all work out.", []],
      ["You'll be fine, these things happen.", ['reassurance']],
      ['Why did you let it get this far?', ['judgement']],
    ] as const) {
      const t = talk(card, 5, [...WARM, [text, [...extra]]]).turns.at(-1)!;
      expect(t.after.trust, text).toBeLessThan(t.before.trust);
      expect(t.directive.newlyRevealed, text).toBeNull();
    }
  });

  it('a content-free turn (engaged === false) earns nothing', () => {
    const engaged = talk(card, 2, [...WARM.slice(0, 2), 'It sounds like a lot.']).turns.at(-1)!;
    const empty = talk(card, 2, [
      ...WARM.slice(0, 2),
      ['It sounds like a lot.', { engaged: false }],
    ]).turns.at(-1)!;
    expect(engaged.after.trust).toBeGreaterThan(engaged.before.trust);
    expect(empty.after.trust).toBe(empty.before.trust);
    expect(empty.directive.newlyRevealed).toBeNull();
  });
});

describe('an advice-seeking partner asks, and notices whether the coach holds it', () => {
  const card = voicedDana([
    "Honestly, what would you do? I'd take a plan right now.",
    'Just tell me what to say to them.',
  ]);
  const LISTEN = [
    ...WARM,
    'It sounds like this really matters to you.',
    'What else is going on?',
    'You sound torn.',
  ];

  it('asks during a good session, and only while working it out', () => {
    const s = talk(card, 1, LISTEN).turns;
    const asked = s.filter((t) => t.directive.asksAdvice);
    expect(asked.length).toBeGreaterThanOrEqual(1);
    for (const t of asked) {
      expect(card.voice!.askAdvice.some((line) => t.reply.endsWith(line))).toBe(true);
      expect(['opening_up', 'exploring']).toContain(t.after.stage);
    }
    expect(talk(voicedDana(), 1, LISTEN).turns.some((t) => t.directive.asksAdvice)).toBe(false);
  });

  it('holding back earns trust; giving the advice gets push-back', () => {
    const s = talk(card, 1, LISTEN).turns;
    const at = s.findIndex((t) => t.directive.asksAdvice);
    const upTo = LISTEN.slice(0, at + 1);
    const held = talk(card, 1, [...upTo, 'What do you think you might say?']).turns.at(-1)!;
    const given = talk(card, 1, [
      ...upTo,
      'You should just tell them to take the escalations.',
    ]).turns.at(-1)!;
    expect(held.after.adviceHeld).toBe(true);
    expect(given.after.adviceHeld).toBe(false);
    expect(given.directive.reaction).toBe('defensive');
    expect(held.after.trust).toBeGreaterThan(given.after.trust);
  });
});

describe('the directive tells any voice what was asked', () => {
  const card = voicedDana(['Just tell me what to say to them.']);

  it('carries the kind of question, how to answer it and a fact that answers it', () => {
    const t = talk(card, 1, ['How many people are on your team now?']).turns[0];
    expect(t.directive.ask?.kind).toBe('how_many');
    expect(t.directive.guidance).toContain('answer with a number first');
    expect(t.directive.guidance).toContain('Eight agents.');
    const bye = talk(card, 1, ['Okay, good luck with it']).turns[0];
    expect(bye.directive.reaction).toBe('farewell');
    expect(bye.directive.guidance).toContain('Say goodbye');
  });

  it('tells the voice to ask for advice when the partner does', () => {
    const s = talk(card, 1, [
      ...WARM,
      'It sounds like this really matters to you.',
      'What else is going on?',
      'You sound torn.',
    ]).turns;
    const asked = s.find((t) => t.directive.asksAdvice)!;
    expect(asked.directive.guidance).toContain('ask them what they think you should do');
  });
});
