/**
 * @module partnerships/report
 * The measurable returns of a programme of Learning Partnerships over a period: partnerships
 * formed and active, sessions held, actions agreed and completed, which departments the pairs
 * connected, skill levels before pairing and now, and each partner's own rating of the value.
 * Also its CSV, and the departments-connected picture as an accessible SVG (a title, a
 * description, and the same numbers the report's table gives). Pure.
 */
import { SKILLS, type SkillId } from '../practice/types.js';
import { toCsv } from '../programme/csv.js';

export interface ReportInput {
  from: Date;
  /** inclusive: the whole of this day counts */
  to: Date;
  partnerships: {
    id: string;
    createdAt: Date;
    activatedAt: Date | null;
    endedAt: Date | null;
    departments: [string | null, string | null];
    partners: (string | null)[];
  }[];
  sessions: { partnershipId: string; heldOn: string }[];
  actions: { createdAt: Date; updatedAt: Date; status: string }[];
  reviews: { rating: number; createdAt: Date }[];
  /** skill results of the partners: person, skill, score 0..100, when */
  results: { personId: string; skill: string; score: number; at: Date }[];
}

export interface ProgrammeReport {
  from: string;
  to: string;
  partnerships: { formed: number; active: number; ended: number };
  sessions: { held: number };
  actions: { agreed: number; completed: number };
  departments: { names: string[]; links: { a: string; b: string; pairs: number }[] };
  skills: { skill: SkillId; before: number | null; now: number | null; partners: number }[];
  ratings: {
    count: number;
    mean: number | null;
    counts: Record<'1' | '2' | '3' | '4' | '5', number>;
  };
}

const day = (d: Date) => d.toISOString().slice(0, 10);
/** the last results before a moment: three, as the readiness window uses */
const RECENT = 3;

const mean = (xs: number[]) =>
  xs.length ? Math.round((xs.reduce((a, b) => a + b, 0) / xs.length) * 10) / 10 : null;

export function programmeReport(r: ReportInput): ProgrammeReport {
  const end = new Date(Date.parse(`${day(r.to)}T23:59:59.999Z`));
  const inRange = (d: Date) => d >= r.from && d <= end;
  const live = r.partnerships.filter(
    (p) => p.createdAt <= end && (!p.endedAt || p.endedAt >= r.from),
  );
  const links = new Map<string, { a: string; b: string; pairs: number }>();
  for (const p of live) {
    const [x, y] = p.departments;
    if (!x || !y) continue;
    const [a, b] = [x, y].sort();
    const k = `${a}\u0000${b}`;
    links.set(k, { a, b, pairs: (links.get(k)?.pairs ?? 0) + 1 });
  }
  const names = [
    ...new Set(live.flatMap((p) => p.departments.filter((d): d is string => Boolean(d)))),
  ].sort();

  // skill levels before pairing (the partner's last results before their first partnership) and now (last results up to the end)
  const pairedAt = new Map<string, Date>();
  for (const p of live)
    for (const id of p.partners)
      if (id && (!pairedAt.has(id) || p.createdAt < pairedAt.get(id)!))
        pairedAt.set(id, p.createdAt);
  const skills = SKILLS.map((skill) => {
    const before: number[] = [];
    const now: number[] = [];
    for (const [personId, at] of pairedAt) {
      const mine = r.results
        .filter((x) => x.personId === personId && x.skill === skill && x.at <= end)
        .sort((a, b) => a.at.getTime() - b.at.getTime());
      const b = mean(
        mine
          .filter((x) => x.at < at)
          .slice(-RECENT)
          .map((x) => x.score),
      );
      const n = mean(mine.slice(-RECENT).map((x) => x.score));
      if (b !== null) before.push(b);
      if (n !== null) now.push(n);
    }
    return { skill, before: mean(before), now: mean(now), partners: pairedAt.size };
  });
  const ratings = r.reviews.filter((x) => inRange(x.createdAt));
  const counts = { '1': 0, '2': 0, '3': 0, '4': 0, '5': 0 };
  for (const x of ratings) counts[String(x.rating) as keyof typeof counts]++;
  return {
    from: day(r.from),
    to: day(r.to),
    partnerships: {
      formed: r.partnerships.filter((p) => inRange(p.createdAt)).length,
      active: live.filter((p) => p.activatedAt && p.activatedAt <= end).length,
      ended: r.partnerships.filter((p) => p.endedAt && inRange(p.endedAt)).length,
    },
    sessions: {
      held: r.sessions.filter((s) => s.heldOn >= day(r.from) && s.heldOn <= day(r.to)).length,
    },
    actions: {
      agreed: r.actions.filter((a) => inRange(a.createdAt)).length,
      completed: r.actions.filter((a) => a.status === 'done' && inRange(a.updatedAt)).length,
    },
    departments: {
      names,
      links: [...links.values()].sort(
        (x, y) => y.pairs - x.pairs || x.a.localeCompare(y.a) || x.b.localeCompare(y.b),
      ),
    },
    skills,
    ratings: { count: ratings.length, mean: mean(ratings.map((x) => x.rating)), counts },
  };
}

