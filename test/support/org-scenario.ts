/**
 * @module test/support/org-scenario
 * A complete scenario file for tests that add one to an organisation: the built-in Dana file under
 * another id (and title), so it is valid by construction.
 */
import { randomUUID } from 'node:crypto';
import { BUILT_IN_SCENARIO_FILES } from '../../api/practice/scenarios/built-in.generated.js';

const DANA = BUILT_IN_SCENARIO_FILES.find((f) => f.file === 'new-manager-overwhelmed.yaml')!.text;

/** Scenario YAML with the given id (a fresh one when none is given). */
export function orgScenarioYaml(
  id = `own-${randomUUID().slice(0, 8)}`,
  title = 'Our own scenario, a stretched team lead',
): string {
  return DANA.replace(/^id: .*$/m, `id: ${id}`).replace(/^title: .*$/m, `title: ${title}`);
}

export const YAML_HEADERS = { 'content-type': 'application/yaml' };
