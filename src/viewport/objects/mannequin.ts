// The mannequin's body parts as three.js geometry, placed from a pure-core Figure. Bone lengths depend only
// on build and height, so the geometry is built once per (build, height) and a pose change only moves
// meshes — cheap enough to run per frame from the timeline without touching React state.
import { BoxGeometry, CapsuleGeometry, Matrix4, SphereGeometry, type BufferGeometry, type Object3D } from 'three';
import { PROPORTIONS, dist, type Build, type Figure, type JointName, type Mat3, type Vec3 } from '../../core/rig';

export interface BodyPart {
  name: string;
  geometry: BufferGeometry;
  /** which joint's orientation the part follows */
  frame: JointName;
  /** where the part's centre is */
  centre(f: Figure): Vec3;
  /** an extra offset along the frame's axes after centring (the face visor) */
  material: 'body' | 'face';
}

const mid = (a: Vec3, b: Vec3): Vec3 => [(a[0] + b[0]) / 2, (a[1] + b[1]) / 2, (a[2] + b[2]) / 2];

/**
 * How finely curved parts are tessellated. 'low' is the far mannequin of the editor view (level of detail):
 * the same parts, sizes and placement, about a fifth of the triangles.
 */
export type BodyDetail = 'full' | 'low';
const TESSELLATION = {
  full: { capSegments: 4, radialSegments: 10, headWidth: 20, headHeight: 14 },
  low: { capSegments: 1, radialSegments: 6, headWidth: 8, headHeight: 6 },
} as const;
type Tessellation = (typeof TESSELLATION)[BodyDetail];

/** A capsule from joint a to joint b (lengths are pose-independent), oriented by `frame`. */
function limb(detail: Tessellation, name: string, a: JointName, b: JointName, radius: number, length: number, frame: JointName = a): BodyPart {
  const straight = Math.max(0.001, length - 2 * radius * 0.6);
  return {
    name,
    geometry: new CapsuleGeometry(radius, straight, detail.capSegments, detail.radialSegments),
    frame,
    centre: (f) => mid(f.joints[a].position, f.joints[b].position),
    material: 'body',
  };
}

export function buildBody(build: Build, heightCm: number, rest: Figure, level: BodyDetail = 'full'): BodyPart[] {
  const detail = TESSELLATION[level];
  const P = PROPORTIONS[build];
  const h = heightCm / 100;
  const J = rest.joints;
  const L = (a: JointName, b: JointName) => dist(J[a].position, J[b].position);
  const parts: BodyPart[] = [];
  for (const s of ['L', 'R'] as const) {
    const sh = `shoulder${s}` as JointName, el = `elbow${s}` as JointName, wr = `wrist${s}` as JointName;
    const hp = `hip${s}` as JointName, kn = `knee${s}` as JointName, an = `ankle${s}` as JointName;
    parts.push(limb(detail, `upperArm${s}`, sh, el, P.upperArmRadius * h, L(sh, el)));
    parts.push(limb(detail, `forearm${s}`, el, wr, P.forearmRadius * h, L(el, wr)));
    parts.push(limb(detail, `thigh${s}`, hp, kn, P.thighRadius * h, L(hp, kn)));
    parts.push(limb(detail, `shin${s}`, kn, an, P.shinRadius * h, L(kn, an)));
    const handLen = P.hand * h;
    parts.push({
      name: `hand${s}`,
      geometry: new BoxGeometry(P.forearmRadius * h * 1.9, handLen, P.forearmRadius * h * 0.9),
      frame: wr,
      centre: (f) => mid(f.joints[wr].position, f.ends[`handTip${s}`]),
      material: 'body',
    });
    const footLen = (P.heelBack + P.toeForward) * h;
    parts.push({
      name: `foot${s}`,
      geometry: new BoxGeometry(P.shinRadius * h * 2.2, P.ankle * h * 1.3, footLen),
      frame: an,
      centre: (f) => {
        const m = mid(f.ends[`heel${s}`], f.ends[`toe${s}`]);
        const a = f.joints[an].position;
        // halfway between the sole line and the ankle
        return [(m[0] + a[0]) / 2, (m[1] + a[1]) / 2, (m[2] + a[2]) / 2];
      },
      material: 'body',
    });
  }
  parts.push({
    name: 'pelvis',
    geometry: new CapsuleGeometry(P.torsoHalfDepth * h, Math.max(0.001, P.pelvisHalfWidth * 2 * h - P.torsoHalfDepth * 2 * h), detail.capSegments, detail.radialSegments).rotateZ(Math.PI / 2),
    frame: 'hips',
    centre: (f) => mid(f.joints.hipL.position, f.joints.hipR.position).map((v, i) => (i === 1 ? v + 0.01 * h : v)) as Vec3,
    material: 'body',
  });
  parts.push(limb(detail, 'abdomen', 'hips', 'chest', P.torsoHalfDepth * h * 0.95, L('hips', 'spine') + L('spine', 'chest'), 'spine'));
  parts.push({
    name: 'ribcage',
    geometry: new BoxGeometry(P.torsoHalfWidth * 2 * h, (P.shoulder - P.chest) * h + P.torsoHalfDepth * h, P.torsoHalfDepth * 2 * h),
    frame: 'chest',
    centre: (f) => mid(f.joints.chest.position, mid(f.joints.shoulderL.position, f.joints.shoulderR.position)),
    material: 'body',
  });
  parts.push({
    name: 'shoulders',
    geometry: new CapsuleGeometry(P.upperArmRadius * h * 1.15, Math.max(0.001, P.shoulderHalf * 2 * h - P.upperArmRadius * 2 * h), detail.capSegments, detail.radialSegments).rotateZ(Math.PI / 2),
    frame: 'chest',
    centre: (f) => mid(f.joints.shoulderL.position, f.joints.shoulderR.position),
    material: 'body',
  });
  parts.push(limb(detail, 'neck', 'neck', 'head', P.upperArmRadius * h * 1.4, L('neck', 'head') + 0.02 * h));
  parts.push({
    name: 'head',
    geometry: new SphereGeometry(P.headRadius * h, detail.headWidth, detail.headHeight).scale(0.85, 1, 0.95),
    frame: 'head',
    centre: (f) => f.headCentre,
    material: 'body',
  });
  // a visor on the face so the eyeline reads from across the set
  parts.push({
    name: 'face',
    geometry: new BoxGeometry(P.headRadius * h * 1.1, P.headRadius * h * 0.35, P.headRadius * h * 0.4).translate(0, P.headRadius * h * 0.15, P.headRadius * h * 0.8),
    frame: 'head',
    centre: (f) => f.headCentre,
    material: 'face',
  });
  return parts;
}

const m4 = new Matrix4();
/** Moves each part's mesh to where the figure puts it. */
export function placeBody(parts: BodyPart[], meshes: (Object3D | null)[], f: Figure): void {
  parts.forEach((p, i) => {
    const mesh = meshes[i];
    if (!mesh) return;
    const r: Mat3 = f.joints[p.frame].rotation;
    const c = p.centre(f);
    m4.set(r[0], r[1], r[2], c[0], r[3], r[4], r[5], c[1], r[6], r[7], r[8], c[2], 0, 0, 0, 1);
    m4.decompose(mesh.position, mesh.quaternion, mesh.scale);
  });
}