/** The report as CSV: one `section,measure,value` row per number, so a spreadsheet can chart any of them. */
export function programmeReportCsv(rep: ProgrammeReport): string {
  const rows: (string | number)[][] = [
    ['period', 'from', rep.from],
    ['period', 'to', rep.to],
    ['partnerships', 'formed', rep.partnerships.formed],
    ['partnerships', 'active', rep.partnerships.active],
    ['partnerships', 'ended', rep.partnerships.ended],
    ['sessions', 'held', rep.sessions.held],
    ['actions', 'agreed', rep.actions.agreed],
    ['actions', 'completed', rep.actions.completed],
    ...rep.departments.links.map((l) => ['departments connected', `${l.a} – ${l.b}`, l.pairs]),
    ...rep.skills.flatMap((s) => [
      ['skill before pairing', s.skill, s.before ?? ''],
      ['skill now', s.skill, s.now ?? ''],
    ]),
    ['partners’ rating of value', 'reviews', rep.ratings.count],
    ['partners’ rating of value', 'mean (1-5)', rep.ratings.mean ?? ''],
  ];
  return toCsv([['section', 'measure', 'value'], ...rows]);
}

const esc = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * The departments as points on a circle, a line for each pair of departments the partnerships
 * connect (thicker for more pairs, labelled with the count). `role="img"` with a title and a
 * description that says the same in words, for people who do not see it.
 */
export function departmentsSvg(rep: ProgrammeReport, size = 420): string {
  const { names, links } = rep.departments;
  const c = size / 2;
  const radius = size / 2 - 80;
  const at = (i: number) => {
    const angle = (2 * Math.PI * i) / Math.max(1, names.length) - Math.PI / 2;
    return {
      x: Math.round(c + radius * Math.cos(angle)),
      y: Math.round(c + radius * Math.sin(angle)),
      angle,
    };
  };
  const pos = new Map(names.map((n, i) => [n, at(i)]));
  const max = Math.max(1, ...links.map((l) => l.pairs));
  const desc = links.length
    ? `Learning Partnerships connected ${names.length} departments: ${links.map((l) => `${l.a} and ${l.b}, ${l.pairs} pair${l.pairs === 1 ? '' : 's'}`).join('; ')}.`
    : 'No partnerships connected departments in this period.';
  const lines = links
    .map((l) => {
      const a = pos.get(l.a)!;
      const b = pos.get(l.b)!;
      const w = 1.5 + (6 * l.pairs) / max;
      return (
        `<line x1="${a.x}" y1="${a.y}" x2="${b.x}" y2="${b.y}" stroke="currentColor" stroke-opacity="0.55" stroke-width="${w.toFixed(1)}"><title>${esc(`${l.a} – ${l.b}: ${l.pairs}`)}</title></line>` +
        `<text x="${Math.round((a.x + b.x) / 2)}" y="${Math.round((a.y + b.y) / 2)}" font-size="12" text-anchor="middle" dy="-3">${l.pairs}</text>`
      );
    })
    .join('');
  const dots = names
    .map((n) => {
      const p = pos.get(n)!;
      const anchor =
        Math.abs(Math.cos(p.angle)) < 0.3 ? 'middle' : Math.cos(p.angle) > 0 ? 'start' : 'end';
      const lx = Math.round(p.x + 14 * Math.cos(p.angle));
      const ly = Math.round(p.y + 14 * Math.sin(p.angle) + 4);
      return `<circle cx="${p.x}" cy="${p.y}" r="7" fill="currentColor"/><text x="${lx}" y="${ly}" font-size="13" text-anchor="${anchor}">${esc(n)}</text>`;
    })
    .join('');
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${size} ${size}" width="${size}" height="${size}" role="img" aria-labelledby="dept-title dept-desc">` +
    `<title id="dept-title">Departments connected by Learning Partnerships, ${rep.from} to ${rep.to}</title><desc id="dept-desc">${esc(desc)}</desc>` +
    `<g fill="currentColor" font-family="system-ui, sans-serif">${lines}${dots}</g></svg>`
  );
}
