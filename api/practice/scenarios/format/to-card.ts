/**
 * @module practice/scenarios/format/to-card
 * A validated scenario file turned into the `PartnerCard` the engine, the voices and feedback
 * use: plain string lists where the engine picks lines, and one flat list of every line with its
 * model moves (`card.lines`), each named by its place in the file ("script.surface.2").
 */
import {
  HIDDEN_LAYERS,
  PARTNER_VOICE_KINDS,
  type AuthoredLine,
  type HiddenLayer,
  type PartnerCard,
  type PartnerVoiceLines,
} from '../../types.js';
import type { ScenarioFile } from './schema.js';

type Line = { text: string; moves?: AuthoredLine['moves'] };

/** Every line of the file with its id (its field path), in file order. */
export function authoredLines(file: ScenarioFile): AuthoredLine[] {
  const out: AuthoredLine[] = [];
  const add = (prefix: string, lines: readonly Line[]) =>
    lines.forEach((l, i) =>
      out.push(
        l.moves
          ? { id: `${prefix}.${i}`, text: l.text, moves: { ...l.moves } }
          : { id: `${prefix}.${i}`, text: l.text },
      ),
    );
  const s = file.script;
  add('script.openings', s.openings);
  add('script.surface', s.surface);
  add('script.sessionGoal', s.sessionGoal);
  for (const layer of HIDDEN_LAYERS) add(`script.disclose.${layer}`, s.disclose[layer]);
  for (const layer of HIDDEN_LAYERS) add(`script.elaborate.${layer}`, s.elaborate[layer]);
  for (const kind of PARTNER_VOICE_KINDS) add(`voice.${kind}`, file.voice[kind]);
  if (file.voice.feeling) add('voice.feeling', file.voice.feeling);
  file.facts.forEach((f, i) =>
    out.push({ id: `facts.${i}.answer`, text: f.answer, moves: { ...f.moves } }),
  );
  out.push({ id: 'scale.answer', text: file.scale.answer, moves: { ...file.scale.moves } });
  return out;
}

const texts = (lines: readonly Line[]) => lines.map((l) => l.text);
const byLayer = (m: Record<HiddenLayer, readonly Line[]>) =>
  Object.fromEntries(HIDDEN_LAYERS.map((l) => [l, texts(m[l])])) as Record<HiddenLayer, string[]>;

/** Builds the card; `file` must already be valid (see `parseScenarioObject`). */
export function toPartnerCard(file: ScenarioFile): PartnerCard {
  const voice = Object.fromEntries(
    PARTNER_VOICE_KINDS.map((k) => [k, texts(file.voice[k])]),
  ) as PartnerVoiceLines;
  if (file.voice.feeling) voice.feeling = texts(file.voice.feeling);
  const card: PartnerCard = {
    id: file.id,
    version: file.version,
    title: file.title,
    difficulty: file.difficulty,
    partner: { name: file.partner.name, role: file.partner.role, team: file.partner.team },
    brief: file.brief,
    focus: [...file.skills],
    persona: file.partner.persona,
    hidden: { ...file.hidden },
    script: {
      topic: file.script.topic,
      openings: texts(file.script.openings),
      surface: texts(file.script.surface),
      sessionGoal: texts(file.script.sessionGoal),
      disclose: byLayer(file.script.disclose),
      elaborate: byLayer(file.script.elaborate),
      // the engine's own name for the push-back lines
      pushback: [...voice.pushback],
    },
    facts: file.facts.map((f) => ({ topic: f.topic, cues: [...f.cues], answer: f.answer })),
    scale: { about: file.scale.about, value: file.scale.value, answer: file.scale.answer },
    voice,
    lines: authoredLines(file),
  };
  if (file.script.other) card.script!.other = file.script.other;
  if (file.partnershipRole) card.partnershipRole = file.partnershipRole;
  if (file.names) card.names = [...file.names];
  return card;
}
