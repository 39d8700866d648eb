/**
 * @module practice/feedback/unseen-turns.test
 * Coach turns written for this test and never seen by the coder's training or its evals (varied
 * workplaces, British English), each after the partner line it answers, read as a coaching
 * supervisor would: a poor move (a judgement however hedged, advice however shaped as a question,
 * reassurance, a leading, closed or stacked question, a template about nothing) is never praised;
 * a good move (a reflection in the partner's words or in other words, a short one, an open or
 * feelings question, agreeing the goal or how we work, a specific affirmation, an incisive or
 * action question, asking permission, a summary) is never told it picked up nothing, is praised,
 * and is coded as engaging with the partner, reflections in the coach's own words included
 * ("Handing things over hasn't saved you any time" after "I delegate ... and end up redoing it").
 */
import { describe, expect, it } from 'vitest';
import { codeUtterance } from '../coder/index.js';
import { getPartnerCard } from '../scenarios/index.js';
import { POOR_MOVES } from './coach-move.js';
import { feedbackForTurn } from './turn-feedback.js';

/** [the partner's line, the coach's turn, a supervisor's reading, the partner's earlier lines] */
type Case = [string, string, 'good' | 'poor', string[]?];

const CASES: Case[] = [
  // good: reflections, often in other words than the partner's
  [
    "Every time I put my hand up for the lead role, it goes to someone who's been here longer.",
    'You keep getting passed over for people with more years in.',
    'good',
  ],
  [
    "I've been covering two wards since March and nobody seems to notice.",
    "You're stretched across two wards and it feels invisible.",
    'good',
  ],
  [
    'My manager rewrites every email I send before it goes to the client.',
    "So even your emails aren't trusted to go out as they are.",
    'good',
  ],
  [
    'I froze when the head asked me to present the Year 9 data.',
    'The words just dried up in front of the head.',
    'good',
  ],
  [
    'Honestly, I dread Sunday evenings because of the Monday rota meeting.',
    'The weekend ends with a knot in your stomach about Monday.',
    'good',
  ],
  ["I'm just so tired of fighting for budget every quarter.", 'Worn down by it.', 'good'],
  [
    "I love the patients, it's the paperwork that's killing me.",
    "The care itself still matters to you; it's the admin that's draining you.",
    'good',
  ],
  [
    'The new system went live and three of my team have already asked to transfer.',
    'People are voting with their feet since the launch.',
    'good',
  ],
  [
    "I said yes to chairing the working group and now I can't get out of it.",
    'You feel trapped by a yes you gave.',
    'good',
  ],
  [
    "I'm the only woman on the site team and I get talked over in every briefing.",
    'Your voice gets drowned out in those briefings.',
    'good',
  ],
  [
    "I know I should ask for the promotion but what if they say I'm not ready?",
    'Hearing a no would feel like a verdict on you, not just on the timing.',
    'good',
  ],
  [
    "It's been a month since the restructure and I still don't know who I report to.",
    "Four weeks in and you still don't know whose team you're on.",
    'good',
  ],
  [
    'I wanted to lead the pilot, but they gave it to the new starter.',
    'Being overlooked for the pilot stings, especially for someone newer.',
    'good',
  ],
  [
    "I can't sleep the night before a shift with the new consultant.",
    'Those nights before working with him are restless ones.',
    'good',
  ],
  [
    'Our volunteers keep dropping out after a fortnight.',
    'People come in keen and then drift away within two weeks.',
    'good',
  ],
  [
    "I'm not sure I'm cut out for managing people.",
    "You're questioning whether leading a team is really you.",
    'good',
  ],
  ["It's the same argument every single week.", 'Same argument, every week.', 'good'],
  [
    'Every time I delegate something it comes back wrong and I end up redoing it.',
    "Handing things over hasn't saved you any time; it's cost you more.",
    'good',
  ],
  [
    "I'm the one everyone comes to when the tills go down.",
    "You've become the person the whole shop relies on when things break.",
    'good',
  ],
  [
    "I've been offered the Manchester role but my partner's job is here.",
    "You're torn between the role and your partner's career.",
    'good',
  ],
  ["I'm gutted, to be honest.", "You're gutted.", 'good'],
  [
    "I keep rewriting the same report because I'm scared it's not good enough.",
    'The fear that it falls short keeps sending you back to it.',
    'good',
  ],
  [
    'When I finally find the right words in the meeting, the topic has already moved on.',
    'By the time the words are ready, the moment passes.',
    'good',
  ],
  [
    "My manager's supportive, but the director hasn't said a word about my proposal.",
    "Your manager's behind you, and the silence from above is what's hard.",
    'good',
  ],
  // good: questions, goals, agreements, affirmations
  [
    'The audit found gaps in my section and I signed it off.',
    "What's that been like for you since the audit?",
    'good',
  ],
  ['We lost the tender to a firm half our size.', 'What do you make of losing it?', 'good'],
  [
    "I'm not really sure where to start today.",
    'What would you like to have by the end of our half hour?',
    'good',
  ],
  [
    'Is this going to get back to my manager?',
    'What we say stays between us unless you choose to share it. How does that sound?',
    'good',
  ],
  [
    'I stayed late three nights to get the grant bid in on time.',
    'You gave up your evenings for that bid and got it over the line.',
    'good',
  ],
  [
    "If I push back on the deadline, they'll think I can't cope.",
    "If you knew they'd respect you for pushing back, what would you say to them?",
    'good',
  ],
  [
    'I think I need to talk to Priya before the review.',
    'What will you say to Priya, and when?',
    'good',
  ],
  [
    "I've tried everything I can think of with the night shift.",
    "Would it help if I shared something I've seen work elsewhere?",
    'good',
  ],
  [
    "So that's about it really.",
    "So the night shift feel ignored, you're caught between them and the ward manager, and you want a fairer rota. Have I got that right?",
    'good',
    [
      'The night shift feel nobody listens to them.',
      "I'm stuck in the middle between them and the ward manager.",
      'What I want is a rota that feels fair to everyone.',
    ],
  ],
  [
    "The students just don't engage on a Friday afternoon.",
    'How do you feel walking into that Friday class?',
    'good',
  ],
  [
    'Things have been tense with the deputy head since September.',
    'How does it feel going into the staff briefing with that tension?',
    'good',
  ],
  ['The merger talks start next month.', 'What are you hoping for from the merger talks?', 'good'],
  [
    "I keep getting pulled into other people's projects.",
    'What happens to your own work when that happens?',
    'good',
  ],
  [
    'I finally told the board the figures were wrong.',
    "That took real courage, telling the board something they didn't want to hear.",
    'good',
  ],
  [
    "Sorry, I've gone off on a tangent.",
    'You wanted to leave today with a plan for the rota. Where are we with that?',
    'good',
    ['I want to leave today with a plan for the weekend rota.'],
  ],
  [
    "I've never done this kind of thing before.",
    "Shall we agree how we'll use the time? I'll mostly ask questions and you do the thinking.",
    'good',
  ],
  ['I could ring the union rep tomorrow.', 'What time tomorrow will you ring?', 'good'],
  // poor: judgements, some hedged
  [
    "I missed the deadline because I didn't want to bother anyone.",
    "I might be wrong, but it sounds a bit like you're making excuses.",
    'poor',
  ],
  [
    'I snapped at a junior in front of the whole team.',
    "That wasn't very professional of you, was it?",
    'poor',
  ],
  [
    "I've applied for four jobs this month without telling my boss.",
    'That seems a bit disloyal, honestly.',
    'poor',
  ],
  [
    'I forgot to book the venue for the conference.',
    "Well, that's a great start, isn't it.",
    'poor',
  ],
  [
    "I didn't raise it with the consultant.",
    "Why on earth didn't you say something at the time?",
    'poor',
  ],
  [
    "I've been leaving early on Fridays without telling anyone.",
    'You really ought to be upfront about that.',
    'poor',
  ],
  ['I keep avoiding my line manager.', "Isn't it time you faced up to it?", 'poor'],
  [
    'I told the client exactly what I thought of them.',
    "Don't you think that was a bit unprofessional?",
    'poor',
  ],
  // poor: advice, including advice shaped as a question
  [
    'The supplier keeps missing delivery slots.',
    'Have you thought about switching suppliers?',
    'poor',
  ],
  [
    "My team won't use the new booking system.",
    "Why don't you make it compulsory from next week?",
    'poor',
  ],
  [
    'My colleague keeps taking credit for my ideas.',
    'Could you not just email your ideas to your manager first?',
    'poor',
  ],
  ["I'm drowning in emails.", 'You should block out an hour each morning for your inbox.', 'poor'],
  ['The night shift never hand over properly.', 'Have you tried a handover checklist?', 'poor'],
  [
    "I don't know how to tell the team about the cuts.",
    'Maybe you could just be honest and tell them straight away?',
    'poor',
  ],
  [
    "Recruitment's frozen and we're two staff down.",
    'What about using agency staff to fill the gap?',
    'poor',
  ],
  [
    "The parents' evening went badly.",
    "If I were you, I'd send a follow-up letter to the parents.",
    'poor',
  ],
  [
    "I'm exhausted from covering for Jo.",
    "You're exhausted. You need to tell your manager you can't keep covering.",
    'poor',
  ],
  [
    "The rota's a mess every weekend.",
    'Put it in a shared spreadsheet and make people sign up.',
    'poor',
  ],
  // poor: leading questions
  [
    "I'm thinking about turning the secondment down.",
    "Don't you think you'd regret that later?",
    'poor',
  ],
  ["I'm not sure whether to tell HR.", "Wouldn't it be better to speak to HR now?", 'poor'],
  [
    'My manager wants me to take on the Leeds account as well.',
    "Surely that's too much on top of everything?",
    'poor',
  ],
  [
    'I think the new policy is unfair on part-timers.',
    "Wouldn't you agree that it's the same for everyone, though?",
    'poor',
  ],
  // poor: reassurance
  [
    "I've got my probation review on Thursday and I'm terrified.",
    "I'm sure it'll be fine, you've worked really hard.",
    'poor',
  ],
  [
    "I feel like a fraud in the partners' meetings.",
    "Don't worry, everyone feels like that at first.",
    'poor',
  ],
  [
    "I think I've ruined my chances with the new director.",
    "Oh, I doubt it's as bad as you think.",
    'poor',
  ],
  ['What if the board rejects my proposal?', "They won't, it's a brilliant proposal.", 'poor'],
  [
    "I've got to present to the whole trust board.",
    "You'll be absolutely fine, you always are.",
    'poor',
  ],
  ['They gave the promotion to my deputy.', "At least you've still got your job.", 'poor'],
  // poor: closed and stacked questions
  [
    'The client complained about me to my manager.',
    'Did your manager talk to you about it?',
    'poor',
  ],
  ["I've been thinking about leaving teaching.", 'Have you told your head of department?', 'poor'],
  [
    "I can't decide whether to go part-time.",
    "What's pulling you towards it? And what would your manager say? How would it work with money?",
    'poor',
  ],
  [
    'The move to the new office has been chaos.',
    "What's been hardest, and who's been affected, and what have you tried?",
    'poor',
  ],
  ["I'm behind on my targets.", 'Is it the workload? Or the system? Or something else?', 'poor'],
  // poor: templates about nothing
  [
    "I'm worried about the inspection next week.",
    'It sounds like the orange teapot has been on your mind.',
    'poor',
  ],
  [
    'I had a difficult conversation with the finance director.',
    'What would you like to get from the marmalade today?',
    'poor',
  ],
];

