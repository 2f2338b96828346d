// Debris and dust: spawned where glue broke (positions, velocities and times come from the bake), stepped by
// the debris step graph (models/collapse: an ONNX graph run by the effect runtime). `stepDebrisReference`
// is the same update in plain TypeScript: the oracle the graph is tested against, never a silent stand-in.
import { createRng, gaussian, subSeed } from './prng';
import type { BakeBreak } from './bake';

export const DEBRIS_MODEL_ID = 'previs.debris-step';
/** floats per particle in the state tensor: position xyz, velocity xyz */
export const STATE = 6;
/** env tensor: gravity xyz, dt, floor height, bounce */
export const ENV = 6;

export interface DebrisSpawns {
  count: number;
  /** seconds after the trigger, ascending, so the live particles are always a prefix */
  time: Float32Array;
  /** initial state, STATE floats per particle */
  state: Float32Array;
  /** linear drag per particle, 1/s (dust floats, chips fly) */
  drag: Float32Array;
  /** 1 for dust, 0 for chips */
  dust: Uint8Array;
}

/** Shares `budget` particles among the breaks by glue area (largest remainder), deterministically from the seed. */
export function spawnDebris(breaks: BakeBreak[], budget: number, seed: number, dustShare = 0.6): DebrisSpawns {
  const total = breaks.reduce((a, b) => a + b.area, 0);
  const n = total > 0 ? budget : 0;
  const counts = breaks.map((b) => (n * b.area) / total);
  const floor = counts.map(Math.floor);
  let left = n - floor.reduce((a, b) => a + b, 0);
  const order = counts.map((c, i) => ({ i, r: c - Math.floor(c) })).sort((a, b) => b.r - a.r || a.i - b.i);
  for (const { i } of order) {
    if (left <= 0) break;
    floor[i]!++;
    left--;
  }
  const rng = createRng(subSeed(seed, 2));
  const items: { t: number; s: number[]; drag: number; dust: number }[] = [];
  breaks.forEach((b, bi) => {
    for (let k = 0; k < floor[bi]!; k++) {
      const dust = rng() < dustShare;
      const spread = dust ? 1.2 : 3.5;
      const lift = dust ? 0.8 : 1.5;
      items.push({
        t: b.time + rng() * 0.12,
        s: [
          b.pos[0] + gaussian(rng) * 0.12,
          b.pos[1] + gaussian(rng) * 0.12,
          b.pos[2] + gaussian(rng) * 0.12,
          b.vel[0] + gaussian(rng) * spread,
          b.vel[1] + gaussian(rng) * spread + lift,
          b.vel[2] + gaussian(rng) * spread,
        ],
        drag: dust ? 1.6 + rng() * 1.2 : 0.05,
        dust: dust ? 1 : 0,
      });
    }
  });
  items.sort((a, b) => a.t - b.t);
  const out: DebrisSpawns = {
    count: items.length,
    time: new Float32Array(items.length),
    state: new Float32Array(items.length * STATE),
    drag: new Float32Array(items.length),
    dust: new Uint8Array(items.length),
  };
  items.forEach((it, i) => {
    out.time[i] = it.t;
    out.state.set(it.s, STATE * i);
    out.drag[i] = it.drag;
    out.dust[i] = it.dust;
  });
  return out;
}

export function debrisEnv(gravity: number, dt: number, floorY = 0, bounce = 0.25): Float32Array {
  return Float32Array.from([0, -gravity, 0, dt, floorY, bounce]);
}

/** Ground friction on a bounce (tangential speed kept), fixed in the graph too. */
export const GROUND_FRICTION = 0.5;

/** One explicit step: drag, gravity, move, bounce off the floor. The graph computes exactly this. */
export function stepDebrisReference(state: Float32Array, drag: Float32Array, env: Float32Array, count = drag.length): Float32Array {
  const out = new Float32Array(count * STATE);
  const [gx, gy, gz, dt, floorY, bounce] = env as unknown as [number, number, number, number, number, number];
  for (let i = 0; i < count; i++) {
    const o = STATE * i;
    const damp = Math.max(1 - drag[i]! * dt, 0);
    let vx = state[o + 3]! * damp + gx * dt;
    let vy = state[o + 4]! * damp + gy * dt;
    let vz = state[o + 5]! * damp + gz * dt;
    const x = state[o]! + vx * dt;
    let y = state[o + 1]! + vy * dt;
    const z = state[o + 2]! + vz * dt;
    if (y < floorY) {
      vx *= GROUND_FRICTION;
      vy *= -bounce;
      vz *= GROUND_FRICTION;
    }
    y = Math.max(y, floorY);
    out.set([x, y, z, vx, vy, vz], o);
  }
  return out;
}
