// The pose panel (inspector section for actors): presets, mirror/reset, bone list with per-axis angles,
// the viewport rotate gizmo on the picked joint, and the head's look-at target. Every click is one undo
// step; every scrub or gizmo drag is one gesture (one step).
import { updateObject, type Actor, type Edit, type SceneObject } from '../../core/document';
import { JOINT_NAMES, LIMITS, POSE_PRESETS, clampJoint, clampPose, findPreset, mirrorPose, apply, eulerXYZ, type JointName, type Vec3 } from '../../core/rig';
import { projectStore, useActiveScene } from '../../store/projectStore';
import { useEditor } from '../../store/editorStore';
import { posingStore, usePosing } from '../../viewport/objects/posing';
import { NumberField } from '../inspector/NumberField';
import { executeAutoKey } from '../inspector/keying';

const DEG = 180 / Math.PI;
const AXES = ['X', 'Y', 'Z'] as const;
const JOINT_LABEL: Record<JointName, string> = {
  hips: 'Hips (root)', spine: 'Spine', chest: 'Chest', neck: 'Neck', head: 'Head',
  shoulderL: 'Shoulder L', elbowL: 'Elbow L', wristL: 'Wrist L', shoulderR: 'Shoulder R', elbowR: 'Elbow R', wristR: 'Wrist R',
  hipL: 'Hip L', kneeL: 'Knee L', ankleL: 'Ankle L', hipR: 'Hip R', kneeR: 'Knee R', ankleR: 'Ankle R',
};

type P = { object: SceneObject; sceneId: string };
const edit = (sceneId: string, id: string, fn: (a: Actor) => Actor): Edit => updateObject<Actor>(sceneId, id, fn);

export function PoseSection({ object, sceneId }: P) {
  const a = object as Actor;
  const posing = usePosing((s) => (s.actorId === a.id ? s.joint : null));
  // auto-keyed: with the pose keyed, a preset (or mirror, reset) becomes a pose key at the playhead
  const run = (label: string, fn: (x: Actor) => Actor) => executeAutoKey(label, edit(sceneId, a.id, fn));
  const joint = posing ?? null;
  const r = joint ? (a.pose[joint] ?? [0, 0, 0]) : null;
  return (
    <div className="pose-panel" data-testid="pose-panel">
      <label className="field">
        <span className="field-label">Build</span>
        <select data-testid="actor-build" value={a.build} onChange={(e) => run('Set build', (x) => ({ ...x, build: e.target.value as Actor['build'] }))}>
          <option value="male">Male</option>
          <option value="female">Female</option>
          <option value="child">Child</option>
        </select>
      </label>
      <div className="row">Preset: {a.posePreset ? (findPreset(a.posePreset)?.label ?? a.posePreset) : 'custom'}</div>
      <div className="pose-presets" style={{ display: 'grid', gridTemplateColumns: 'repeat(3, 1fr)', gap: 3 }}>
        {POSE_PRESETS.map((p) => (
          <button
            key={p.id}
            data-testid={`pose-preset-${p.id}`}
            className={a.posePreset === p.id ? 'on' : ''}
            title={p.label}
            onClick={() => run(`Pose ${a.name}: ${p.label}`, (x) => ({ ...x, pose: clampPose(p.pose), posePreset: p.id }))}
          >
            {p.label.replace(/ \(.*\)$/, '')}
          </button>
        ))}
      </div>
      <div className="row" style={{ display: 'flex', gap: 4, marginTop: 4 }}>
        <button data-testid="pose-mirror" onClick={() => run(`Mirror pose of ${a.name}`, (x) => ({ ...x, pose: clampPose(mirrorPose(clampPose(x.pose))), posePreset: null }))}>Mirror</button>
        <button data-testid="pose-reset" onClick={() => run(`Reset pose of ${a.name}`, (x) => ({ ...x, pose: {}, posePreset: 'stand' }))}>Reset</button>
        <button data-testid="pose-done" disabled={!posing} onClick={() => posingStore.getState().pick(null, null)}>Done posing</button>
      </div>
      <label className="field">
        <span className="field-label">Joint</span>
        <select data-testid="pose-joint" value={joint ?? ''} onChange={(e) => posingStore.getState().pick(a.id, (e.target.value || null) as JointName | null)}>
          <option value="">— pick a joint to pose —</option>
          {JOINT_NAMES.map((j) => (
            <option key={j} value={j}>
              {JOINT_LABEL[j]}
              {a.pose[j] ? ' •' : ''}
            </option>
          ))}
        </select>
      </label>
      {joint && r
        ? AXES.map((axis, k) => (
            <NumberField
              key={`${joint}-${axis}`}
              label={`${JOINT_LABEL[joint]} ${axis}`}
              unit="°"
              display={DEG}
              digits={1}
              step={0.5}
              min={LIMITS[joint][k]![0]}
              max={LIMITS[joint][k]![1]}
              value={r[k]!}
              testId={`pose-angle-${axis}`}
              edit={(v) =>
                edit(sceneId, a.id, (x) => {
                  const cur = (x.pose[joint] ?? [0, 0, 0]) as Vec3;
                  const next = clampJoint(joint, cur.map((c, i) => (i === k ? v : c)) as Vec3);
                  return { ...x, pose: { ...x.pose, [joint]: next }, posePreset: null, lookAt: joint === 'neck' || joint === 'head' ? null : x.lookAt };
                })
              }
            />
          ))
        : null}
      <LookAtControls actor={a} sceneId={sceneId} />
    </div>
  );
}

function LookAtControls({ actor: a, sceneId }: { actor: Actor; sceneId: string }) {
  const scene = useActiveScene();
  const lookCam = useEditor((s) => s.lookThroughCameraId);
  const camera = Object.values(scene.objects).find((o) => o.type === 'camera' && (lookCam === null || o.id === lookCam));
  const run = (label: string, lookAt: Actor['lookAt']) => projectStore.getState().execute(label, edit(sceneId, a.id, (x) => ({ ...x, lookAt })));
  const ahead = (): Vec3 => {
    // 3 m in front of the actor at eye height, in world space
    const t = a.transform;
    const fwd = apply(eulerXYZ(t.rotation), [0, 0, 3]);
    return [t.position[0] + fwd[0], t.position[1] + 0.93 * (a.heightCm / 100), t.position[2] + fwd[2]];
  };
  return (
    <>
      <label className="field">
        <span className="field-label">Look at</span>
        <input type="checkbox" data-testid="look-at-toggle" checked={a.lookAt !== null} onChange={(e) => run(e.target.checked ? 'Look at target' : 'Clear look-at', e.target.checked ? ahead() : null)} />
        {camera ? (
          <button data-testid="look-at-camera" onClick={() => run(`Look at ${camera.name}`, [...camera.transform.position] as Vec3)}>
            at {camera.name}
          </button>
        ) : null}
      </label>
      {a.lookAt
        ? AXES.map((axis, k) => (
            <NumberField
              key={axis}
              label={`Target ${axis}`}
              unit="m"
              value={a.lookAt![k]!}
              edit={(v) => edit(sceneId, a.id, (x) => ({ ...x, lookAt: x.lookAt ? (x.lookAt.map((c, i) => (i === k ? v : c)) as Vec3) : x.lookAt }))}
            />
          ))
        : null}
    </>
  );
}
