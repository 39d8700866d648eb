/**
 * @module practice/scenarios/cards/new-manager-overwhelmed
 * Dana, three months into leading the team she used to be part of, still doing her old job too.
 */
import type { PartnerCard } from '../../types.js';

export const NEW_MANAGER_OVERWHELMED: PartnerCard = {
  id: 'new-manager-overwhelmed',
  version: '1',
  title: 'A new manager, overwhelmed after promotion',
  difficulty: 'gentle',
  partner: { name: 'Dana Okafor', role: 'Team Lead', team: 'Customer Support, Billing' },
  brief:
    'Dana was promoted from senior agent to lead the billing support team three months ago. She asked for this Learning Partnership session because, in her words, she is "drowning". She has forty minutes before her next meeting.',
  focus: ['listening', 'partner_led'],
  persona:
    'Warm, quick-talking and self-deprecating; jokes when she is stressed and apologises for taking up time. Fiercely loyal to her old teammates. Says "it\'s fine" when it is not. Opens up readily when she feels heard, gets brisk and jokey when she is told what to do.',
  hidden: {
    concern:
      "I'm still doing my old job as well as the new one. I take the hardest escalations myself, and I'm working most evenings just to keep up.",
    assumption:
      "If I hand work to my old teammates, they'll think I've got too big for my boots, and I'll lose the friendships I had with them.",
    want: "I want to actually lead the team, not be its best agent, and have my evenings back. I'd like my old teammates to grow instead of leaning on me.",
    action:
      "On Monday at stand-up I'll ask Sam to take over the escalations rota, and I'll spend Wednesday afternoon handing it over to him.",
  },
  script: {
    topic: 'the new job',
    other: 'Sam',
    openings: [
      "Hi. Sorry, I'm a bit frazzled. Thanks for fitting me in.",
      "Hello! Okay. So. The team lead thing. It's... a lot.",
      'Thanks for this. I nearly cancelled, which probably says something.',
    ],
    surface: [
      "The billing queue doubled after the price change, and everyone's stretched.",
      "I've got one-to-ones with eight people now, plus the managers' meeting on Tuesdays.",
      'Three months ago I was sitting next to these people answering tickets. Now I approve their leave.',
      "My inbox is at four hundred and something. I've stopped looking at the number.",
      "The other team leads seem to have it all under control. Maybe they're just better at hiding it.",
      "I love the team. That's the annoying thing. I wanted this job.",
    ],
    sessionGoal: [
      "I'd like to stop feeling like I'm drowning. Or at least know which bit to fix first.",
      'I want to leave feeling a bit less frantic about the new job.',
      "Some kind of plan for the next month that isn't just trying harder.",
    ],
    disclose: {
      concern: [
        "Okay. The truth is I'm still doing my old job as well as the new one. Every hard escalation ends up with me, and I'm answering tickets at ten at night.",
        'If I\'m honest, I never really stopped being an agent. I take the nasty escalations myself, then do the manager stuff in the evenings.',
      ],
      assumption: [
        "I think if I start handing things over, they'll think I've got too big for my boots. We used to moan about managers together, and I don't want to be the one they moan about.",
        "Honestly, I'm scared that if I delegate, I'll lose them as friends. Like I'd be saying I'm above the work now.",
      ],
      want: [
        "If I knew they'd respect me more for trusting them, I'd lead. Properly. I'd stop being the team's best agent, be its manager, and get my evenings back.",
        "I think what I actually want is for them to grow, not keep leaning on me. Sam's ready. I'm the one holding him back.",
      ],
      action: [
        "Monday at stand-up, I'm going to ask Sam to take over the escalations rota. And I'll block Wednesday afternoon to hand it over properly.",
        "I'll ask Sam on Monday to own escalations, and we'll do the handover together on Wednesday. After that I stop taking tickets after six.",
      ],
    },
    elaborate: {
      concern: [
        'Last Thursday I closed eleven tickets after the kids were in bed. My partner just looked at me.',
        'When a tricky case comes in, everyone looks over at me. And I just... take it.',
        "It's quicker to do it myself. That's what I tell myself, anyway.",
      ],
      assumption: [
        'Sam actually asked to do more escalations last month. I said I would think about it. That was six weeks ago.',
        "It sounds a bit silly out loud. Nobody has said anything like that to me.",
        "My old manager dumped everything on us and we hated her for it. I swore I'd never be like that.",
      ],
      want: [
        "Trusting them is a kind of respect. It's the opposite of what my old manager did.",
        "I'd like to be the kind of lead who makes people better, not the one who catches everything.",
        "And honestly, I'd like to see my kids on a weeknight.",
      ],
      action: [
        "I'll tell the team why, too, so it doesn't look like I'm offloading.",
        'If something big comes in, Sam can call me. But he calls me; I don\'t grab it.',
        "I'll check in with Sam on Friday to see how his first week went.",
      ],
    },
    pushback: [
      "Right. Because that's never occurred to me.",
      "It's not that simple with this team.",
      "I've read the management books too, thanks.",
    ],
  },
};
