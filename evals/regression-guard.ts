/**
 * @module evals/regression-guard
 * The coder's regression guard: a fixed, committed sample (10 AnnoMI dialogues, public domain,
 * and our own workplace-coaching set) whose fine macro-F1 and coaching-code recall must not drop
 * below the floors committed in `data/guard-floor.json`. Uses no non-commercial data, so it runs
 * wherever the repo does. Both sets were seen in training: this guards against regressions, it is
 * not a measure of accuracy (REPORT.md has those).
 */
import { codeUtterance } from '../api/practice/coder/index.js';
import type { CoachCode } from '../api/practice/types.js';
import { resolve } from 'node:path';
import { REPO_ROOT, coachRows, readJsonl } from './dataset.js';
import { agreement } from './metrics.js';
import { FINE_LABELS, toFine } from './views.js';

export const GUARD_FILES = {
  annomi: resolve(REPO_ROOT, 'evals', 'data', 'annomi-guard.jsonl'),
  workplace: resolve(REPO_ROOT, 'evals', 'data', 'workplace-coaching.jsonl'),
};

export interface GuardFigures {
  annomiFineMacroF1: number;
  workplaceFineMacroF1: number;
  /** share of the rich coaching codes in our labelled set that the coder also gives */
  workplaceCodeRecall: number;
}

/** The guard's figures for the shipped coder. */
export function guardFigures(): GuardFigures {
  const fineF1 = (file: string) => {
    const rows = coachRows(readJsonl(file));
    const gold = rows.map((r) => toFine(r.label!)!);
    const pred = rows.map((r) =>
      toFine(
        codeUtterance(r.text, {
          prevPartner: r.prev_client,
          permissionGranted: r.permission_granted,
        }).label,
      )!,
    );
    return agreement(gold, pred, FINE_LABELS).macroF1;
  };
  let wanted = 0;
  let found = 0;
  for (const r of coachRows(readJsonl(GUARD_FILES.workplace))) {
    const got = codeUtterance(r.text, {
      prevPartner: r.prev_client,
      permissionGranted: r.permission_granted,
    }).codes;
    for (const c of (r.codes ?? []) as CoachCode[]) {
      wanted++;
      if (got.includes(c)) found++;
    }
  }
  return {
    annomiFineMacroF1: fineF1(GUARD_FILES.annomi),
    workplaceFineMacroF1: fineF1(GUARD_FILES.workplace),
    workplaceCodeRecall: wanted ? found / wanted : 0,
  };
}
