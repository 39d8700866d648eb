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

/** A non-trivial blossom: an odd cycle of sub-blossoms shrunk to one node. */
class Blossom {
  /** sub-blossoms in cycle order, starting with the one holding the base */
  childs: Node[] = [];
  /** edges[i] = [v, w]: v in childs[i], w in childs[i + 1] (wrapping) */
  edges: [number, number][] = [];
  /** for a top-level S-blossom: least-slack edges to neighbouring S-blossoms, or null */
  bestEdges: [number, number][] | null = null;
  leaves(): number[] {
    const out: number[] = [];
    const walk = (b: Blossom) => {
      for (const c of b.childs) if (c instanceof Blossom) walk(c);
      else out.push(c);
    };
    walk(this);
    return out;
  }
}
type Node = number | Blossom;
const S = 1;
const T = 2;
/** a breadcrumb left by scanBlossom on an S-blossom (S | 4) */
const CRUMB = 4;

/**
 * A matching of maximum total weight. Returns `mate`, where `mate[v]` is v's partner or -1.
 * @example maxWeightMatching(4, [[0, 1, 5], [1, 2, 11], [2, 3, 5]]) // [-1, 2, 1, -1]
 */
export function maxWeightMatching(n: number, edgeList: readonly WeightedEdge[]): number[] {
  const mate = new Array<number>(n).fill(-1);
  if (n === 0 || edgeList.length === 0) return mate;
  const weight = new Map<number, number>();
  const key = (u: number, v: number) => (u < v ? u * n + v : v * n + u);
  const neighbours: number[][] = Array.from({ length: n }, () => []);
  let maxWeight = 0;
  for (const [u, v, w] of edgeList) {
    if (u === v || u < 0 || v < 0 || u >= n || v >= n) throw new RangeError(`edge ${u}-${v} is not between two vertices of 0..${n - 1}`);
    if (!Number.isInteger(w)) throw new RangeError(`edge ${u}-${v}: weights must be integers (scale them first)`);
    if (weight.has(key(u, v))) throw new RangeError(`edge ${u}-${v} is given twice`);
    weight.set(key(u, v), w);
    neighbours[u].push(v);
    neighbours[v].push(u);
    if (w > maxWeight) maxWeight = w;
  }

  const label = new Map<Node, number>();
  const labelEdge = new Map<Node, [number, number] | null>();
  const inBlossom: Node[] = Array.from({ length: n }, (_, i) => i);
  const blossomParent = new Map<Node, Blossom | null>();
  const blossomBase = new Map<Node, number>();
  for (let v = 0; v < n; v++) {
    blossomParent.set(v, null);
    blossomBase.set(v, v);
  }
  const bestEdge = new Map<Node, [number, number] | null>();
  /** 2 × the vertex dual u(v), so everything stays an integer */
  const dual: number[] = new Array<number>(n).fill(maxWeight);
  const blossomDual = new Map<Blossom, number>();
  const allowed = new Set<number>();
  let queue: number[] = [];

  /** 2 × the slack of edge (v, w); only meaningful between different top-level blossoms */
  const slack = (v: number, w: number) => dual[v] + dual[w] - 2 * weight.get(key(v, w))!;

  function assignLabel(w: number, t: number, v: number | null): void {
    const b = inBlossom[w];
    label.set(w, t);
    label.set(b, t);
    const e: [number, number] | null = v === null ? null : [v, w];
    labelEdge.set(w, e);
    labelEdge.set(b, e);
    bestEdge.set(w, null);
    bestEdge.set(b, null);
    if (t === S) {
      if (b instanceof Blossom) queue.push(...b.leaves());
      else queue.push(b);
    } else {
      // a T-blossom's base is the only vertex matched outside it: its mate becomes S
      const base = blossomBase.get(b)!;
      assignLabel(mate[base], S, base);
    }
  }

  /** Walks back from v and w: the base of a new blossom, or -1 when the paths reach two single vertices. */
  function scanBlossom(v0: number, w0: number): number {
    const path: Node[] = [];
    let base = -1;
    let v = v0;
    let w = w0;
    while (v !== -1) {
      let b = inBlossom[v];
      if (label.get(b)! & CRUMB) {
        base = blossomBase.get(b)!;
        break;
      }
      path.push(b);
      label.set(b, S | CRUMB);
      const e = labelEdge.get(b);
      if (!e) v = -1;
      else {
        v = e[0];
        b = inBlossom[v];
        v = labelEdge.get(b)![0];
      }
      if (w !== -1) [v, w] = [w, v];
    }
    for (const b of path) label.set(b, S);
    return base;
  }

  function addBlossom(base: number, v: number, w: number): void {
    const bb = inBlossom[base];
    let bv = inBlossom[v];
    let bw = inBlossom[w];
    const b = new Blossom();
    blossomBase.set(b, base);
    blossomParent.set(b, null);
    blossomParent.set(bb, b);
    const path: Node[] = [];
    const edges: [number, number][] = [[v, w]];
    while (bv !== bb) {
      blossomParent.set(bv, b);
      path.push(bv);
      const e = labelEdge.get(bv)!;
      edges.push(e);
      bv = inBlossom[e[0]];
    }
    path.push(bb);
    path.reverse();
    edges.reverse();
    while (bw !== bb) {
      blossomParent.set(bw, b);
      path.push(bw);
      const e = labelEdge.get(bw)!;
      edges.push([e[1], e[0]]);
      bw = inBlossom[e[0]];
    }
    b.childs = path;
    b.edges = edges;
    label.set(b, S);
    labelEdge.set(b, labelEdge.get(bb) ?? null);
    blossomDual.set(b, 0);
    for (const leaf of b.leaves()) {
      // T-vertices inside the new S-blossom become S-vertices: scan them too
      if (label.get(inBlossom[leaf]) === T) queue.push(leaf);
      inBlossom[leaf] = b;
    }
    // least-slack edges from the new blossom to each neighbouring S-blossom
    const bestTo = new Map<Node, [number, number]>();
    for (const sub of path) {
      let list: [number, number][];
      if (sub instanceof Blossom && sub.bestEdges) {
        list = sub.bestEdges;
        sub.bestEdges = null;
      } else {
        const leaves = sub instanceof Blossom ? sub.leaves() : [sub];
        list = leaves.flatMap((x) => neighbours[x].map((y) => [x, y] as [number, number]));
      }
      for (const k of list) {
        let [i, j] = k;
        if (inBlossom[j] === b) [i, j] = [j, i];
        const bj = inBlossom[j];
        const known = bestTo.get(bj);
        if (bj !== b && label.get(bj) === S && (!known || slack(i, j) < slack(known[0], known[1]))) bestTo.set(bj, [i, j]);
      }
      bestEdge.set(sub, null);
    }
    b.bestEdges = [...bestTo.values()];
    let best: [number, number] | null = null;
    for (const k of b.bestEdges) if (!best || slack(k[0], k[1]) < slack(best[0], best[1])) best = k;
    bestEdge.set(b, best);
  }

  function expandBlossom(b: Blossom, endStage: boolean): void {
    for (const s of b.childs) {
      blossomParent.set(s, null);
      if (s instanceof Blossom) {
        if (endStage && blossomDual.get(s) === 0) expandBlossom(s, endStage);
        else for (const leaf of s.leaves()) inBlossom[leaf] = s;
      } else inBlossom[s] = s;
    }
    // a T-blossom expanded mid-stage: relabel the sub-blossoms on the even path to its base
    if (!endStage && label.get(b) === T) {
      const entry = inBlossom[labelEdge.get(b)![1]];
      let j = b.childs.indexOf(entry);
      let step: number;
      if (j & 1) {
        j -= b.childs.length;
        step = 1;
      } else step = -1;
      const at = (i: number) => (i < 0 ? i + b.childs.length : i);
      const edgeAt = (i: number) => b.edges[at(i)];
      let [v, w] = labelEdge.get(b)!;
      while (j !== 0) {
        let p: number;
        let q: number;
        if (step === 1) [p, q] = edgeAt(j);
        else [q, p] = edgeAt(j - 1);
        label.delete(w);
        label.delete(q);
        assignLabel(w, T, v);
        allowed.add(key(p, q));
        j += step;
        if (step === 1) [v, w] = edgeAt(j);
        else [w, v] = edgeAt(j - 1);
        allowed.add(key(v, w));
        j += step;
      }
      const bw = b.childs[at(j)];
      label.set(w, T);
      label.set(bw, T);
      labelEdge.set(w, [v, w]);
      labelEdge.set(bw, [v, w]);
      bestEdge.set(bw, null);
      j += step;
      while (b.childs[at(j)] !== entry) {
        const bv = b.childs[at(j)];
        if (label.get(bv) === S) {
          j += step;
          continue;
        }
        let reached = -1;
        for (const leaf of bv instanceof Blossom ? bv.leaves() : [bv]) {
          if (label.get(leaf)) {
            reached = leaf;
            break;
          }
        }
        if (reached !== -1) {
          label.delete(reached);
          label.delete(mate[blossomBase.get(bv)!]);
          assignLabel(reached, T, labelEdge.get(reached)![0]);
        }
        j += step;
      }
    }
    label.delete(b);
    labelEdge.delete(b);
    bestEdge.delete(b);
    blossomParent.delete(b);
    blossomBase.delete(b);
    blossomDual.delete(b);
  }

  /** Swaps matched and unmatched edges on the even path from v to the base of b. */
  function augmentBlossom(b: Blossom, v: number): void {
    let t: Node = v;
    while (blossomParent.get(t) !== b) t = blossomParent.get(t)!;
    if (t instanceof Blossom) augmentBlossom(t, v);
    const i = b.childs.indexOf(t);
    let j = i;
    let step: number;
    if (i & 1) {
      j -= b.childs.length;
      step = 1;
    } else step = -1;
    const at = (k: number) => (k < 0 ? k + b.childs.length : k);
    while (j !== 0) {
      j += step;
      let sub = b.childs[at(j)];
      let w: number;
      let x: number;
      if (step === 1) [w, x] = b.edges[at(j)];
      else [x, w] = b.edges[at(j - 1)];
      if (sub instanceof Blossom) augmentBlossom(sub, w);
      j += step;
      sub = b.childs[at(j)];
      if (sub instanceof Blossom) augmentBlossom(sub, x);
      mate[w] = x;
      mate[x] = w;
    }
    b.childs = [...b.childs.slice(i), ...b.childs.slice(0, i)];
    b.edges = [...b.edges.slice(i), ...b.edges.slice(0, i)];
    blossomBase.set(b, blossomBase.get(b.childs[0])!);
  }

  function augmentMatching(v: number, w: number): void {
    for (let [s, j] of [
      [v, w],
      [w, v],
    ]) {
      for (;;) {
        const bs = inBlossom[s];
        if (bs instanceof Blossom) augmentBlossom(bs, s);
        mate[s] = j;
        const e = labelEdge.get(bs);
        if (!e) break;
        const t = e[0];
        const bt = inBlossom[t];
        [s, j] = labelEdge.get(bt)!;
        if (bt instanceof Blossom) augmentBlossom(bt, j);
        mate[j] = s;
      }
    }
  }

  for (;;) {
    // a stage: find one augmenting path
    label.clear();
    labelEdge.clear();
    bestEdge.clear();
    for (const b of blossomDual.keys()) b.bestEdges = null;
    allowed.clear();
    queue = [];
    for (let v = 0; v < n; v++) if (mate[v] === -1 && label.get(inBlossom[v]) === undefined) assignLabel(v, S, null);
    let augmented = false;
    for (;;) {
      while (queue.length && !augmented) {
        const v = queue.pop()!;
        for (const w of neighbours[v]) {
          const bv = inBlossom[v];
          const bw = inBlossom[w];
          if (bv === bw) continue;
          let kslack = 0;
          if (!allowed.has(key(v, w))) {
            kslack = slack(v, w);
            if (kslack <= 0) allowed.add(key(v, w));
          }
          if (allowed.has(key(v, w))) {
            if (label.get(bw) === undefined) assignLabel(w, T, v);
            else if (label.get(bw) === S) {
              const base = scanBlossom(v, w);
              if (base !== -1) addBlossom(base, v, w);
              else {
                augmentMatching(v, w);
                augmented = true;
                break;
              }
            } else if (label.get(w) === undefined) {
              label.set(w, T);
              labelEdge.set(w, [v, w]);
            }
          } else if (label.get(bw) === S) {
            const be = bestEdge.get(bv);
            if (!be || kslack < slack(be[0], be[1])) bestEdge.set(bv, [v, w]);
          } else if (label.get(w) === undefined) {
            const be = bestEdge.get(w);
            if (!be || kslack < slack(be[0], be[1])) bestEdge.set(w, [v, w]);
          }
        }
      }
      if (augmented) break;

      // no augmenting path with tight edges: move the duals by the smallest safe delta
      let deltaType = 1;
      let delta = Math.min(...dual);
      let deltaEdge: [number, number] | null = null;
      let deltaBlossom: Blossom | null = null;
      for (let v = 0; v < n; v++) {
        const be = bestEdge.get(v);
        if (label.get(inBlossom[v]) === undefined && be) {
          const d = slack(be[0], be[1]);
          if (d < delta) {
            delta = d;
            deltaType = 2;
            deltaEdge = be;
          }
        }
      }
      for (const [b, parent] of blossomParent) {
        const be = bestEdge.get(b);
        if (parent === null && label.get(b) === S && be) {
          const d = slack(be[0], be[1]) / 2; // even: both ends are S-vertices
          if (d < delta) {
            delta = d;
            deltaType = 3;
            deltaEdge = be;
          }
        }
      }
      for (const [b, z] of blossomDual) {
        if (blossomParent.get(b) === null && label.get(b) === T && z < delta) {
          delta = z;
          deltaType = 4;
          deltaBlossom = b;
        }
      }
      for (let v = 0; v < n; v++) {
        const l = label.get(inBlossom[v]);
        if (l === S) dual[v] -= delta;
        else if (l === T) dual[v] += delta;
      }
      for (const [b, z] of blossomDual) {
        if (blossomParent.get(b) !== null) continue;
        const l = label.get(b);
        if (l === S) blossomDual.set(b, z + delta);
        else if (l === T) blossomDual.set(b, z - delta);
      }
      if (deltaType === 1) break;
      if (deltaType === 2 || deltaType === 3) {
        const [v, w] = deltaEdge!;
        allowed.add(key(v, w));
        queue.push(v);
      } else expandBlossom(deltaBlossom!, false);
    }
    if (!augmented) break;
    for (const b of [...blossomDual.keys()]) {
      if (blossomDual.has(b) && blossomParent.get(b) === null && label.get(b) === S && blossomDual.get(b) === 0) expandBlossom(b, true);
    }
  }
  verifyOptimum();
  return mate;

  /** The dual certificate: non-negative slacks, tight matched edges, single vertices at zero dual. */
  function verifyOptimum(): void {
    const fail = (why: string) => {
      throw new Error(`maxWeightMatching: optimality check failed (${why})`);
    };
    if (Math.min(...dual) < 0) fail('negative vertex dual');
    for (const z of blossomDual.values()) if (z < 0) fail('negative blossom dual');
    const chain = (x: Node) => {
      const out: Node[] = [x];
      for (let p = blossomParent.get(x); p; p = blossomParent.get(p)) out.push(p);
      return out.reverse();
    };
    for (const [u, v, w] of edgeList) {
      let s = dual[u] + dual[v] - 2 * w;
      const bu = chain(u);
      const bv = chain(v);
      for (let i = 0; i < Math.min(bu.length, bv.length) && bu[i] === bv[i]; i++) s += 2 * blossomDual.get(bu[i] as Blossom)!;
      if (s < 0) fail(`edge ${u}-${v} has negative slack`);
      if (mate[u] === v && s !== 0) fail(`matched edge ${u}-${v} is not tight`);
    }
    for (let v = 0; v < n; v++) if (mate[v] === -1 && dual[v] !== 0) fail(`single vertex ${v} has a non-zero dual`);
  }
}

/** Total weight of a matching given as `mate`. */
export function matchingWeight(mate: readonly number[], edgeList: readonly WeightedEdge[]): number {
  let total = 0;
  for (const [u, v, w] of edgeList) if (mate[u] === v) total += w;
  return total;
}
