/**
 * @module partnerships/blossom
 * Maximum-weight matching on a general (not bipartite) graph: Edmonds' blossom method with the
 * primal-dual weight rule, after Galil, "Efficient Algorithms for Finding Maximum Matching in
 * Graphs" (ACM Computing Surveys, 1986). O(n³). Pairing colleagues is a general graph (anyone may
 * partner anyone from another department), so a bipartite assignment would not do, and greedy
 * pairing can strand good pairs (see bench/pairing.ts).
 *
 * Written here because the one npm package for it has a single release and no upkeep; this file
 * is checked against brute force on random graphs of every size up to 10 (blossom.test.ts), and
 * the dual certificate is checked at the end of every run (`verifyOptimum`).
 *
 * Weights must be integers (the pairing scores are scaled before they come here): every dual
 * variable then stays an integer, so no floating-point rounding can make a matching suboptimal.
 */

/** An edge `[u, v, weight]` between vertices numbered 0..n-1. */
export type WeightedEdge = readonly [number, number, number];

/** Labels of top-level blossoms during a stage. */
const FREE = 0;
const S = 1;
const T = 2;
/** a breadcrumb left by scanBlossom on an S-blossom (S | 4) */
const CRUMB = 4;
const NONE = -1;

/**
 * A matching of maximum total weight. Returns `mate`, where `mate[v]` is v's partner or -1.
 *
 * Nodes are numbers: vertices 0..n-1 and non-trivial blossoms n..2n-1 (ids reused once a blossom
 * is expanded), with every per-node fact in a typed array: the loop allocates almost nothing.
 * A directed edge (v, w) is packed as `v * n + w`.
 * @example maxWeightMatching(4, [[0, 1, 5], [1, 2, 11], [2, 3, 5]]) // [-1, 2, 1, -1]
 */
