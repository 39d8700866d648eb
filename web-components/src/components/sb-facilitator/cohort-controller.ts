/**
 * @module components/sb-facilitator/cohort-controller
 * The one owner of what the facilitator view knows about the server: the cohorts, the one in
 * view, its learners with their progress and drills, who needs attention and why, and the drills
 * that can be assigned. Views read it; the element's actions call `loadCohort()` after a change.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { ApiClient } from '../../core/api-client.js';
import type {
  AttentionLearner,
  Cohort,
  CohortLearner,
  DrillSummary,
} from '../../core/api-types.js';
import { ApiProblem } from '../../core/problem.js';
import type { FailureView } from '../../core/sb-element.js';

export interface CohortHostDeps {
  api(): ApiClient;
  report(err: unknown, retry?: () => void): FailureView;
  /** the cohort the host asked for first (its `cohort` attribute) */
  wanted(): string;
}

export class CohortController implements ReactiveController {
  cohorts: Cohort[] | null = null;
  cohort = '';
  learners: CohortLearner[] | null = null;
  attention: AttentionLearner[] = [];
  drills: DrillSummary[] = [];
  /** the server has no facilitator API (404): say so rather than show an error */
  unavailable = false;
  failure: FailureView | null = null;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly deps: CohortHostDeps,
  ) {
    host.addController(this);
  }

  hostConnected(): void {}

  private changed(): void {
    this.host.requestUpdate();
  }

  current(): Cohort | undefined {
    return this.cohorts?.find((c) => c.id === this.cohort);
  }

  cohortName(): string {
    return this.current()?.name ?? 'the cohort';
  }

  async load(): Promise<void> {
    this.failure = null;
    this.changed();
    try {
      const api = this.deps.api();
      const [{ cohorts }, drills] = await Promise.all([
        api.listCohorts(),
        api.listDrills().catch(() => ({ drills: [] as DrillSummary[] })),
      ]);
      this.cohorts = cohorts;
      this.drills = drills.drills;
      const wanted = this.cohort || this.deps.wanted();
      this.cohort = cohorts.some((c) => c.id === wanted) ? wanted : (cohorts[0]?.id ?? '');
      await this.loadCohort();
    } catch (err) {
      if (err instanceof ApiProblem && err.status === 404) this.unavailable = true;
      else this.failure = this.deps.report(err, () => void this.load());
    }
    this.changed();
  }

  select(id: string): void {
    this.cohort = id;
    void this.loadCohort();
  }

  async loadCohort(): Promise<void> {
    if (!this.cohort) {
      this.learners = [];
      this.changed();
      return;
    }
    const id = this.cohort;
    this.learners = null;
    this.changed();
    try {
      const api = this.deps.api();
      const [{ cohort, learners }, attention] = await Promise.all([
        api.getCohortProgress(id),
        // who needs attention is a help on top of the overview: without it the overview still stands
        api.cohortAttention(id).catch(() => ({ learners: [] as AttentionLearner[] })),
      ]);
      if (id !== this.cohort) return;
      // the progress answer is the newest word on the cohort (renamed, or linked to a course, since the list was read)
      if (cohort && this.cohorts)
        this.cohorts = this.cohorts.map((c) => (c.id === cohort.id ? { ...c, ...cohort } : c));
      this.learners = learners;
      this.attention = attention.learners;
    } catch (err) {
      this.failure = this.deps.report(err, () => void this.loadCohort());
    }
    this.changed();
  }

  /** Reflects a change the server has made, without reading the cohort again. */
  setLearners(learners: CohortLearner[]): void {
    this.learners = learners;
    this.attention = this.attention.filter((a) => learners.some((l) => l.id === a.id));
    this.changed();
  }
}
