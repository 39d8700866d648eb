/**
 * @module practice/scenarios/format/schema
 * The scenario file format as one zod schema: what a facilitator writes in a `.yaml` file (or
 * sends as JSON), checked field by field, so an error can name the exact path ("voice.guarded.2.text").
 * docs/scenarios.md describes every field for authors; keep the two in step.
 */
import { z } from 'zod';
import { HIDDEN_LAYERS, MODEL_QUESTION_KINDS, PARTNERSHIP_ROLES, SKILLS } from '../../types.js';

/** One line of English the partner says or a coach could say: one line of text, no markup. */
const text = z
  .string()
  .trim()
  .min(2, 'write at least a few words')
  .max(600, 'keep it under 600 characters')
  .refine((s) => !/[\n\r]/.test(s), 'one line only (no line breaks)')
  .refine(
    (s) => !/[{}<>]/.test(s),
    'no {placeholders} or <markup>: write the words as the partner says them',
  );

/**
 * The model moves an author offers in reply to one partner line, shown to a learner as
 * "You could have said": a simple reflection (close to the words), a complex one (the meaning or
 * feeling underneath) and a good next question of the kind claimed (open unless said).
 */
export const ModelMovesSchema = z.strictObject({
  simpleReflection: text,
  complexReflection: text,
  question: text,
  questionKind: z.enum(MODEL_QUESTION_KINDS).default('open'),
});

/** A line the partner can say, with the model moves for the coach's reply to it. */
export const PartnerLineSchema = z.strictObject({ text, moves: ModelMovesSchema });

/** A closing line: the session is over, so no reply to it is coached. */
export const ClosingLineSchema = z.strictObject({ text, moves: ModelMovesSchema.optional() });

const lines = (min: number) => z.array(PartnerLineSchema).min(min, `give at least ${min}`);

/** Something a colleague knows about their own situation, and how they say it when asked. */
export const FactSchema = z.strictObject({
  /** what the fact is about, in a few words ("team size") */
  topic: text,
  /** words a question about it would contain ("how many", "people", "team") */
  cues: z.array(z.string().trim().toLowerCase().min(2)).min(1, 'give at least one cue word'),
  /** the partner's answer, in their own voice ("Seven now, since Priya left.") */
  answer: text,
  moves: ModelMovesSchema,
});

/** The answer to "from one to ten, how ...?" questions. */
export const ScaleSchema = z.strictObject({
  /** what the number measures ("how confident she is about handing over escalations") */
  about: text,
  value: z.number().int().min(1).max(10),
  answer: text,
  moves: ModelMovesSchema,
});

const layers = <T extends z.ZodType>(item: T) =>
  z.strictObject(
    Object.fromEntries(HIDDEN_LAYERS.map((l) => [l, item])) as Record<
      (typeof HIDDEN_LAYERS)[number],
      T
    >,
  );

/**
 * The partner's own lines for the moments every session has. `pushback` follows unasked advice
 * or judgement; `askAdvice` asks the coach what to do; `clarify` answers "what do you mean?";
 * `confirmSummary` answers a summary; `notSure` is an honest "I don't know"; `goodbye` closes.
 */
export const VoiceSchema = z.strictObject({
  guarded: lines(2),
  hesitant: lines(2),
  pushback: lines(2),
  askAdvice: lines(1),
  clarify: lines(1),
  confirmSummary: lines(1),
  notSure: lines(1),
  goodbye: z.array(ClosingLineSchema).min(1, 'give at least 1'),
  /** asked how they feel before they have opened up: short, guarded and still a real feeling */
  feeling: lines(1).optional(),
});

export const ScenarioFileSchema = z.strictObject({
  /** lower-case words joined by hyphens, unique in the library or organisation */
  id: z
    .string()
    .regex(
      /^[a-z0-9]+(?:-[a-z0-9]+)*$/,
      'use lower-case words joined by hyphens, e.g. "handover-worries"',
    )
    .max(80),
  /** bumped by the author when the content changes meaningfully */
  version: z.union([z.string().min(1).max(20), z.number()]).transform(String),
  title: text,
  difficulty: z.enum(['gentle', 'moderate', 'challenging']),
  /** which of the three partnership roles the coach mostly practises */
  partnershipRole: z.enum(PARTNERSHIP_ROLES).optional(),
  skills: z.array(z.enum(SKILLS)).min(1).max(3),
  partner: z.strictObject({
    name: text,
    role: text,
    team: text,
    /** how they speak and react, in a few sentences (the LLM voice reads it) */
    persona: z
      .string()
      .trim()
      .min(80, 'describe their manner in a few sentences (80 characters or more)')
      .max(1200),
  }),
  /** other people and places the partner names, so the spelling check knows them ("Nadia", "Leeds") */
  names: z
    .array(
      z
        .string()
        .trim()
        .regex(/^[A-Z][\p{L}'-]*$/u, 'one capitalised word per name'),
    )
    .max(40)
    .optional(),
  /** what the learner is told before the session */
  brief: z
    .string()
    .trim()
    .min(80, 'tell the learner enough to start (80 characters or more)')
    .max(1200),
  /** the hidden layers, in the partner's own first-person words */
  hidden: layers(
    z
      .string()
      .trim()
      .min(40, "write the layer in the partner's own words (40 characters or more)")
      .max(600),
  ),
  facts: z.array(FactSchema).min(3, 'give at least 3 facts a colleague would know'),
  scale: ScaleSchema,
  voice: VoiceSchema,
  script: z.strictObject({
    /** how the partner names what is on their mind ("the new job"): short, no hidden content */
    topic: z.string().trim().min(2).max(60),
    /** the other person most involved ("Sam"), when there is one */
    other: z.string().trim().min(1).max(40).optional(),
    openings: lines(2),
    surface: lines(4),
    sessionGoal: lines(2),
    disclose: layers(lines(1)),
    elaborate: layers(lines(2)),
  }),
});

/** A scenario file after validation (defaults applied, versions as strings). */
export type ScenarioFile = z.output<typeof ScenarioFileSchema>;
