/**
 * @module practice/coder/miti-label
 * Decides a turn's coaching codes and its one MITI-style label from two witnesses: the trained
 * model (good at the data sets' own distinctions: open/closed, simple/complex, information) and
 * the move cues (plainly better at advice in question form, permission, judgement and the
 * coaching questions the data sets never labelled). MITI counting: at most one question and one
 * reflection code per turn, complex beats simple, and when unsure the less favourable code.
 */
import type { CoachCode, CoderContext, UtteranceLabel } from '../types.js';
import type { MoveCues } from './coaching-moves.js';
import { paraphrasedWords, stemEcho } from './reflection-depth.js';

/** The model's view of a turn: probability per fine label. */
export type FineProbabilities = Record<
  | 'open_question'
  | 'closed_question'
  | 'simple_reflection'
  | 'complex_reflection'
  | 'advice'
  | 'information'
  | 'other',
  number
>;

export interface CodedTurn {
  label: UtteranceLabel;
  codes: CoachCode[];
}

/** The least reflection probability at which a typed statement echoing the partner is read as a reflection. */
const REFLECTION_FLOOR = 0.2;
/** The coach speaking of themselves: not a reflection of the partner. */
const FIRST_PERSON = /\b(?:i|i'm|i've|i'd|i'll|me|my|mine|we|we're|we've|us|our)\b/;

