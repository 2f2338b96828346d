import { describe, expect, it } from 'vitest';
import {
  JOINT_NAMES, LIMITS, PARENT, PROPORTIONS, restOffsets, END_PARENT, END_NAMES,
  clampPose, clampJoint, limitViolations, mirrorPose, poseToArray, arrayToPose,
  forwardKinematics, POSE_PRESETS, findPreset, lookAtPose, faceDirection, worldToActor, effectivePose,
  aimLimb, eulerXYZ, toEulerXYZ, apply, dist, deg, sub, type Pose, type Vec3, type Build,
} from './index';

const builds: Build[] = ['male', 'female', 'child'];
const unit = (v: Vec3): Vec3 => { const n = Math.hypot(...v); return [v[0] / n, v[1] / n, v[2] / n]; };

describe('skeleton', () => {
  it('has the required joints, parents before children', () => {
    for (const j of ['hips', 'spine', 'chest', 'neck', 'head', 'shoulderL', 'shoulderR', 'elbowL', 'elbowR', 'wristL', 'wristR', 'hipL', 'hipR', 'kneeL', 'kneeR', 'ankleL', 'ankleR']) {
      expect(JOINT_NAMES).toContain(j);
    }
    JOINT_NAMES.forEach((j, i) => {
      const p = PARENT[j];
      if (p) expect(JOINT_NAMES.indexOf(p)).toBeLessThan(i);
    });
  });

  it('stands exactly its height in the rest pose, soles on the ground', () => {
    for (const build of builds) {
      for (const cm of [50, 120, 165, 180, 210]) {
        const f = forwardKinematics(build, cm, {});
        expect(f.ends.headTop[1]).toBeCloseTo(cm / 100, 9);
        expect(f.ends.heelL[1]).toBeCloseTo(0, 9);
        expect(f.ends.toeR[1]).toBeCloseTo(0, 9);
        expect(f.groundLift).toBeCloseTo(0, 9);
        // left is +x, the face looks +z
        expect(f.joints.shoulderL.position[0]).toBeGreaterThan(0);
        expect(f.ends.toeL[2]).toBeGreaterThan(f.ends.heelL[2]);
      }
    }
  });

  it('builds differ the way bodies do: child head larger, female shoulders narrower and hips wider', () => {
    expect(PROPORTIONS.child.headRadius).toBeGreaterThan(PROPORTIONS.male.headRadius);
    expect(PROPORTIONS.female.shoulderHalf).toBeLessThan(PROPORTIONS.male.shoulderHalf);
    expect(PROPORTIONS.female.pelvisHalfWidth).toBeGreaterThan(PROPORTIONS.male.pelvisHalfWidth);
    expect(PROPORTIONS.child.hipJoint).toBeLessThan(PROPORTIONS.male.hipJoint);
  });
});

describe('limits', () => {
  it('clamps every axis into range and drops unknown joints and non-finite values', () => {
    const p = clampPose({ elbowL: [deg(40), deg(500), deg(10)], kneeR: [deg(-30), 0, 0], tail: [1, 1, 1], neck: [NaN, Infinity, 0] });
    expect(p.elbowL![0]).toBeCloseTo(0, 12); // an elbow does not bend backwards
    expect(p.elbowL![1]).toBeCloseTo(deg(90), 12);
    expect(p.elbowL![2]).toBe(0);
    expect(p.kneeR).toBeUndefined(); // clamped to rest: dropped
    expect((p as Record<string, unknown>).tail).toBeUndefined();
    expect(p.neck).toBeUndefined();
    expect(limitViolations(p)).toEqual([]);
  });

  it('the right side mirrors the left', () => {
    expect(clampJoint('shoulderL', [0, 0, deg(170)])[2]).toBeCloseTo(deg(170), 12);
    expect(clampJoint('shoulderR', [0, 0, deg(170)])[2]).toBeCloseTo(deg(30), 12);
    expect(clampJoint('shoulderR', [0, 0, deg(-170)])[2]).toBeCloseTo(deg(-170), 12);
    for (const j of JOINT_NAMES.filter((n) => n.endsWith('L'))) {
      const r = LIMITS[j.replace(/L$/, 'R') as typeof j];
      const l = LIMITS[j];
      expect(r[0]).toEqual(l[0]);
      expect(r[1]).toEqual([-l[1][1], -l[1][0]]);
    }
  });

  it('the root is free and wraps instead of clamping', () => {
    const r = clampJoint('hips', [deg(370), deg(-190), 0]);
    expect(r[0]).toBeCloseTo(deg(10), 9);
    expect(r[1]).toBeCloseTo(deg(170), 9);
  });

  it('reports violations', () => {
    expect(limitViolations({ kneeL: [deg(-20), 0, 0] })).toEqual([{ joint: 'kneeL', axis: 0, value: deg(-20) }]);
  });
});

