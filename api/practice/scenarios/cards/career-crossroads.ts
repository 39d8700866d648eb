/**
 * @module practice/scenarios/cards/career-crossroads
 * Aisha, offered the team lead role everyone expects her to take, who would rather go deep.
 */
import type { PartnerCard } from '../../types.js';

export const CAREER_CROSSROADS: PartnerCard = {
  id: 'career-crossroads',
  version: '1',
  title: 'A career crossroads',
  difficulty: 'moderate',
  partner: { name: 'Aisha Rahman', role: 'Senior Data Analyst', team: 'Finance Analytics' },
  brief:
    'Aisha has been offered the team lead role for Finance Analytics and has to answer by the end of next week. She has asked for a Learning Partnership session to use you as a sounding board.',
  focus: ['questioning', 'agreement'],
  persona:
    'Thoughtful, measured and analytical; reaches for pros and cons and speaks in careful sentences. Slightly guarded about feelings, and lights up when she talks about the detail of her work. Goes quiet and polite when pushed towards an answer.',
  hidden: {
    concern:
      "I don't actually want the team lead job. I'm drifting towards saying yes because everyone expects it, and I feel sick when I imagine a diary full of meetings.",
    assumption: "If I turn down a promotion, people will decide I'm not ambitious, and I'll never be offered anything again.",
    want: 'I want to grow as an expert, do deep modelling work and be known for it. Progress for me is depth, not a bigger team.',
    action:
      "Before I answer the offer, I'll ask Gareth on Friday whether the principal analyst track is real, and tonight I'll write down what I'd need from it.",
  },
  script: {
    topic: 'the offer',
    other: 'Gareth',
    openings: [
      "Hi. So I've been offered a promotion. Which is good news. Apparently.",
      "Thanks for this. I have a decision to make by next Friday and my pros-and-cons list isn't helping.",
      'Hello. I need a sounding board about the team lead offer, I think.',
    ],
    surface: [
      "Gareth, my manager, is moving to a regional role, and he's recommended me to replace him.",
      "It's six people, a budget, and a seat at the finance leadership meeting.",
      "The money's better. Not hugely, but better.",
      'My parents were thrilled when I told them. My sister sent a row of champagne emojis.',
      "I've been here five years. I built most of the forecasting models we use.",
      'I made a spreadsheet. Of course I did. Pros on the left, cons on the right.',
    ],
    sessionGoal: [
      "I'd like to be clearer about what I actually think, rather than what I'm supposed to think.",
      "I want to walk out knowing how to make this decision, even if I haven't made it yet.",
      'Some clarity before I talk to Gareth again.',
    ],
    disclose: {
      concern: [
        "If I'm completely honest, I don't want it. When I imagine a diary full of meetings, I feel a bit sick. But I'm drifting towards yes anyway.",
        "The thing I haven't said to anyone is that I don't really want the job. I'm just not sure I'm allowed not to want it.",
      ],
      assumption: [
        "I think if I say no, they'll decide I'm not ambitious. And then that's it. I'll never be offered anything again.",
        "Underneath it is this: turning down a promotion is career suicide. At least, that's what I've always believed.",
      ],
      want: [
        "If I knew saying no wouldn't end my career, I'd say it. What I want is to grow as an expert. Depth, not a bigger team.",
        "Oh. Put like that, it's obvious. I want to be the person people bring the hardest modelling problems to. That's my kind of ambition.",
      ],
      action: [
        "Before I answer, I'll ask Gareth on Friday whether the principal analyst track is real. And tonight I'll write down what I'd need from it.",
        "I'll book time with Gareth on Friday, tell him honestly where I am, and ask about the principal track before I give an answer.",
      ],
    },
    elaborate: {
      concern: [
        'The best day I had last month was three days lost in a forecasting model. Nobody interrupted me once.',
        "Gareth spends his days in budget meetings. He hasn't opened a model in two years.",
        'Every time someone congratulates me, I smile and something in my stomach drops.',
      ],
      assumption: [
        "My dad always said you take every step up you're offered, because there's no second chance.",
        "Actually, Priyanka in risk turned down a management role two years ago. She's a principal now.",
        "I've never actually checked whether there's another way up here.",
      ],
      want: [
        "Ambition doesn't have to mean managing people. I think I forgot that.",
        "I'd like to build the new demand model properly. That would be a real legacy.",
        "It feels like permission, honestly. To want what I actually want.",
      ],
      action: [
        "If the track isn't real, that's useful to know too. Then it's a different decision.",
        "I'll tell Gareth I'm grateful for the recommendation first. Because I am.",
        "I'll have my notes ready by Thursday evening.",
      ],
    },
    pushback: [
      "I didn't ask for a decision. I asked for a sounding board.",
      "It's not that simple. There's the money, and my family.",
      'Everyone says take it. I know what everyone says.',
    ],
  },
};