/** A statement that proposes or recommends: "let's ...", "... will be helpful". */
const PROPOSING = /\blet(?:'s| us)\b|\b(?:will|would) be (?:helpful|useful)\b/;
/** What keeps happening to the partner: "you keep ...ing", "you get / your voice gets talked over". */
const LIVED =
  /^(?:(?:and|so|but) )?(?:you|your [a-z]+)(?:'re| are| were)? (?:keep|kept|(?:get|gets|got|getting|being) [a-z]+(?:ed|en))\b/;
/** Words of greetings and send-offs: a short echo of these is social talk, not a reflection ("Good night!"). */
const SOCIAL_WORD =
  /\b(?:night|morning|evening|afternoon|bye|goodbye|thanks|thank|welcome|luck|care|cheers|weekend|day|too|same|likewise|hello|hi|hey)\b/;

/** Words that speak of people or work in general rather than of the partner's situation. */
const GENERALISING =
  /\b(?:always|generally|usually|typically|in general|normally|most (?:people|managers|leaders|teams|staff|of us)|everyone|everybody|all (?:managers|leaders|teams|of us)|we all|that's (?:just )?(?:how|what) (?:it|they|people)|part of the (?:job|role))\b/;

/** A guess about the partner's own doing or feeling: "perhaps you ...", "I wonder if you ...", no modal. */
const TENTATIVE_GUESS =
  /^(?:(?:and|but|so)[, ]+)?(?:perhaps|maybe|i wonder (?:if|whether)|i guess|i imagine|i suspect|i'm guessing|my guess is|i get the sense)(?: that)? you(?:'re| are| were|'ve| have)? (?!(?:could|should|might|may|can|need|ought|must|will|would|have to|had better|want to try|try|consider)\b)[a-z]+/;

/** Labels MITI counts as adherent (the favourable side when a coder is unsure). */
const FAVOURABLE: Partial<Record<keyof FineProbabilities, number>> = {
  complex_reflection: 2,
  simple_reflection: 1,
  open_question: 1,
};

/**
 * The model's label, with MITI's rule for doubt: when the two most probable labels are within
 * `margin`, take the less favourable one (simple over complex reflection, information over
 * advice, the other code over an adherent one). At a margin of 0.05 on the dev splits: AnnoMI
 * fine kappa -0.005, MI-gold +0.012, ESConv +0.005.
 */
export function unsureRule(p: FineProbabilities, margin = 0.05): keyof FineProbabilities {
  const ranked = (Object.keys(p) as (keyof FineProbabilities)[]).sort((a, b) => p[b] - p[a]);
  const [first, second] = ranked;
  if (p[first] - p[second] >= margin) return first;
  if (
    (first === 'advice' && second === 'information') ||
    (first === 'information' && second === 'advice')
  )
    return 'information';
  return (FAVOURABLE[second] ?? 0) < (FAVOURABLE[first] ?? 0) ? second : first;
}

/**
 * Label and codes of a turn.
 * @example decideCoding(probs, cues, { permissionGranted: true }) // { label: 'advice', codes: ['advice_with_permission'] }
 */
export function decideCoding(
  p: FineProbabilities,
  cues: MoveCues,
  ctx: CoderContext = {},
  echo = -1,
  reflectionKind: () => 'simple_reflection' | 'complex_reflection' = () => 'complex_reflection',
  complexMarkers: () => number = () => 0,
): CodedTurn {
  const codes: CoachCode[] = [];
  const add = (c: CoachCode) => {
    if (!codes.includes(c)) codes.push(c);
  };
  let label: UtteranceLabel = unsureRule(p);

  const question = cues.questions > 0;
  const permitted = ctx.permissionGranted === true;
  const advice = cues.adviceQuestion || cues.adviceStatement;
  // MITI Persuade with Permission: the partner agreed to hear ideas, or the turn asks first, or
  // the suggestion is framed as an offer that hands the decision back
  const withPermission =
    permitted || ((cues.adviceOffer || advice) && (cues.permissionRequest || cues.autonomy));

  // A reflection is about the partner: a longer statement that neither speaks of the partner
  // ("you...", "sounds like...", "part of you...") nor echoes the partner's words is information
  // or other, whatever its phrasing. Measured on the dev splits: AnnoMI fine kappa -0.006
  // (spoken transcripts reflect loosely), MI-gold +0.015 and ESConv +0.006 (typed text, like ours).
  if (
    (label === 'simple_reflection' || label === 'complex_reflection') &&
    !question &&
    !cues.summary &&
    cues.words >= 6 &&
    echo < 0.2 &&
    !cues.partnerFocused
  ) {
    // never advice: no advice cue fired, and the model took the turn for a reflection (MITI
    // under doubt: information over advice). AnnoMI fine kappa +0.001, macro-F1 +0.002; MI-gold
    // and ESConv level; keeps "So the review is still on your mind since last time." off advice.
    const alt = (['information', 'other'] as const).reduce((a, b) => (p[b] > p[a] ? b : a));
    label = cues.selfDisclosure
      ? 'self_disclosure'
      : cues.support
        ? cues.affirmation
          ? 'affirmation'
          : 'other'
        : alt;
  }

  // "You noticed that..." gives the partner's own observation back: a reflection, even when the
  // model, seeing a statement about what others do, leans to advice. No turn of the three dev
  // splits changes; in the product it kept a good reflection from making the partner defensive.
  // So too a statement of what the partner lives through ("So in the review you find it hard to
  // get a word in.", "It's hard for you to speak up there."): "you" opens it, but it recommends
  // nothing (partner-experience.ts)
  if (
    label === 'advice' &&
    !advice &&
    !cues.adviceOffer &&
    !question &&
    (cues.noticing ||
      (cues.partnerExperience &&
        cues.otherStatements === 0 &&
        !FIRST_PERSON.test(cues.reflectionSentences.join(' '))))
  )
    label =
      p.complex_reflection >= p.simple_reflection ? 'complex_reflection' : 'simple_reflection';

  // The model's advice on a turn with no advice cue that soothes, praises or blames: the support
  // or the judgement is the move (the model learnt "you'll..." and "don't..." from advice).
  if (
    label === 'advice' &&
    !advice &&
    !cues.adviceOffer &&
    !question &&
    (cues.reassurance || cues.affirmation || cues.judgement)
  )
    label = 'other';
  // the model's advice on a turn that only gives the partner time ("Take as long as you need."):
  // holding the silence recommends no action
  if (label === 'advice' && !advice && !cues.adviceOffer && !question && cues.holdsSpace)
    label = 'other';
  // the model's advice on a statement that names no "you", proposes nothing ("let's ...", "...
  // will be helpful") and has no advice cue ("People are voting with their feet since the
  // launch"): advice recommends an action, so this is not it; under doubt the less favourable of
  // the rest (MITI: information over advice)
  if (
    label === 'advice' &&
    !advice &&
    !cues.adviceOffer &&
    !question &&
    !cues.secondPerson &&
    !PROPOSING.test(cues.reflectionSentences.join(' '))
  )
    label = (['complex_reflection', 'simple_reflection', 'information', 'other'] as const).reduce(
      (x, y) => (p[y] > p[x] ? y : x),
    );
  // the model's advice on a turn that agrees how we work, with no advice cue ("I'll mostly ask
  // questions and you do the thinking"): the agreement is the move, a question if it asks one
  if (label === 'advice' && !advice && !cues.adviceOffer && cues.contracting)
    label = question
      ? p.open_question >= p.closed_question
        ? 'open_question'
        : 'closed_question'
      : 'other';
  // "you could tell she was upset", "you could lose the goodwill": a modal of perception or of
  // consequence, not a suggestion; the model's advice gives way to its next reading
  if (
    label === 'advice' &&
    !advice &&
    !cues.adviceOffer &&
    !question &&
    /^(?:and |so |but )?you (?:could|can|might) (?:tell|see|hear|sense|feel|lose|end up)\b/.test(
      cues.reflectionSentences[0] ?? '',
    )
  )
    label = (['complex_reflection', 'simple_reflection', 'information', 'other'] as const).reduce(
      (x, y) => (p[y] > p[x] ? y : x),
    );

  // the model's advice or other on a guess about the partner with no advice cue ("Perhaps you get
  // defensive whenever...", "I wonder if you freeze when..."): a tentative reflection, which
  // names what they do or feel and recommends nothing (a modal would make it a suggestion)
  if (
    (label === 'advice' || label === 'other' || label === 'information') &&
    !advice &&
    !cues.adviceOffer &&
    !question &&
    !cues.judgement &&
    !cues.support &&
    cues.otherStatements === 0 &&
    TENTATIVE_GUESS.test(cues.reflectionSentences[0] ?? '')
  )
    label = p.simple_reflection > p.complex_reflection ? 'simple_reflection' : 'complex_reflection';

  // MITI Emphasizing Autonomy ("it's your call", "you'll decide what fits"): a short statement
  // that hands the decision back is neither information, advice nor a reflection; the fine view
  // counts it as other.
  if (
    cues.autonomy &&
    !advice &&
    !cues.adviceOffer &&
    !question &&
    cues.words <= 20 &&
    !cues.reflectionOpener &&
    !cues.feelingReflection
  )
    label = 'other';

  // Open or closed: the model and the question's form each get it right about 72% of the time
  // on AnnoMI, and not always on the same turns; the form tips the balance when the model is unsure.
  if ((label === 'open_question' || label === 'closed_question') && cues.questions > 0) {
    const q = p.open_question / (p.open_question + p.closed_question);
    const shift = 0.2;
    label =
      q + (cues.lastOpen ? shift : -shift) > 0.5 && !cues.lastClosedByForm
        ? 'open_question'
        : 'closed_question';
  }

  // A reflection offered with a rising tone ("It sounds like you're fed up, and worn down by it?")
  // is a statement for the partner to check, not a question (MITI codes the reflection); the
  // model, seeing the question mark, reads a question
  if (
    cues.risingReflection &&
    !question &&
    (label === 'open_question' ||
      label === 'closed_question' ||
      label === 'other' ||
      label === 'information')
  )
    label = reflectionKind();

  // Rules first where they are plainly better than the model.
  const questionLabel = label === 'open_question' || label === 'closed_question';
  if (cues.pleasantry && !question) label = 'other';
  else if (cues.judgement) label = 'judgement';
  else if (cues.permissionRequest && question) label = 'closed_question';
  else if (advice && !(questionLabel && cues.endsWithQuestion && !cues.adviceQuestion))
    label = 'advice';
  else if (cues.adviceOffer && withPermission) label = 'advice';
  else if (
    (label === 'other' ||
      label === 'information' ||
      label === 'affirmation' ||
      // the model's advice with no advice cue: "Covering two roles must be exhausting"
      (label === 'advice' && !cues.adviceOffer)) &&
    cues.feelingReflection &&
    !question &&
    !cues.pleasantry
  )
    label = 'complex_reflection';
  else if (label === 'other' && cues.affirmation) label = 'affirmation';
  // support that names no strength (reassurance, sympathy, encouragement) is other, as before
  // the model's "advice" on a first-person story is the story itself: no advice cue fired
  else if (
    (label === 'other' ||
      label === 'information' ||
      label === 'simple_reflection' ||
      label === 'complex_reflection' ||
      label === 'advice') &&
    cues.selfDisclosure &&
    !question
  )
    label = 'self_disclosure';
  else if (
    (label === 'information' || label === 'simple_reflection' || label === 'complex_reflection') &&
    cues.support &&
    !question &&
    !cues.reflectionOpener
  )
    label = cues.affirmation ? 'affirmation' : 'other';
  // a summary said as a statement is a complex reflection, however the model read its opening
  // ("I just want to check I've understood: ..." is no advice, and it gives no information)
  else if (
    (label === 'open_question' ||
      label === 'closed_question' ||
      label === 'simple_reflection' ||
      label === 'information' ||
      (label === 'advice' && !cues.adviceOffer)) &&
    !question &&
    cues.summary
  )
    label = 'complex_reflection';

  // A typed statement that gives the partner's own words or situation back ("Three nights back to
  // back again.", "So the retro became a game of pass the blame.") is a reflection, though the
  // model, trained on spoken sessions, reads a short typed statement as information or talk:
  // it echoes the partner's words, or opens with "so" about them, and does nothing else.
  const said = cues.reflectionSentences.join(' ');
  // a short typed echo ("Daily.", "No bonus.", "Gutted.") gives the partner's own word back: a
  // simple reflection (MITI), unless it is a greeting ("Good night!")
  const shortEcho =
    cues.words < 3 &&
    !cues.pleasantry &&
    cues.socialStatements === 0 &&
    !SOCIAL_WORD.test(said) &&
    said.length > 0 &&
    stemEcho(said, ctx.prevPartner) >= 0.99;
  let rewordedWords: string[] | undefined;
  // a generalisation re-words the partner's thing too ("Delegating is always a risk; most managers
  // find that out"): about people at large, not a reflection of theirs
  const reworded = () =>
    (rewordedWords ??= GENERALISING.test(said) ? [] : paraphrasedWords(said, ctx.prevPartner));
  if (
    (label === 'information' || label === 'other') &&
    !question &&
    !advice &&
    !cues.adviceOffer &&
    !cues.judgement &&
    !cues.support &&
    !cues.contracting &&
    !cues.returnToGoal &&
    !cues.selfDisclosure &&
    cues.reflectionSentences.length > 0 &&
    cues.otherStatements === 0 &&
    // the model's doubt gives way when two of the partner's own things are re-worded
    (p.simple_reflection + p.complex_reflection >= REFLECTION_FLOOR || reworded().length >= 2) &&
    !FIRST_PERSON.test(said) &&
    (cues.words >= 3 || shortEcho) &&
    (cues.partnerFocused || !/^(?:it|that|this)(?:'s| is| does| was)\b/.test(said)) &&
    !/-\s*$/.test(said) &&
    (echo >= 0.3 ||
      (cues.partnerFocused && echo >= 0.15) ||
      // or it opens with "so" and gives their world back ("Okay, so the team leans on you.")
      (cues.words >= 4 && cues.soGivesBack && cues.partnerFocused) ||
      // or it adds a feeling, an image, both sides or a meaning to what the partner just said
      complexMarkers() > 0 ||
      shortEcho ||
      // or it says their words another way (a word of the same family: "worn down" for "tired")
      stemEcho(said, ctx.prevPartner) >= 0.3 ||
      // or it re-words one of their own things ("Handing things over..." after "I delegate")
      reworded().length > 0 ||
      // or it tells them what keeps happening to them ("You keep getting passed over", "Your
      // voice gets drowned out"): their experience, in the habitual or the passive with "get"
      (cues.partnerFocused && LIVED.test(said)))
  )
    label = p.simple_reflection > p.complex_reflection ? 'simple_reflection' : 'complex_reflection';

  // The coaching moves of a turn without a question, advice or judgement decide its label when
  // nothing in it reflects: an affirmation of the partner is an affirmation; reassurance,
  // contracting and coming back to the goal are other (MITI has no code for them).
  if (
    !question &&
    label !== 'judgement' &&
    label !== 'advice' &&
    label !== 'self_disclosure' &&
    cues.reflectionSentences.length === 0 &&
    !cues.summary
  ) {
    // a reflection that says what the partner cares about stays a reflection ("you care about...")
    if (
      cues.affirmation &&
      (cues.evaluativeAffirmation ||
        (label !== 'simple_reflection' && label !== 'complex_reflection'))
    )
      label = 'affirmation';
    else if ((cues.reassurance || cues.contracting || cues.returnToGoal) && !cues.affirmation)
      label = 'other';
  }

  // MITI 4.2.1: a reflection that adds to what the partner said (a feeling they did not name, an
  // image, both sides, what it means to them, emphasis) is complex, whatever the model's lean;
  // one without such a marker keeps the model's reading (AnnoMI's annotators call many short
  // reflections in new words simple, so plain novelty is not enough). reflection-depth.ts.
  if (label === 'simple_reflection' && !cues.summary && complexMarkers() > 0)
    label = 'complex_reflection';

  // Codes: the move first, then what else the turn does.
  switch (label) {
    case 'judgement':
      add('judgement');
      break;
    case 'advice':
      add(withPermission ? 'advice_with_permission' : 'advice');
      break;
    case 'simple_reflection':
    case 'complex_reflection':
      if (cues.summary) add('summary');
      add(cues.summary ? 'complex_reflection' : label);
      break;
    case 'affirmation':
    case 'information':
    case 'self_disclosure':
    case 'open_question':
    case 'closed_question':
      add(label);
      break;
    default:
      break;
  }
  if (question) {
    if (cues.goal) add('goal_question');
    if (cues.incisive) add('incisive_question');
    if (cues.action) add('action_question');
    if (cues.permissionRequest) add('permission_request');
    if (cues.leading) add('leading_question');
    if (cues.questions >= 2) add('stacked_questions');
    // MITI: one question code per turn; the turn's label already carries it when it is a question
    if (!codes.includes('open_question') && !codes.includes('closed_question')) {
      if (label !== 'advice' && label !== 'judgement')
        add(
          cues.open > 0 && !cues.leading && !cues.permissionRequest
            ? 'open_question'
            : 'closed_question',
        );
      // advice or a judgement stated, then a question of its own ("...What do you make of that?")
      else if (cues.plainQuestions > 0)
        add(
          cues.lastPlainOpen && !cues.leading && !cues.permissionRequest
            ? 'open_question'
            : 'closed_question',
        );
    }
  }
  if ((advice || (cues.adviceOffer && withPermission)) && label !== 'advice')
    add(withPermission ? 'advice_with_permission' : 'advice');
  // every move the turn contains, sentence by sentence (MITI codes a reflection and a question in
  // one volley as both)
  if (cues.judgement) add('judgement');
  if (cues.affirmation) add('affirmation');
  if (cues.reassurance) add('reassurance');
  if (cues.contracting) add('contracting');
  if (cues.returnToGoal) add('return_to_goal');
  if (cues.summary && !codes.includes('summary')) {
    add('summary');
    if (!codes.includes('simple_reflection')) add('complex_reflection');
  } else if (
    cues.reflectionSentences.length > 0 &&
    !codes.includes('simple_reflection') &&
    !codes.includes('complex_reflection') &&
    (question || advice || cues.judgement || cues.support || cues.contracting)
  )
    add(reflectionKind());
  // an affirmation that restates what the partner did or cares about reflects it too; naming the
  // act as worth noticing adds meaning to the partner's words, so labellers call it complex
  else if (
    cues.affirmationReflects &&
    !question &&
    !codes.includes('simple_reflection') &&
    !codes.includes('complex_reflection') &&
    !codes.includes('summary')
  )
    add('complex_reflection');
  if (codes.length === 0) add('other');
  return { label, codes };
}
