/**
 * @module store/roster
 * People and cohort memberships created through the API, one at a time or from a CSV roster.
 * An import is checked against what exists first (row-level errors, nothing written), then
 * written in one transaction: either every row lands or none does.
 */
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Caller } from '../auth/index.js';
import type { Database } from '../db/index.js';
import { cohortMembers, cohorts, people, type Role } from '../db/schema/index.js';
import { StoreError } from './errors.js';
import type { RosterError, RosterRow } from '../programme/index.js';
import {
  addMembers,
  findManagedCohort,
  insertCohort,
  isUniqueViolation,
  managedLearners,
  type CohortRow,
} from './cohorts.js';

export interface ImportSummary {
  people: { created: number; existing: number };
  cohorts: { id: string; name: string; created: boolean }[];
  memberships: number;
}

/** An error carrying row-level errors: `errors` paths read `line 3: email`, `rows` keeps them structured. */
export function rosterProblem(errors: RosterError[]) {
  return StoreError.invalid(
    `The roster has ${errors.length} problem${errors.length === 1 ? '' : 's'}; nothing was imported. Fix the rows and send the whole file again.`,
    errors.map((e) => ({ path: `line ${e.line}: ${e.field}`, message: e.message })),
    { rows: errors },
  );
}

/**
 * Imports roster rows (already parsed) for the caller. Facilitators may import learners into
 * cohorts they run or new ones (which they then run); admins may import any role into any cohort.
 */
export async function importRoster(
  db: Database,
  caller: Caller,
  rows: RosterRow[],
): Promise<ImportSummary> {
  const errors: RosterError[] = [];
  const emails = [
    ...new Set([
      ...rows.map((r) => r.email),
      ...rows.flatMap((r) => (r.lineManagerEmail ? [r.lineManagerEmail] : [])),
    ]),
  ];
  const existingPeople = new Map(
    (
      await db
        .select()
        .from(people)
        .where(and(eq(people.orgId, caller.orgId), inArray(people.email, emails)))
    ).map((p) => [p.email, p]),
  );
  const names = [...new Set(rows.flatMap((r) => (r.cohort ? [r.cohort] : [])))];
  const existingCohorts = new Map<string, CohortRow>();
  if (names.length)
    for (const c of await db
      .select()
      .from(cohorts)
      .where(and(eq(cohorts.orgId, caller.orgId), inArray(cohorts.name, names))))
      existingCohorts.set(c.name, c);
  const managed = new Set<string>();
  for (const c of existingCohorts.values())
    if (await findManagedCohort(db, caller, c.id)) managed.add(c.name);

  // a facilitator may enrol existing learners only if they already facilitate them (else they
  // could read the transcripts of anyone whose email they know)
  const foundLearners = [...existingPeople.values()]
    .filter((p) => p.role === 'learner')
    .map((p) => p.id);
  const reachable = new Set(
    caller.role === 'admin'
      ? foundLearners
      : (await managedLearners(db, caller, foundLearners)).map((p) => p.id),
  );

  for (const r of rows) {
    const found = existingPeople.get(r.email);
    const role: Role = found?.role ?? r.role;
    if (caller.role !== 'admin' && r.role !== 'learner')
      errors.push({ line: r.line, field: 'role', message: `only an admin can import a ${r.role}` });
    else if (caller.role !== 'admin' && found && found.role !== 'learner')
      errors.push({
        line: r.line,
        field: 'email',
        message: `${r.email} belongs to a ${found.role}; only an admin can add them to a cohort`,
      });
    else if (found && found.role === 'learner' && !reachable.has(found.id))
      errors.push({
        line: r.line,
        field: 'email',
        message: `${r.email} is already a learner in another cohort; ask an admin to add them`,
      });
    else if (found && found.role !== r.role)
      errors.push({
        line: r.line,
        field: 'role',
        message: `${r.email} is already a ${found.role} here; the import does not change roles`,
      });
    if (r.cohort && existingCohorts.has(r.cohort) && !managed.has(r.cohort))
      errors.push({
        line: r.line,
        field: 'cohort',
        message: `cohort "${r.cohort}" exists and is run by someone else`,
      });
    if (
      r.lineManagerEmail &&
      !existingPeople.has(r.lineManagerEmail) &&
      !rows.some((x) => x.email === r.lineManagerEmail)
    )
      errors.push({
        line: r.line,
        field: 'line_manager_email',
        message: `no one with the email ${r.lineManagerEmail} here or in the file`,
      });
    if (r.cohort && role === 'admin')
      errors.push({
        line: r.line,
        field: 'cohort',
        message: 'admins are not cohort members; leave the cohort empty',
      });
  }
  if (errors.length) throw rosterProblem(errors);

  try {
    return await db.transaction(async (tx) => {
      const t = tx as unknown as Database;
      const fresh = rows.filter((r) => !existingPeople.has(r.email));
      const inserted = fresh.length
        ? await t
            .insert(people)
            .values(
              fresh.map((r) => ({
                orgId: caller.orgId,
                name: r.name,
                email: r.email,
                role: r.role,
                department: r.department,
              })),
            )
            .returning()
        : [];
      const byEmail = new Map([...existingPeople, ...inserted.map((p) => [p.email, p] as const)]);
      // departments and line managers as the file gives them (for pairing across the organisation)
      for (const r of rows) {
        const p = byEmail.get(r.email)!;
        const manager = r.lineManagerEmail ? byEmail.get(r.lineManagerEmail)!.id : undefined;
        if ((r.department && existingPeople.has(r.email)) || manager) {
          await t
            .update(people)
            .set({
              ...(r.department ? { department: r.department } : {}),
              ...(manager ? { lineManagerId: manager } : {}),
            })
            .where(and(eq(people.orgId, caller.orgId), eq(people.id, p.id)));
        }
      }
      const cohortIds = new Map(
        [...existingCohorts].map(([n, c]) => [n, { id: c.id, created: false }]),
      );
      for (const name of names)
        if (!cohortIds.has(name))
          cohortIds.set(name, { id: (await insertCohort(t, caller, { name })).id, created: true });
      let memberships = 0;
      for (const [name, c] of cohortIds) {
        const members = rows.filter((r) => r.cohort === name).map((r) => byEmail.get(r.email)!);
        const added = await addMembers(
          t,
          caller.orgId,
          c.id,
          members.map((p) => ({
            personId: p.id,
            role: p.role === 'facilitator' ? 'facilitator' : 'learner',
          })),
        );
        memberships += added.length;
      }
      return {
        people: { created: inserted.length, existing: rows.length - fresh.length },
        cohorts: [...cohortIds].map(([name, c]) => ({ id: c.id, name, created: c.created })),
        memberships,
      };
    });
  } catch (err) {
    if (isUniqueViolation(err))
      throw StoreError.conflict(
        'Someone changed these people or cohorts while the file was imported; nothing was imported. Send the file again.',
      );
    throw err;
  }
}