export function maxWeightMatching(n: number, edgeList: readonly WeightedEdge[]): number[] {
  const mate = new Array<number>(n).fill(NONE);
  if (n === 0 || edgeList.length === 0) return mate;
  // dense tables: a pairing graph is nearly complete, and array look-ups keep the O(n³) loop fast
  const weight = new Float64Array(n * n).fill(Number.NaN);
  const key = (u: number, v: number) => (u < v ? u * n + v : v * n + u);
  const neighbours: number[][] = Array.from({ length: n }, () => []);
  let maxWeight = 0;
  for (const [u, v, w] of edgeList) {
    if (u === v || u < 0 || v < 0 || u >= n || v >= n)
      throw new RangeError(`edge ${u}-${v} is not between two vertices of 0..${n - 1}`);
    if (!Number.isInteger(w))
      throw new RangeError(`edge ${u}-${v}: weights must be integers (scale them first)`);
    if (!Number.isNaN(weight[key(u, v)])) throw new RangeError(`edge ${u}-${v} is given twice`);
    weight[key(u, v)] = w;
    neighbours[u].push(v);
    neighbours[v].push(u);
    if (w > maxWeight) maxWeight = w;
  }
  const N = 2 * n;
  const from = (e: number) => Math.floor(e / n);
  const to = (e: number) => e % n;
  const pack = (v: number, w: number) => v * n + w;

  const label = new Int8Array(N);
  /** the edge (packed) through which a node got its label; NONE for a single vertex's S label */
  const labelEdge = new Int32Array(N).fill(NONE);
  const inBlossom = Int32Array.from({ length: n }, (_, i) => i);
  const parent = new Int32Array(N).fill(NONE);
  const base = Int32Array.from({ length: N }, (_, i) => (i < n ? i : NONE));
  /** sub-blossoms in cycle order, from the one holding the base */
  const childs: number[][] = Array.from({ length: N }, () => []);
  /** edges[b][i] = (v, w) packed: v in childs[b][i], w in childs[b][i + 1] (wrapping) */
  const bEdges: number[][] = Array.from({ length: N }, () => []);
  /** least-slack edge (packed) to an S-node; see Galil */
  const bestEdge = new Int32Array(N).fill(NONE);
  /** for a top-level S-blossom: least-slack edges to neighbouring S-blossoms, or null */
  const bestEdges: (number[] | null)[] = new Array(N).fill(null);
  /** 2 × the vertex dual u(v), so everything stays an integer */
  const dual = new Float64Array(n).fill(maxWeight);
  const zDual = new Float64Array(N);
  const alive = new Uint8Array(N);
  const freeIds: number[] = [];
  for (let b = N - 1; b >= n; b--) freeIds.push(b);
  const allowed = new Uint8Array(n * n);
  let queue: number[] = [];

  /** 2 × the slack of edge (v, w); only meaningful between different top-level blossoms */
  const slack = (v: number, w: number) => dual[v] + dual[w] - 2 * weight[key(v, w)];
  const slackOf = (e: number) => slack(from(e), to(e));
  const leaves = (b: number, out: number[] = []): number[] => {
    if (b < n) out.push(b);
    else for (const c of childs[b]) leaves(c, out);
    return out;
  };

  function assignLabel(w: number, t: number, v: number): void {
    const b = inBlossom[w];
    label[w] = label[b] = t;
    labelEdge[w] = labelEdge[b] = v === NONE ? NONE : pack(v, w);
    bestEdge[w] = bestEdge[b] = NONE;
    if (t === S) leaves(b, queue);
    else {
      // a T-blossom's base is the only vertex matched outside it: its mate becomes S
      const bs = base[b];
      assignLabel(mate[bs], S, bs);
    }
  }

  /** Walks back from v and w: the base of a new blossom, or NONE when the paths reach two single vertices. */
  function scanBlossom(v: number, w: number): number {
    const path: number[] = [];
    let found = NONE;
    while (v !== NONE) {
      let b = inBlossom[v];
      if (label[b] & CRUMB) {
        found = base[b];
        break;
      }
      path.push(b);
      label[b] = S | CRUMB;
      if (labelEdge[b] === NONE) v = NONE;
      else {
        b = inBlossom[from(labelEdge[b])];
        v = from(labelEdge[b]);
      }
      if (w !== NONE) [v, w] = [w, v];
    }
    for (const b of path) label[b] = S;
    return found;
  }

  function addBlossom(bs: number, v: number, w: number): void {
    const bb = inBlossom[bs];
    let bv = inBlossom[v];
    let bw = inBlossom[w];
    const b = freeIds.pop()!;
    alive[b] = 1;
    base[b] = bs;
    parent[b] = NONE;
    parent[bb] = b;
    const path: number[] = [];
    const edges: number[] = [pack(v, w)];
    while (bv !== bb) {
      parent[bv] = b;
      path.push(bv);
      edges.push(labelEdge[bv]);
      bv = inBlossom[from(labelEdge[bv])];
    }
    path.push(bb);
    path.reverse();
    edges.reverse();
    while (bw !== bb) {
      parent[bw] = b;
      path.push(bw);
      const e = labelEdge[bw];
      edges.push(pack(to(e), from(e)));
      bw = inBlossom[from(e)];
    }
    childs[b] = path;
    bEdges[b] = edges;
    label[b] = S;
    labelEdge[b] = labelEdge[bb];
    zDual[b] = 0;
    for (const leaf of leaves(b)) {
      // T-vertices inside the new S-blossom become S-vertices: scan them too
      if (label[inBlossom[leaf]] === T) queue.push(leaf);
      inBlossom[leaf] = b;
    }
    // least-slack edges from the new blossom to each neighbouring S-blossom
    const bestTo = new Map<number, number>();
    for (const sub of path) {
      let list: number[];
      if (sub >= n && bestEdges[sub]) {
        list = bestEdges[sub]!;
        bestEdges[sub] = null;
      } else {
        list = [];
        for (const x of leaves(sub)) for (const y of neighbours[x]) list.push(pack(x, y));
      }
      for (const k of list) {
        let i = from(k);
        let j = to(k);
        if (inBlossom[j] === b) [i, j] = [j, i];
        const bj = inBlossom[j];
        const known = bestTo.get(bj);
        if (bj !== b && label[bj] === S && (known === undefined || slack(i, j) < slackOf(known)))
          bestTo.set(bj, pack(i, j));
      }
      bestEdge[sub] = NONE;
    }
    bestEdges[b] = [...bestTo.values()];
    let best = NONE;
    for (const k of bestEdges[b]!) if (best === NONE || slackOf(k) < slackOf(best)) best = k;
    bestEdge[b] = best;
  }

  function expandBlossom(b: number, endStage: boolean): void {
    for (const s of childs[b]) {
      parent[s] = NONE;
      if (s < n) inBlossom[s] = s;
      else if (endStage && zDual[s] === 0) expandBlossom(s, endStage);
      else for (const leaf of leaves(s)) inBlossom[leaf] = s;
    }
    // a T-blossom expanded mid-stage: relabel the sub-blossoms on the even path to its base
    if (!endStage && label[b] === T) {
      const cs = childs[b];
      const es = bEdges[b];
      const at = (i: number) => (i < 0 ? i + cs.length : i);
      const entry = inBlossom[to(labelEdge[b])];
      let j = cs.indexOf(entry);
      let step: number;
      if (j & 1) {
        j -= cs.length;
        step = 1;
      } else step = -1;
      let v = from(labelEdge[b]);
      let w = to(labelEdge[b]);
      while (j !== 0) {
        let p: number;
        let q: number;
        if (step === 1) [p, q] = [from(es[at(j)]), to(es[at(j)])];
        else [q, p] = [from(es[at(j - 1)]), to(es[at(j - 1)])];
        label[w] = FREE;
        label[q] = FREE;
        assignLabel(w, T, v);
        allowed[key(p, q)] = 1;
        j += step;
        if (step === 1) [v, w] = [from(es[at(j)]), to(es[at(j)])];
        else [w, v] = [from(es[at(j - 1)]), to(es[at(j - 1)])];
        allowed[key(v, w)] = 1;
        j += step;
      }
      const bw = cs[at(j)];
      label[w] = label[bw] = T;
      labelEdge[w] = labelEdge[bw] = pack(v, w);
      bestEdge[bw] = NONE;
      j += step;
      while (cs[at(j)] !== entry) {
        const bv = cs[at(j)];
        if (label[bv] === S) {
          j += step;
          continue;
        }
        let reached = NONE;
        for (const leaf of leaves(bv)) {
          if (label[leaf]) {
            reached = leaf;
            break;
          }
        }
        if (reached !== NONE) {
          label[reached] = FREE;
          label[mate[base[bv]]] = FREE;
          assignLabel(reached, T, from(labelEdge[reached]));
        }
        j += step;
      }
    }
    label[b] = FREE;
    labelEdge[b] = NONE;
    bestEdge[b] = NONE;
    bestEdges[b] = null;
    parent[b] = NONE;
    base[b] = NONE;
    childs[b] = [];
    bEdges[b] = [];
    alive[b] = 0;
    freeIds.push(b);
  }

  /** Swaps matched and unmatched edges on the even path from v to the base of b. */
  function augmentBlossom(b: number, v: number): void {
    let t = v;
    while (parent[t] !== b) t = parent[t];
    if (t >= n) augmentBlossom(t, v);
    const cs = childs[b];
    const es = bEdges[b];
    const at = (k: number) => (k < 0 ? k + cs.length : k);
    const i = cs.indexOf(t);
    let j = i;
    let step: number;
    if (i & 1) {
      j -= cs.length;
      step = 1;
    } else step = -1;
    while (j !== 0) {
      j += step;
      let sub = cs[at(j)];
      let w: number;
      let x: number;
      if (step === 1) [w, x] = [from(es[at(j)]), to(es[at(j)])];
      else [x, w] = [from(es[at(j - 1)]), to(es[at(j - 1)])];
      if (sub >= n) augmentBlossom(sub, w);
      j += step;
      sub = cs[at(j)];
      if (sub >= n) augmentBlossom(sub, x);
      mate[w] = x;
      mate[x] = w;
    }
    childs[b] = [...cs.slice(i), ...cs.slice(0, i)];
    bEdges[b] = [...es.slice(i), ...es.slice(0, i)];
    base[b] = base[childs[b][0]];
  }

  function augmentMatching(v: number, w: number): void {
    for (let [s, j] of [
      [v, w],
      [w, v],
    ]) {
      for (;;) {
        const bs = inBlossom[s];
        if (bs >= n) augmentBlossom(bs, s);
        mate[s] = j;
        if (labelEdge[bs] === NONE) break;
        const bt = inBlossom[from(labelEdge[bs])];
        s = from(labelEdge[bt]);
        j = to(labelEdge[bt]);
        if (bt >= n) augmentBlossom(bt, j);
        mate[j] = s;
      }
    }
  }

  for (;;) {
    // a stage: find one augmenting path
    label.fill(FREE);
    labelEdge.fill(NONE);
    bestEdge.fill(NONE);
    bestEdges.fill(null);
    allowed.fill(0);
    queue = [];
    for (let v = 0; v < n; v++)
      if (mate[v] === NONE && label[inBlossom[v]] === FREE) assignLabel(v, S, NONE);
    let augmented = false;
    for (;;) {
      while (queue.length && !augmented) {
        const v = queue.pop()!;
        for (const w of neighbours[v]) {
          const bv = inBlossom[v];
          const bw = inBlossom[w];
          if (bv === bw) continue;
          const k = key(v, w);
          let kslack = 0;
          if (!allowed[k]) {
            kslack = slack(v, w);
            if (kslack <= 0) allowed[k] = 1;
          }
          if (allowed[k]) {
            if (label[bw] === FREE) assignLabel(w, T, v);
            else if (label[bw] === S) {
              const bs = scanBlossom(v, w);
              if (bs !== NONE) addBlossom(bs, v, w);
              else {
                augmentMatching(v, w);
                augmented = true;
                break;
              }
            } else if (label[w] === FREE) {
              label[w] = T;
              labelEdge[w] = pack(v, w);
            }
          } else if (label[bw] === S) {
            if (bestEdge[bv] === NONE || kslack < slackOf(bestEdge[bv])) bestEdge[bv] = pack(v, w);
          } else if (label[w] === FREE) {
            if (bestEdge[w] === NONE || kslack < slackOf(bestEdge[w])) bestEdge[w] = pack(v, w);
          }
        }
      }
      if (augmented) break;

      // no augmenting path with tight edges: move the duals by the smallest safe delta
      let deltaType = 1;
      let delta = Infinity;
      for (let v = 0; v < n; v++) if (dual[v] < delta) delta = dual[v];
      let deltaEdge = NONE;
      let deltaBlossom = NONE;
      for (let v = 0; v < n; v++) {
        if (label[inBlossom[v]] === FREE && bestEdge[v] !== NONE) {
          const d = slackOf(bestEdge[v]);
          if (d < delta) {
            delta = d;
            deltaType = 2;
            deltaEdge = bestEdge[v];
          }
        }
      }
      for (let b = 0; b < N; b++) {
        if ((b < n || alive[b]) && parent[b] === NONE && label[b] === S && bestEdge[b] !== NONE) {
          const d = slackOf(bestEdge[b]) / 2; // even: both ends are S-vertices
          if (d < delta) {
            delta = d;
            deltaType = 3;
            deltaEdge = bestEdge[b];
          }
        }
      }
      for (let b = n; b < N; b++) {
        if (alive[b] && parent[b] === NONE && label[b] === T && zDual[b] < delta) {
          delta = zDual[b];
          deltaType = 4;
          deltaBlossom = b;
        }
      }
      for (let v = 0; v < n; v++) {
        const l = label[inBlossom[v]];
        if (l === S) dual[v] -= delta;
        else if (l === T) dual[v] += delta;
      }
      for (let b = n; b < N; b++) {
        if (!alive[b] || parent[b] !== NONE) continue;
        if (label[b] === S) zDual[b] += delta;
        else if (label[b] === T) zDual[b] -= delta;
      }
      if (deltaType === 1) break;
      if (deltaType === 2 || deltaType === 3) {
        allowed[key(from(deltaEdge), to(deltaEdge))] = 1;
        queue.push(from(deltaEdge));
      } else expandBlossom(deltaBlossom, false);
    }
    if (!augmented) break;
    for (let b = n; b < N; b++) {
      if (alive[b] && parent[b] === NONE && label[b] === S && zDual[b] === 0)
        expandBlossom(b, true);
    }
  }
  verifyOptimum();
  return mate;

  /** The dual certificate: non-negative slacks, tight matched edges, single vertices at zero dual. */
  function verifyOptimum(): void {
    const fail = (why: string) => {
      throw new Error(`maxWeightMatching: optimality check failed (${why})`);
    };
    for (let v = 0; v < n; v++) if (dual[v] < 0) fail('negative vertex dual');
    for (let b = n; b < N; b++) if (alive[b] && zDual[b] < 0) fail('negative blossom dual');
    const chain = (x: number) => {
      const out: number[] = [x];
      for (let p = parent[x]; p !== NONE; p = parent[p]) out.push(p);
      return out.reverse();
    };
    for (const [u, v, w] of edgeList) {
      let s = dual[u] + dual[v] - 2 * w;
      const bu = chain(u);
      const bv = chain(v);
      for (let i = 0; i < Math.min(bu.length, bv.length) && bu[i] === bv[i]; i++)
        s += 2 * zDual[bu[i]];
      if (s < 0) fail(`edge ${u}-${v} has negative slack`);
      if (mate[u] === v && s !== 0) fail(`matched edge ${u}-${v} is not tight`);
    }
    for (let v = 0; v < n; v++)
      if (mate[v] === NONE && dual[v] !== 0) fail(`single vertex ${v} has a non-zero dual`);
  }
}

/** Total weight of a matching given as `mate`. */
export function matchingWeight(mate: readonly number[], edgeList: readonly WeightedEdge[]): number {
  let total = 0;
  for (const [u, v, w] of edgeList) if (mate[u] === v) total += w;
  return total;
}
