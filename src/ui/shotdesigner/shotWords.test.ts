// The bar's and the Shot Designer's actions through the real store: a line is one undo step, a refusal is
// none (and says why), re-framing moves the chosen camera in one step and refuses a keyframed one.
import { describe, expect, it } from 'vitest';
import { projectStore } from '../../store/projectStore';
import { editorStore } from '../../store/editorStore';
import type { Camera } from '../../core/document';
import { setKey } from '../../core/timeline';
import { testScene } from '../../core/shotgrammar/fixture.testutil';
import { applyWords, previewWords, reframeCamera, suggestedLine } from './shotWords';

function fresh() {
  const { project, sceneId } = testScene();
  projectStore.getState().load(project);
  editorStore.setState({ selection: [], notices: [], viewMode: 'perspective', lookThroughCameraId: null });
  return sceneId;
}
const state = () => projectStore.getState();
const cameras = (sid: string) => Object.values(state().project.scenes[sid]!.objects).filter((o) => o.type === 'camera');

describe('shot from words through the store', () => {
  it('previews chips, applies as one undo step, looks through the new camera', () => {
    const sid = fresh();
    const p = previewWords('CU Ben, high angle');
    expect(p.ok && p.chips.map((c) => c.label)).toEqual(['CU · close-up', 'Ben', 'high angle']);
    const r = applyWords('CU Ben, high angle');
    expect(r.ok).toBe(true);
    expect(state().history.past).toHaveLength(1);
    expect(cameras(sid)).toHaveLength(2);
    const id = r.ok ? r.plan.cameraIds[0]! : '';
    expect(editorStore.getState()).toMatchObject({ selection: [id], viewMode: 'lookThrough', lookThroughCameraId: id });
    state().undo();
    expect(cameras(sid)).toHaveLength(1);
    expect(Object.keys(state().project.scenes[sid]!.shots)).toHaveLength(0);
  });

  it('a refusal is no undo step and a notice naming the word', () => {
    fresh();
    const before = state().project;
    expect(applyWords('MS on Bne').ok).toBe(false);
    expect(state().project).toBe(before);
    expect(state().history.past).toHaveLength(0);
    expect(editorStore.getState().notices.at(-1)).toMatchObject({ level: 'error', text: expect.stringContaining('did you mean "Ben"') });
  });

  it('re-frames the chosen camera in one step, and refuses a keyframed one', () => {
    const sid = fresh();
    const old = state().project.scenes[sid]!.objects.cam_main as Camera;
    expect(reframeCamera('cam_main', 'MCU on Ana, 50 mm').ok).toBe(true);
    const now = state().project.scenes[sid]!.objects.cam_main as Camera;
    expect(now.lens.focalLengthMm).toBe(50);
    expect(now.transform.position).not.toEqual(old.transform.position);
    expect(now.body).toEqual(old.body);
    expect(state().history.past).toHaveLength(1);
    state().execute('key', setKey(sid, 'cam_main', 'transform.position', { frame: 0, value: [0, 1, 5] }));
    const r = reframeCamera('cam_main', 'CU on Ana');
    expect(r.ok).toBe(false);
    expect(state().history.past).toHaveLength(2);
  });

  it('offers "cover A and B" when two actors are selected', () => {
    fresh();
    editorStore.getState().select(['ana', 'ben']);
    expect(suggestedLine()).toBe('cover Ana and Ben');
    const r = applyWords(suggestedLine()!);
    expect(r.ok && r.plan.shotIds).toHaveLength(5);
    expect(state().history.past).toHaveLength(1);
  });
});
