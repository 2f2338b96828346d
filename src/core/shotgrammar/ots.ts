// Over the shoulder of X onto Y: Y framed by the size (face on one third, look room towards X), X's head and
// shoulder towards the other edge. The camera swings round Y until X's head lands on its column; the framing
// of Y is solved exactly at every heading (place.ts), so only that one angle is searched.
import { rotationFromAttitude } from '../lens';
import type { Vec3 } from '../rig';
import type { LensRequest, ShotDescription } from './description';
import { bodyMarks } from './body';
import { DEG, SolveError, actorOf, focusDepth, fovOf, neg, norm, rotateY, setup, verticalHold, type SolveContext, type SolvedShot, type VerticalHold } from './camera';
import { DEFAULT_SIZE, OTS_FACE_NDC, OTS_SHOULDER_NDC, SIZE_FRAMING } from './framingTable';
import { chooseLens, longerLens, type LensChoice } from './lensChoice';
import { place, type Placement } from './place';
import { blockedBy, blockers } from './obstacles';
import { projectToFrame } from './project';
import type { SizeCode } from './vocabulary';

export interface OtsRequest {
  foregroundId: string;
  targetId: string;
  shoulder?: 'left' | 'right';
  size: Exclude<SizeCode, 'INSERT'>;
  lens?: LensRequest;
  /** a lens already chosen (coverage matches the reverse pair) */
  lensChoice?: LensChoice;
  hold: VerticalHold;
  dutch: number;
}

export function solveOts(desc: ShotDescription, ctx: SolveContext): SolvedShot {
  const size = desc.size ?? DEFAULT_SIZE.ots;
  if (size === 'INSERT') throw new SolveError('Contradiction: an insert is not over a shoulder');
  if (desc.angle === 'overhead') throw new SolveError('Contradiction: an overhead shot cannot look over a shoulder');
  return solveOtsWith(ctx, { ...desc.ots!, size, ...(desc.lens ? { lens: desc.lens } : {}), hold: verticalHold(desc), dutch: (desc.dutchDeg ?? 0) * DEG });
}

/** The horizontal unit vector from Y towards the side of X's chosen shoulder. */
export function shoulderSide(ctx: SolveContext, fgId: string, targetId: string, shoulder: 'left' | 'right'): Vec3 {
  const x = bodyMarks(actorOf(ctx, fgId)).axis;
  const y = bodyMarks(actorOf(ctx, targetId)).axis;
  const u = norm([x[0] - y[0], 0, x[2] - y[2]]);
  const right: Vec3 = [u[2], 0, -u[0]];
  return shoulder === 'right' ? right : neg(right);
}

export function solveOtsWith(ctx: SolveContext, req: OtsRequest): SolvedShot {
  const X = actorOf(ctx, req.foregroundId);
  const Y = actorOf(ctx, req.targetId);
  if (X.id === Y.id) throw new SolveError('Over the shoulder needs two different actors');
  const bx = bodyMarks(X);
  const by = bodyMarks(Y);
  const sep = Math.hypot(bx.axis[0] - by.axis[0], bx.axis[2] - by.axis[2]);
  if (sep < 0.3) throw new SolveError(`${X.name} and ${Y.name} stand in the same spot; there is no shoulder to look over`);
  const u = norm([bx.axis[0] - by.axis[0], 0, bx.axis[2] - by.axis[2]]);
  const shoulder = req.shoulder ?? (dot(by.face, shoulderSide(ctx, X.id, Y.id, 'right')) >= dot(by.face, shoulderSide(ctx, X.id, Y.id, 'left')) ? 'right' : 'left');
  const s = shoulder === 'right' ? 1 : -1;
  const f = SIZE_FRAMING[req.size];
  const marks = { top: { p: by.points[f.top], row: f.topRow }, bottom: { p: by.points[f.bottom], row: f.bottomRow } };
  const xHead: Vec3 = mid(bx.points.headTop, bx.points.chin);
  let lens = req.lensChoice ?? chooseLens(ctx.template, req.lens, 50);
  const warnings: string[] = lens.warning ? [lens.warning] : [];
  for (;;) {
    const fov = fovOf(ctx.template, lens.mm);
    const at = (delta: number): { placement: Placement; g: number } | null => {
      const heading = rotateY(neg(u), delta);
      const r = place({ vFov: fov.v, hFov: fov.h, heading, axis: by.axis, top: marks.top, bottom: marks.bottom, lateral: { p: by.points.eyes, ndc: s * OTS_FACE_NDC }, ...req.hold });
      if (!r.ok) return null;
      const cam = setup(ctx.template, lens, r.placement.position, r.placement.rotation, 1);
      const px = projectToFrame(cam, xHead);
      const py = projectToFrame(cam, by.points.eyes);
      const c = r.placement.position;
      if (!(px.depth > 0.25 && px.depth < py.depth)) return null;
      if (Math.hypot(c[0] - bx.axis[0], c[2] - bx.axis[2]) < bx.radius + 0.08) return null;
      return { placement: r.placement, g: 2 * px.col - 1 + s * OTS_SHOULDER_NDC };
    };
    let best: { placement: Placement; delta: number } | null = null;
    let prev = at(-50 * DEG);
    let prevD = -50 * DEG;
    for (let k = -49; k <= 50; k++) {
      const d = k * DEG;
      const cur = at(d);
      if (cur && prev && Math.sign(cur.g) !== Math.sign(prev.g)) {
        let lo = prevD, hi = d, glo = prev.g;
        let found: { placement: Placement } = cur;
        for (let it = 0; it < 50; it++) {
          const m = (lo + hi) / 2;
          const gm = at(m);
          if (!gm) break;
          found = gm;
          if (Math.sign(gm.g) === Math.sign(glo)) (lo = m), (glo = gm.g);
          else hi = m;
        }
        const delta = (lo + hi) / 2;
        if (!best || Math.abs(delta) < Math.abs(best.delta)) best = { placement: found.placement, delta };
      }
      prev = cur;
      prevD = d;
    }
    if (best) {
      let placement = best.placement;
      if (req.dutch) placement = { ...placement, rotation: rotationFromAttitude({ pan: placement.pan, tilt: placement.pitch, dutch: req.dutch }) };
      const cam = setup(ctx.template, lens, placement.position, placement.rotation, 1);
      cam.lens.focusDistanceM = Math.max(0.05, focusDepth(cam, by.points.eyes));
      const hit = blockedBy(blockers(ctx.scene, new Set([X.id, Y.id])), placement.position);
      if (hit) warnings.push(`The camera stands inside ${hit.name}; over the shoulder leaves no other place for it`);
      return {
        camera: cam,
        size: req.size,
        pitchDeg: placement.pitch / DEG,
        marks,
        bottomFloats: placement.bottomFloats,
        focusPoint: by.points.eyes,
        warnings,
        heading: [-Math.sin(placement.pan), 0, -Math.cos(placement.pan)],
        heldHeight: req.hold.height ?? null,
      };
    }
    const next = !lens.asked && !req.lensChoice ? longerLens(lens) : null;
    if (!next) {
      throw new SolveError(
        `Over ${X.name}'s ${shoulder} shoulder onto ${Y.name}: a ${req.size} on ${lens.mm} mm puts the camera in front of ${X.name} (they are ${sep.toFixed(1)} m apart); use a longer lens or a wider size`,
      );
    }
    lens = next;
  }
}

const dot = (a: Vec3, b: Vec3) => a[0] * b[0] + a[2] * b[2];
const mid = (a: Vec3, b: Vec3): Vec3 => [(a[0] + b[0]) / 2, (a[1] + b[1]) / 2, (a[2] + b[2]) / 2];
