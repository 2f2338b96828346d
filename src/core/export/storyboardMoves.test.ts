import { describe, expect, it } from 'vitest';
import { addObjects, createObject, upsertTrack } from '../document';
import { cameraFieldOfView } from '../lens';
import { exportFixture } from './storyboard.fixture';
import { keyFrames, projectToFrame, shotMoves, worldPose } from './storyboardMoves';

describe('storyboard moves', () => {
  it('projects through the lens: the axis to the centre, the frame edge to the edge', () => {
    const cam = createObject('camera', { transform: { position: [1, 2, 3], rotation: [0, 0, 0], scale: [1, 1, 1] } });
    const pose = worldPose({ [cam.id]: cam }, cam.id)!;
    expect(projectToFrame(cam, pose, [1, 2, -7])).toEqual([0.5, 0.5]);
    const half = Math.tan(cameraFieldOfView(cam).horizontalRad / 2) * 10;
    const edge = projectToFrame(cam, pose, [1 + half, 2, -7])!;
    expect(edge[0]).toBeCloseTo(1, 9);
    expect(edge[1]).toBeCloseTo(0.5, 9);
    // up is towards the top (v = 0); behind the lens is nowhere
    expect(projectToFrame(cam, pose, [1, 3, -7])![1]).toBeLessThan(0.5);
    expect(projectToFrame(cam, pose, [1, 2, 4])).toBeNull();
  });
  it('a camera on a turned, moved parent stands where its parent carries it', () => {
    const dolly = createObject('setPiece', { id: 'dolly', transform: { position: [10, 0, 0], rotation: [0, Math.PI / 2, 0], scale: [1, 1, 1] } });
    const cam = createObject('camera', { id: 'c', parentId: 'dolly', transform: { position: [0, 1.5, -2], rotation: [0, 0, 0], scale: [1, 1, 1] } });
    const pose = worldPose({ dolly, c: cam }, 'c')!;
    // the dolly's −z is world −x after a quarter turn to the left
    expect(pose.position[0]).toBeCloseTo(8, 9);
    expect(pose.position[1]).toBeCloseTo(1.5, 9);
    expect(pose.position[2]).toBeCloseTo(0, 9);
  });
  it('key frames span the shot, first and last included', () => {
    expect(keyFrames({ in: 0, out: 48 }, 2)).toEqual([0, 47]);
    expect(keyFrames({ in: 10, out: 21 }, 3)).toEqual([10, 15, 20]);
    expect(keyFrames({ in: 5, out: 6 }, 4)).toEqual([5]);
  });
  it('a dolly in gets start and end frames and four corner arrows drawn inward; a held shot keeps one frame', () => {
    const { p, sceneId } = exportFixture();
    const scene = p.scenes[sceneId]!;
    const dolly = shotMoves(p, sceneId, scene.shots.shot_1!);
    expect(dolly.camera).toBe(true);
    expect(dolly.frames).toEqual([0, 47]);
    const cams = dolly.arrows.filter((a) => a.kind === 'camera');
    expect(cams).toHaveLength(4);
    expect(cams[0]!.label).toBe('push in');
    for (const a of cams) {
      const [s, e] = a.points as [[number, number], [number, number]];
      // each corner moves towards the centre
      expect(Math.hypot(e[0] - 0.5, e[1] - 0.5)).toBeLessThan(Math.hypot(s[0] - 0.5, s[1] - 0.5));
    }
    expect(shotMoves(p, sceneId, scene.shots.shot_1!, 4).frames).toEqual([0, 16, 31, 47]);
    const held = shotMoves(p, sceneId, scene.shots.shot_3!);
    expect(held).toEqual({ frames: [100], camera: false, actorIds: [], arrows: [] });
    // a zoom moves the frame too
    expect(shotMoves(p, sceneId, scene.shots.shot_2!).camera).toBe(true);
  });
  it('an actor who walks across a locked-off frame gets a path arrow, left to right', () => {
    const { p: base, sceneId } = exportFixture();
    const walker = createObject('actor', { id: 'ana', name: 'ANA', transform: { position: [-2, 0, -4], rotation: [0, 0, 0], scale: [1, 1, 1] } });
    let p = addObjects(sceneId, [walker])(base);
    p = upsertTrack(sceneId, { id: 'walk', targetId: 'ana', property: 'transform.position', keys: [
      { frame: 100, value: [-2, 0, -4], interp: 'linear' },
      { frame: 111, value: [2, 0, -4], interp: 'linear' },
    ] })(p);
    const m = shotMoves(p, sceneId, p.scenes[sceneId]!.shots.shot_3!);
    expect(m.camera).toBe(false);
    expect(m.actorIds).toEqual(['ana']);
    expect(m.frames).toEqual([100, 111]);
    const path = m.arrows.find((a) => a.kind === 'actor')!;
    expect(path.label).toBe('ANA');
    expect(path.points.length).toBeGreaterThanOrEqual(2);
    expect(path.points[0]![0]).toBeLessThan(0.5);
    expect(path.points.at(-1)![0]).toBeGreaterThan(0.5);
  });
});