/** Creates one person (and their cohort membership) in a transaction; an email in use is a conflict. */
export async function createPerson(
  db: Database,
  caller: Caller,
  input: {
    name: string;
    email: string;
    role: Role;
    cohortId?: string;
    department?: string;
    lineManagerId?: string;
  },
) {
  try {
    return await db.transaction(async (tx) => {
      const [p] = await tx
        .insert(people)
        .values({
          orgId: caller.orgId,
          name: input.name,
          email: input.email.toLowerCase(),
          role: input.role,
          department: input.department ?? null,
          lineManagerId: input.lineManagerId ?? null,
        })
        .returning();
      if (input.cohortId)
        await addMembers(tx as unknown as Database, caller.orgId, input.cohortId, [
          { personId: p.id, role: input.role === 'facilitator' ? 'facilitator' : 'learner' },
        ]);
      return p;
    });
  } catch (err) {
    if (isUniqueViolation(err))
      throw StoreError.conflict(
        `Someone with the email ${input.email.toLowerCase()} already exists in this organisation.`,
      );
    throw err;
  }
}

/** The people a caller manages: everyone for an admin, the learners of their cohorts for a facilitator. */
export async function listManagedPeople(db: Database, caller: Caller) {
  const memberships = db
    .select({
      personId: cohortMembers.personId,
      cohortId: cohortMembers.cohortId,
      role: cohortMembers.role,
    })
    .from(cohortMembers)
    .where(eq(cohortMembers.orgId, caller.orgId));
  const all = await db
    .select({ id: people.id, name: people.name, email: people.email, role: people.role })
    .from(people)
    .where(eq(people.orgId, caller.orgId))
    .orderBy(asc(people.name));
  const ms = await memberships;
  const cohortsOf = new Map<string, string[]>();
  for (const m of ms) cohortsOf.set(m.personId, [...(cohortsOf.get(m.personId) ?? []), m.cohortId]);
  if (caller.role === 'admin')
    return all.map((p) => ({ ...p, cohortIds: cohortsOf.get(p.id) ?? [] }));
  const runs = new Set(
    ms
      .filter((m) => m.personId === caller.personId && m.role === 'facilitator')
      .map((m) => m.cohortId),
  );
  const mine = new Set(
    ms.filter((m) => runs.has(m.cohortId) && m.role === 'learner').map((m) => m.personId),
  );
  return all
    .filter((p) => mine.has(p.id) && p.role === 'learner')
    .map((p) => ({ ...p, cohortIds: (cohortsOf.get(p.id) ?? []).filter((c) => runs.has(c)) }));
}

/** Of `ids`, the people of the organisation holding `role`. */
export async function peopleInOrg(db: Database, orgId: string, ids: string[], role: Role) {
  if (ids.length === 0) return [];
  return db
    .select({ id: people.id, name: people.name })
    .from(people)
    .where(and(eq(people.orgId, orgId), inArray(people.id, ids), eq(people.role, role)));
}
