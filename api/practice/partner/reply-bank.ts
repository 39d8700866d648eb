/**
 * @module practice/partner/reply-bank
 * Lines not written for one character. `NEUTRAL_LINES` is the tiny set every partner may share
 * (acknowledgements, yes and no, a number on a scale): anything with character belongs to the
 * card. `REPLY_BANK` and `GENERIC_VOICE` are the fallback for a card without its own voice
 * (`card.voice`): a card that has one never hears them, so characters do not share stock
 * lines. `{topic}` and `{other}` are filled from the card's script, never with hidden content.
 *
 * Rules for every line: the partner talks about their own situation, never asks about the
 * coach's life and never advises the coach; short and defensive lines stay short.
 */

export const REPLY_BANK = {
  /** a reflection landed while the partner is still guarded: tentative agreement */
  heard_guarded: [
    "Yeah. That's about it.",
    "Mm. I suppose that's fair.",
    'Right. Yes.',
    "That's one way of putting it.",
    'Yes, more or less.',
    'I suppose so, yes.',
    'Mm, roughly.',
    'Okay. Yes.',
    'Yes. Well, partly.',
    'That sounds about right.',
  ],
  /** a reflection landed once the partner has opened up: warmer, goes on */
  heard_open: [
    'Yes. Exactly that.',
    "That's it, really.",
    "Yes. It's a relief to hear it said back, actually.",
    "Mm. Yes, that's it.",
    "That's exactly how it feels.",
    'Yes, and hearing it out loud makes it sound less mad.',
    "That's closer than I expected.",
    "Yes. Although there's more to it.",
    "Hmm. Hearing that back, I notice how much it's been weighing on me.",
    "Yes, that's fair.",
    "Right. That's the bit I keep tripping over.",
    "Yes. I hadn't quite put it like that, but yes.",
    "Mm. That's it, and it's a bit uncomfortable to hear.",
    'Yes. Thank you for getting that.',
  ],
  /** an open question while guarded: hesitant start */
  curious_guarded: [
    'Hard to say, really.',
    'Where do I start.',
    "Honestly, I'm not sure.",
    'Hmm. Let me think.',
    "It's complicated.",
    'Well.',
    "I don't know, it's just a lot.",
    'Mm. Okay.',
    "That's a big one.",
  ],
  /** an open question once opened up: thinks aloud */
  curious_open: [
    'Good question.',
    'Hmm, let me think about that.',
    "That's a good one, actually.",
    'Let me try to put it into words.',
    'Okay, honestly?',
    "I haven't really thought about it like that.",
    'Mm. Where it really starts is this.',
    'I need a second with that one.',
    'That makes me think.',
    'Let me be honest.',
    'Right. Thinking out loud here.',
  ],
  /** when the scenario's own surface lines are used up (guarded, opening up) */
  content_surface: [
    "It's {topic}, really. It's on my mind a lot.",
    'I keep going round in circles about {topic}.',
    "It isn't a disaster. It's just not great.",
    "I'm probably making more of it than I should.",
    'Most days I just get on with it.',
    "It's fine, mostly. Mostly.",
    "It's been like this for a few weeks now.",
    'I thought it would have settled down by now.',
  ],
  /** when the scenario's own deeper lines are used up (exploring onwards) */
  content_deeper: [
    "It's been on my mind more than I'd like to admit.",
    "I notice I'm tired in a way I wasn't a year ago.",
    "Part of me knows what's going on and part of me doesn't want to look at it.",
    "I think I've been telling myself it will sort itself out.",
    'Saying it to someone is different from thinking it at two in the morning.',
    "It isn't really about one thing. It's how it all adds up.",
    "I haven't said this much about it to anyone.",
    "There's a bit of me that's embarrassed about it, to be honest.",
    "When I slow down and look at it, it's less tangled than it felt.",
    "I think I've been carrying {topic} on my own for too long.",
  ],
  /** a goal or agreement question: the partner sets the frame */
  agreeing: [
    "That's a fair question to start with.",
    "Good, yes, let's be clear about that.",
    'Hmm. What do I want from this.',
    "Okay. I like that we're agreeing that first.",
    'Right. Let me think what would make this worth it.',
    'Mm. Good to pin that down.',
    'Honestly, I had not thought about what I wanted from today.',
  ],
  /** a goal question once the partner has reached insight: reviewing what the session gave */
  agreeing_review: [
    "Yes, I think we have. I came in muddled and I'm leaving with something real.",
    'More than I expected, honestly.',
    "Yes. I know what I want now, and that's most of it.",
    'I think so. Saying it out loud helped more than I thought it would.',
    "Nearly. I'd like to be sure I'll actually follow through.",
    'Yes. It feels different from when I walked in.',
    "I think that's what I needed, yes.",
  ],
  /** what the partner wants from the session, when the card has none of its own */
  session_goal: [
    "I'd like to leave with a clearer head about {topic}.",
    'Mainly I want to think out loud about {topic} without being judged.',
    'Just some clarity. And maybe one thing I can actually do.',
    'I think I want to understand why {topic} gets to me so much.',
  ],
  /** lead-in when an incisive question lands and the want surfaces */
  insight: [
    'Oh.',
    "Huh. That's… a good question.",
    'Hmm. That stops me for a second.',
    'Wow. Okay.',
    'I need a moment with that.',
    "That isn't the question I expected.",
  ],
  /** another incisive question once insight is reached */
  challenged_again: [
    'That question keeps landing, actually.',
    "When I put it like that, the thing I've been assuming looks a lot less solid.",
    'I keep coming back to that.',
    "If that's true, a lot of what I've been worrying about falls away.",
    'It is strange how different it looks from that angle.',
    "Mm. I think I've been treating a guess as a fact.",
  ],
  /** lead-in when the partner commits to an action */
  commit: [
    'Right.',
    'Okay. Yes.',
    "Actually, I know what I'm going to do.",
    'Let me say it out loud so I mean it.',
    "I think I've got it.",
  ],
  /** more action questions once committed: when, who, first step */
  commit_detail: [
    "I'll put it in my diary before I leave today.",
    'Saying it out loud makes it real.',
    "On a scale of one to ten, I'd say I'm an eight that I'll do it.",
    "I'll let you know how it went when we next meet.",
    "The first step is small enough that I can't really talk myself out of it.",
    "If I notice myself putting it off, I'll take that as a sign, not a failure.",
    'I feel lighter already, which is a bit ridiculous.',
  ],
  /** an action question before insight: hesitation */
  premature_action: [
    "I don't know yet. I haven't really worked out what's going on.",
    "Do? I'm not there yet.",
    "I'm not sure I'm ready to talk about next steps.",
    "Hmm. It feels like we're jumping ahead a bit.",
    "I could come up with something, but it wouldn't mean much yet.",
    "I'd just be saying something to have an answer.",
    "Honestly, I haven't got that far.",
    "I'd rather understand it better first.",
  ],
  /** an incisive question before the assumption surfaced: does not land */
  premature_incisive: [
    "I'm not sure what that's getting at.",
    "That's a big question. I don't know.",
    "Hmm. I don't really see it like that.",
    "I'm not sure that's the issue.",
    "I'd need to think about that. It doesn't quite fit.",
    'That feels a bit out of the blue.',
  ],
  /** a closed question: a brief answer, nothing volunteered */
  short: [
    'Maybe.',
    'I suppose so.',
    'Sort of.',
    'Not really.',
    'Yes, I guess.',
    'Possibly.',
    'Hard to say.',
    'Kind of.',
    'No, not really.',
    'I think so.',
    'Could be.',
    'Yes and no.',
    'A bit.',
    'I mean… maybe.',
    'Not sure.',
    'Perhaps.',
  ],
  /** a leading question: a brief, slightly resistant answer */
  short_leading: [
    'If you say so.',
    'I mean, I suppose I could.',
    "Maybe. I don't know.",
    "That's easy to say.",
    'Mm. Possibly.',
    "I suppose that's one answer.",
    'Sure. Maybe.',
    "That's what everyone says.",
  ],
  /** stacked questions */
  overwhelmed: [
    'Sorry, which one?',
    "That's a lot of questions at once.",
    'Hang on, I lost track there.',
    "Um. I'm not sure which to answer first.",
    "I'm not sure where to start with all that.",
    "Too many questions. I've gone blank.",
    'Sorry, I got lost halfway through.',
    "Right. I'll take the first one, I think.",
    "Let me just take the last bit. I'm not sure.",
    'My mind has gone blank, sorry.',
    "That's three questions, and I'm not sure about any of them.",
    'Wait. Which bit first.',
  ],
  /** first unasked advice or judgement: pushes back */
  defensive: [
    "I didn't come here to be told what to do.",
    "Right. Well, it isn't that simple.",
    'Easy to say from the outside.',
    "I've thought of that, actually.",
    "Okay. I'm not sure that's what I need right now.",
    "Hmm. That's a bit of a leap.",
    "I know, I know. It's just not that easy.",
    'That feels a bit harsh, honestly.',
    "Mm. Maybe I shouldn't have brought it up.",
    "If it were that easy I'd have done it already.",
    "I wasn't really asking for a fix.",
    "That isn't quite fair.",
    "There's more to it than that.",
    "I'm not sure the whole picture is coming across.",
  ],
  /** repeated advice or judgement: closed down, a few words */
  withdrawn: [
    'Fine.',
    'Okay.',
    'Mm.',
    'Right.',
    'If you say so.',
    'Sure.',
    'Noted.',
    "Let's just move on.",
    'Yeah. Okay.',
    "I don't really want to go into it.",
    'Can we leave that.',
    'Mm, fine.',
    "I'll think about it.",
    'Alright.',
    'Whatever works.',
    'Maybe.',
  ],
  /** advice after the partner agreed to hear it */
  welcome_idea: [
    "Hmm. That's worth thinking about.",
    "I hadn't looked at it that way. I'd have to make it work for me, though.",
    "Maybe. I'm not sure it fits with {other}, but the idea is useful.",
    "Okay. I'll hold that lightly, but thank you.",
    "That's interesting. It makes me think of something I could try myself.",
    'Hmm. Part of that could work.',
    "Thanks for asking first. Yes, that's useful to hear.",
    "I'm not sure, but I'll think about it.",
  ],
  permission_granted: [
    'Go on then.',
    "Sure, I'm listening.",
    'Yes, go on.',
    "Okay, I'd like to hear it.",
    "Please. I'm all ears.",
    'Yes, fine. Go ahead.',
  ],
  permission_refused: [
    "Honestly, I'd rather work it out myself for now.",
    "Not yet, if that's okay.",
    "Maybe later. I'm still getting my head round it.",
    "I'd rather just talk it through first.",
    'Hmm. Not right now.',
  ],
  /** a specific affirmation */
  affirmed: [
    'Thanks. That means something.',
    'Oh. Thank you.',
    "That's kind. I don't always feel it.",
    "Huh. I hadn't thought of it as a strength.",
    "Thanks. I'm not sure I believe it yet, but thanks.",
    "That's nice to hear, actually.",
    'Mm. Thank you.',
    "I'll take that.",
  ],
  /** information, self-disclosure, anything else: acknowledges and carries on */
  neutral: [
    'Mm.',
    'Okay.',
    'Right.',
    'I see.',
    'Hmm, okay.',
    'Sure.',
    'Mm, yes.',
    'Okay then.',
    'Right, yes.',
    'Fair enough.',
  ],
  /** openings when a card has no script */
  opening: [
    'Hi. Thanks for making time. I wanted to talk about {topic}, I suppose.',
    "Hello. I'm not totally sure where to start, but it's about {topic}.",
    "Thanks for this. It's {topic}. It's been on my mind.",
  ],
} as const satisfies Record<string, readonly string[]>;