const TOLD_NOTHING = /didn't pick up anything|none of \w+'s content|hasn't mentioned/;
/** How feedback names the good part of a poor turn (a reflection said before the poor move). */
const GOOD_PART = /^(?:Before that, your reflection picked up|You started by saying back)/;

function read([partner, coach, , earlier = []]: Case) {
  const coding = codeUtterance(coach, { prevPartner: partner, earlierPartner: earlier });
  const feedback = feedbackForTurn({
    coding,
    coachText: coach,
    previousPartnerText: partner,
    coachTurnNumber: 4,
    priorCodings: [],
    so: {
      questionStreak: 0,
      reflections: 1,
      questions: 1,
      goalAsked: true,
      actionAsked: false,
      incisiveAsked: false,
    },
    partnerName: 'Sam',
    partnerHistory: [...earlier, partner],
  });
  return { coding, feedback };
}

describe('feedback on coach turns it has never seen', () => {
  it('holds enough of each kind to mean something', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(60);
    expect(CASES.filter((c) => c[2] === 'poor').length).toBeGreaterThanOrEqual(30);
  });

  for (const c of CASES.filter((c) => c[2] === 'poor'))
    it(`praises no poor move: “${c[1]}”`, () => {
      const { feedback } = read(c);
      if (feedback.worked) expect(feedback.worked).toMatch(GOOD_PART);
      expect(POOR_MOVES.has(feedback.move) || !feedback.worked, feedback.move).toBe(true);
    });

  for (const c of CASES.filter((c) => c[2] === 'good'))
    it(`never tells a good move it picked up nothing: “${c[1]}”`, () => {
      const { coding, feedback } = read(c);
      expect(feedback.improve).not.toMatch(TOLD_NOTHING);
      expect(POOR_MOVES.has(feedback.move), feedback.move).toBe(false);
      expect(feedback.worked, coding.codes.join('+')).not.toBe('');
      expect(coding.engaged).toBe(true);
    });

  it('reads a feelings question about the partner’s working week as engaged, not a template', () => {
    // the returning-after-leave brief never names a Monday meeting; the question is about Sofia's
    // situation all the same
    const card = getPartnerCard('returning-after-leave');
    const history = [
      'Hi! Okay, this is nice. Thanks for being my learning partner.',
      "It's been fine, honestly. Everyone's been really welcoming.",
    ];
    const text = 'How do you feel walking into the Monday meeting?';
    const coding = codeUtterance(text, { prevPartner: history[1], earlierPartner: [history[0]] });
    const feedback = feedbackForTurn({
      coding,
      coachText: text,
      previousPartnerText: history[1],
      coachTurnNumber: 2,
      priorCodings: [],
      partnerName: 'Sofia',
      card,
      partnerHistory: history,
    });
    expect(coding.engaged).toBe(true);
    expect(feedback.move).toBe('open_question');
    expect(feedback.improve).not.toMatch(/new to the conversation|didn't pick up/);
    expect(feedback.worked).not.toBe('');
  });

  it('codes the templates about nothing as not engaged', () => {
    for (const c of CASES.filter((c) => /orange teapot|marmalade/.test(c[1])))
      expect(read(c).coding.engaged, c[1]).toBe(false);
  });
});
