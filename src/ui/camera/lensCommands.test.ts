// [ / ] through the real stores, in Node: one undo step per press, listed values only, clear errors.
import { beforeEach, describe, expect, it } from 'vitest';
import { addObjects, createObject, newProject, type Camera } from '../../core/document';
import { projectStore } from '../../store/projectStore';
import { editorStore } from '../../store/editorStore';
import { stepCameraLens, setLensSet, setBodyPreset, targetCameraId } from './lensCommands';

function stage(lens: Partial<Camera['lens']> = {}) {
  const p0 = newProject('t');
  const sid = p0.sceneOrder[0]!;
  const cam = createObject('camera', { id: 'cam1' });
  const box = createObject('setPiece', { id: 'box1' });
  const p = addObjects(sid, [{ ...cam, lens: { ...cam.lens, ...lens } }, box])(p0);
  projectStore.getState().load(p);
  editorStore.setState({ selection: ['cam1'], viewMode: 'perspective', lookThroughCameraId: null, notices: [] });
  return sid;
}
const lensOf = () => {
  const s = projectStore.getState();
  return (s.project.scenes[s.activeSceneId]!.objects.cam1 as Camera).lens;
};

describe('stepping the selected camera', () => {
  beforeEach(() => stage({ focalLengthMm: 35, lensSetId: 'primes-s35' }));

  it('] and [ land on listed focal lengths, one undo step each', () => {
    expect(stepCameraLens(1)).toBe(true);
    expect(lensOf().focalLengthMm).toBe(40);
    stepCameraLens(1);
    stepCameraLens(-1);
    stepCameraLens(-1);
    expect(lensOf().focalLengthMm).toBe(35);
    const h = projectStore.getState().history;
    expect(h.past.map((x) => x.label)).toEqual(['Lens 35 mm → 40 mm', 'Lens 40 mm → 50 mm', 'Lens 50 mm → 40 mm', 'Lens 40 mm → 35 mm']);
    projectStore.getState().undo();
    expect(lensOf().focalLengthMm).toBe(40);
  });

  it('at the end of the set nothing changes and no step is recorded', () => {
    const sid = projectStore.getState().activeSceneId;
    projectStore.getState().execute('to 180', (p) => ({
      ...p,
      scenes: { ...p.scenes, [sid]: { ...p.scenes[sid]!, objects: { ...p.scenes[sid]!.objects, cam1: { ...(p.scenes[sid]!.objects.cam1 as Camera), lens: { ...lensOf(), focalLengthMm: 180 } } } } },
    }));
    const n = projectStore.getState().history.past.length;
    stepCameraLens(1);
    expect(lensOf().focalLengthMm).toBe(180);
    expect(projectStore.getState().history.past.length).toBe(n);
  });

  it('with no camera selected the key is not taken', () => {
    editorStore.setState({ selection: ['box1'] });
    expect(targetCameraId()).toBeNull();
    expect(stepCameraLens(1)).toBe(false);
  });

  it('an unknown lens set is an error notice, not a silent guess', () => {
    stage({ focalLengthMm: 35, lensSetId: 'lost-set' });
    stepCameraLens(1);
    expect(lensOf().focalLengthMm).toBe(35);
    expect(editorStore.getState().notices.at(-1)?.text).toContain('unknown lens set');
  });

  it('a camera without a set steps through the primes for its squeeze and records that set', () => {
    stage({ focalLengthMm: 50, lensSetId: null, kind: 'anamorphic', squeeze: 2 });
    stepCameraLens(-1);
    expect(lensOf()).toMatchObject({ focalLengthMm: 40, lensSetId: 'anamorphic-2x' });
  });
});

describe('camera edits', () => {
  it('switching to a 2× anamorphic set brings squeeze and the nearest lens; body presets copy dimensions', () => {
    const sid = stage({ focalLengthMm: 35, lensSetId: null });
    projectStore.getState().execute('set', setLensSet(sid, 'cam1', 'anamorphic-2x'));
    expect(lensOf()).toMatchObject({ kind: 'anamorphic', squeeze: 2, focalLengthMm: 32, lensSetId: 'anamorphic-2x' });
    projectStore.getState().execute('body', setBodyPreset(sid, 'cam1', 'alexa65-og')!);
    const s = projectStore.getState();
    expect((s.project.scenes[sid]!.objects.cam1 as Camera).body).toEqual({ sensorPresetId: 'alexa65-og', sensorWidthMm: 54.12, sensorHeightMm: 25.58 });
    expect(setBodyPreset(sid, 'cam1', 'nope')).toBeNull();
  });
});