describe('forward kinematics', () => {
  const randomPose = (seed: number): Pose => {
    let s = seed;
    const rnd = () => ((s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31) * 2 - 1;
    const raw: Record<string, Vec3> = {};
    for (const j of JOINT_NAMES) raw[j] = [rnd() * 3, rnd() * 3, rnd() * 3];
    return clampPose(raw);
  };

  it('bone lengths keep the build proportions in any pose', () => {
    for (const build of builds) {
      const cm = 172;
      const off = restOffsets(build, cm);
      for (let seed = 1; seed < 30; seed++) {
        const f = forwardKinematics(build, cm, randomPose(seed));
        for (const j of JOINT_NAMES) {
          const p = PARENT[j];
          if (!p) continue;
          expect(dist(f.joints[j].position, f.joints[p].position)).toBeCloseTo(Math.hypot(...off[j]), 9);
        }
        const forearm = dist(f.joints.wristL.position, f.joints.elbowL.position);
        expect(forearm).toBeCloseTo(PROPORTIONS[build].forearm * 1.72, 9);
        const hand = dist(f.ends.handTipR, f.joints.wristR.position);
        expect(hand).toBeCloseTo(PROPORTIONS[build].hand * 1.72, 9);
        for (const e of END_NAMES) expect(Number.isFinite(f.ends[e][1])).toBe(true);
        expect(END_PARENT.toeL).toBe('ankleL');
      }
    }
  });

  it('scales linearly with height', () => {
    const a = forwardKinematics('female', 160, findPreset('run')!.pose);
    const b = forwardKinematics('female', 80, findPreset('run')!.pose);
    for (const j of JOINT_NAMES) for (let k = 0; k < 3; k++) expect(b.joints[j].position[k]).toBeCloseTo(a.joints[j].position[k]! / 2, 9);
  });

  it('joint rotations follow the documented signs', () => {
    const raise = forwardKinematics('male', 180, { shoulderL: [deg(-90), 0, 0] });
    const dir = sub(raise.joints.elbowL.position, raise.joints.shoulderL.position);
    expect(unit(dir)[2]).toBeCloseTo(1, 9); // forward
    const kneel = forwardKinematics('male', 180, { kneeL: [deg(90), 0, 0] });
    expect(kneel.joints.ankleL.position[2]).toBeLessThan(kneel.joints.kneeL.position[2] - 0.3); // shin goes back
    const turn = forwardKinematics('male', 180, { neck: [0, deg(60), 0], head: [0, deg(30), 0] });
    expect(faceDirection(turn)[0]).toBeCloseTo(1, 9); // +Y turns to the actor's left (+x)
  });

  it('a lying figure rests on the ground', () => {
    const f = forwardKinematics('male', 180, findPreset('lie')!.pose);
    expect(f.joints.hips.position[1]).toBeGreaterThan(0.05);
    expect(f.joints.hips.position[1]).toBeLessThan(0.2);
    expect(faceDirection(f)[1]).toBeCloseTo(1, 6); // looking at the sky
  });

  it('uses three.js Euler XYZ: eulerXYZ and toEulerXYZ round-trip', () => {
    for (const e of [[0.3, -0.7, 1.1], [-2, 0.4, 0.2], [0, 1.2, -3]] as Vec3[]) {
      const back = toEulerXYZ(eulerXYZ(e));
      const m1 = eulerXYZ(e), m2 = eulerXYZ(back);
      m1.forEach((v, i) => expect(m2[i]).toBeCloseTo(v, 12));
    }
  });
});

describe('presets', () => {
  it('has at least 20 named presets with unique ids, including the ones a director asks for', () => {
    expect(POSE_PRESETS.length).toBeGreaterThanOrEqual(20);
    expect(new Set(POSE_PRESETS.map((p) => p.id)).size).toBe(POSE_PRESETS.length);
    for (const id of ['stand', 'walk', 'run', 'sit', 'kneel', 'point', 'look', 'lie', 'fall']) expect(findPreset(id), id).toBeDefined();
  });

  it('every preset is within the joint limits as written (no silent clamping)', () => {
    for (const p of POSE_PRESETS) {
      expect(limitViolations(p.pose), p.id).toEqual([]);
      for (const j of Object.keys(p.pose)) expect(JOINT_NAMES as readonly string[], p.id).toContain(j);
    }
  });

  it('presets differ from each other and from rest (except stand)', () => {
    const key = (p: Pose) => poseToArray(p).map((x) => x.toFixed(4)).join(',');
    const keys = POSE_PRESETS.map((p) => key(p.pose));
    expect(new Set(keys).size).toBe(keys.length);
    expect(key(findPreset('stand')!.pose)).toBe(key({}));
  });

  it('poses read as their names', () => {
    const f = (id: string) => forwardKinematics('male', 180, findPreset(id)!.pose);
    const h = 1.8;
    expect(f('sit').joints.hips.position[1]).toBeLessThan(0.6 * 0.53 * h + 0.2); // hips near seat height
    expect(f('crouch').joints.hips.position[1]).toBeLessThan(0.55 * h * 0.6);
    const reach = f('reach');
    expect(reach.ends.handTipR[1]).toBeGreaterThan(h); // hand above the head
    const point = f('point');
    expect(point.ends.handTipR[2]).toBeGreaterThan(0.6); // arm out in front
    const hips = f('hands-on-hips');
    // wrists end near the sides of the pelvis
    expect(Math.abs(hips.joints.wristL.position[1] - hips.joints.hipL.position[1])).toBeLessThan(0.2);
    expect(dist(hips.joints.wristL.position, hips.joints.hipL.position)).toBeLessThan(0.25);
    const phone = f('phone');
    expect(dist(phone.ends.handTipR, phone.headCentre)).toBeLessThan(0.2);
    const wave = f('wave');
    expect(wave.ends.handTipR[1]).toBeGreaterThan(wave.joints.head.position[1]);
    const lie = f('lie');
    expect(lie.ends.headTop[1]).toBeLessThan(0.3);
  });

  it('mirror image of walk swaps the leading leg', () => {
    const m = forwardKinematics('male', 180, mirrorPose(findPreset('walk')!.pose));
    expect(m.joints.ankleR.position[2]).toBeGreaterThan(m.joints.ankleL.position[2]);
  });

  it('poses flatten to keyframe arrays and back', () => {
    const p = findPreset('fight-stance')!.pose;
    const back = arrayToPose(poseToArray(p));
    expect(poseToArray(back)).toEqual(poseToArray(p));
    expect(poseToArray(p)).toHaveLength(JOINT_NAMES.length * 3);
  });
});

describe('aimLimb', () => {
  it('puts the upper and lower segments along the requested directions', () => {
    const upper = unit([0.3, -0.8, 0.2]);
    const lower = unit([-0.5, -0.2, 0.6]);
    const a = aimLimb(upper, lower, 'elbow');
    const f = forwardKinematics('male', 180, { shoulderL: a.root, elbowL: a.hinge }, { ground: false });
    const u = unit(sub(f.joints.elbowL.position, f.joints.shoulderL.position));
    const l = unit(sub(f.joints.wristL.position, f.joints.elbowL.position));
    u.forEach((v, i) => expect(v).toBeCloseTo(upper[i]!, 9));
    l.forEach((v, i) => expect(v).toBeCloseTo(lower[i]!, 9));
    expect(a.hinge[0]).toBeLessThan(0);
    const k = aimLimb([0, -1, 0.2], [0, -1, -0.5], 'knee');
    expect(k.hinge[0]).toBeGreaterThan(0);
  });
});

describe('look-at', () => {
  it('points the face at a reachable target', () => {
    for (const target of [[1, 1.7, 3], [-2, 2.5, 2], [0.5, 0.8, 2]] as Vec3[]) {
      const pose = lookAtPose('male', 180, {}, target);
      expect(limitViolations(pose)).toEqual([]);
      const f = forwardKinematics('male', 180, pose);
      const want = unit(sub(target, f.joints.head.position));
      const got = faceDirection(f);
      got.forEach((v, i) => expect(v).toBeCloseTo(want[i]!, 6));
      // the neck takes part of the turn
      expect(Math.abs(pose.neck![1])).toBeGreaterThan(0);
    }
  });

  it('a target behind stays within limits and turns as far as it can', () => {
    const pose = lookAtPose('male', 180, {}, [0.3, 1.6, -3]);
    expect(limitViolations(pose)).toEqual([]);
    expect(pose.head![1]).toBeCloseTo(deg(50), 9);
  });

  it('world targets are taken into the actor\'s space (position, turn, scale)', () => {
    const t = { position: [5, 0, 2] as Vec3, rotation: [0, deg(90), 0] as Vec3, scale: [1, 1, 1] as Vec3 };
    // the actor faces world +x after a 90° turn; a target 3 m in front in world is +z in actor space
    const local = worldToActor(t, [8, 1.7, 2]);
    expect(local[0]).toBeCloseTo(0, 9);
    expect(local[2]).toBeCloseTo(3, 9);
    const pose = effectivePose({ build: 'male', heightCm: 180, pose: {}, lookAt: [8, 1.7, 2], transform: t });
    expect(Math.abs(pose.neck?.[1] ?? 0)).toBeLessThan(1e-6);
    expect(apply(eulerXYZ(t.rotation), [0, 0, 1])[0]).toBeCloseTo(1, 9);
  });
});