export type ReplyBankKey = keyof typeof REPLY_BANK;

/** Lead-ins for a card without a script when a hidden layer surfaces; `{text}` is that layer. */
export const GENERIC_DISCLOSURE = {
  concern: ['Okay. The real thing is this. {text}', "If I'm honest: {text}"],
  assumption: [
    "I think underneath it all there's this: {text}",
    'What I keep telling myself is this. {text}',
  ],
  want: ['Oh. When I put it like that… {text}', 'Hmm. What I actually want? {text}'],
  action: ['Right. {text}', "Okay, I've decided. {text}"],
} as const;

/**
 * The neutral set: short lines any person might say, shared by every partner and allowed to
 * recur in a session (a colleague says "Mm." more than once). Nothing here carries a character,
 * a topic or content; the eval counts every other line a partner shares with another as a fault.
 * `{n}` is a number from one to ten, written as a word and filled by `withNumber`, which gives
 * it its article ("a four", "an eight").
 */
export const NEUTRAL_LINES = {
  ack: ['Mm.', 'Okay.', 'Right.', 'Hmm.', 'I see.', 'Mm, yes.'],
  thanks: ['Thanks.', 'Thank you.', 'Thanks for this.'],
  yes: ['Yes.', 'Yes, I think so.', 'I think so.'],
  maybe: ['Maybe.', 'Possibly.', "I'm not sure.", "I don't know."],
  no: ['No.', 'Not really.', 'Not yet.'],
  insight: ['Oh.', 'Huh.', 'Hmm.'],
  overwhelmed: ['Sorry, which one?', 'Hang on, one at a time.'],
  permissionGranted: ['Go on, then.', 'Yes, go on.'],
  permissionRefused: ["Not yet, if that's okay.", 'Maybe later.'],
  welcomeIdea: ["Hmm. That's worth thinking about.", "Maybe. I'll think about it."],
  partly: ['Partly.', 'Not quite.'],
  /** a summary that got a fact wrong (another person, number or feeling) */
  wrong: ['Not quite.', 'No, not quite.'],
  /** asked about lunch or the weekend: brief and polite, before getting back to it */
  smallTalk: ['Oh, nothing much.', 'Not much, honestly.'],
  /** a plan said back to them that they never made: honest, not adopted */
  notTheirPlan: ["I hadn't got that far.", "Maybe. Not sure that's it yet."],
  nobody: ['Nobody yet, really.', 'No one, so far.'],
  tried: ['Not much, honestly.'],
  accepted: ["It's fine.", "That's okay."],
  /** asked about their private life with nothing of it on the card (age, salary, religion) */
  personal: ["I'd rather keep this to work."],
  confirmed: ['Yes.', 'Yes, more or less.'],
  both: ['Both, probably.', 'A bit of both.'],
  /** asked when they will do something they have not chosen yet: not decided, so no time */
  undecided: ["I haven't decided anything yet.", "Nothing's decided yet, honestly."],
  undecidedWhen: ["So I couldn't say when.", "So I can't say when yet."],
  /** asked how things should be later on, with every goal of theirs said */
  pictured: ["I haven't pictured that far ahead.", "That's hard to picture from here."],
  hope: ['Better than now, I hope.'],
  scale: ['About a {n}.', 'A {n}, I think.', 'Maybe a {n}.'],
  /** the same number as said before, and a higher one than said before */
  scaleSame: ['Still about a {n}.'],
  scaleHigher: ['Higher now. A {n}, I think.'],
} as const satisfies Record<string, readonly string[]>;

