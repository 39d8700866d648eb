/**
 * @module routes/scenarios/schemas
 * What a learner may read of a scenario (never hidden layers, lines or facts).
 */
import { z } from '@hono/zod-openapi';
import { SKILLS } from '../../practice/types.js';

export const ScenarioSchema = z
  .object({
    id: z.string(),
    title: z.string(),
    difficulty: z.enum(['gentle', 'moderate', 'challenging']),
    partner: z.object({ name: z.string(), role: z.string(), team: z.string() }),
    brief: z.string(),
    focus: z
      .array(z.enum(SKILLS))
      .openapi({ description: 'the skills this scenario stretches most' }),
    builtIn: z.boolean().openapi({ description: 'false for a scenario your organisation added' }),
  })
  .openapi('Scenario');