export type NeutralKey = keyof typeof NEUTRAL_LINES;

/** Every neutral line as a reader sees it (numbers filled in), for the eval's shared-lines count. */
export function neutralTexts(): Set<string> {
  const out = new Set<string>();
  for (const lines of Object.values(NEUTRAL_LINES)) {
    for (const line of lines) {
      if (!line.includes('{n}')) out.add(line);
      else for (let n = 1; n < NUMBER_WORDS.length; n++) out.add(withNumber(line, n));
    }
  }
  return out;
}

/**
 * A line with `{n}` filled by a number in words, the article before it agreeing with the sound
 * of the number: "About a {n}." says "About a four." and "About an eight.", never "a eight".
 */
export function withNumber(template: string, n: number): string {
  const word = NUMBER_WORDS[n] ?? String(n);
  const an = /^(eight|eleven|eighteen|eighty|8$|11$|18$|80)/.test(word);
  return template
    .replace(/\b([Aa]) \{n\}/g, (_, a: string) => `${a}${an ? 'n' : ''} ${word}`)
    .replaceAll('{n}', word);
}

export const NUMBER_WORDS = [
  'zero',
  'one',
  'two',
  'three',
  'four',
  'five',
  'six',
  'seven',
  'eight',
  'nine',
  'ten',
] as const;

/**
 * The fallback voice for a card written without one (`card.voice`): generic, so shared by
 * every such card. A card with a voice never uses these lines.
 */
export const GENERIC_VOICE = {
  guarded: [
    "I'd rather not go into that yet.",
    "I'm not sure I want to get into that.",
    "Let's leave that for now.",
  ],
  hesitant: [
    "I haven't really thought about it.",
    "I'm not sure I'm ready to say.",
    'Let me think about that.',
  ],
  pushback: ["There's more to it than that.", "I'm not sure that's what I need right now."],
  /** only for a card whose brief or persona says the partner asks for advice (see `transition.ts`) */
  askAdvice: [
    "Honestly, what should I say? I'd take a script right now.",
    'What would you say, in my place?',
  ],
  clarify: ['I mean {topic}, mostly.', "I suppose I mean it's been hard to put into words."],
  confirmSummary: ["Yes, that's about it.", "Yes. That's it, really."],
  notSure: [
    "I couldn't tell you, honestly.",
    "I don't know, to be honest.",
    "I'm not sure I know.",
  ],
  goodbye: ['Thanks. This helped.', "Thanks for listening. I'll let you know how it goes."],
} as const satisfies Record<string, readonly string[]>;
