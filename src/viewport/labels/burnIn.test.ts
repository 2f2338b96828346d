import { describe, expect, it } from 'vitest';
import { PerspectiveCamera } from 'three';
import { anchorLabels, labelsAtFrame } from './burnIn';
import { fixtureLayer, fixtureScene } from '../../core/disclosure/fixtures';
import { addObjects } from '../../core/document';
import { createDisclosureRecord, generateSigner, sealAfter } from '../../core/disclosure';

async function projectWithLayer(frameRange: { start: number; end: number } | null) {
  const f = await fixtureScene();
  const signer = await generateSigner();
  const layer = { ...(await fixtureLayer(f, 'collapse')), frameRange };
  const author = { name: 'Ada', role: 'artist' as const, keyId: signer.keyId };
  const record = await createDisclosureRecord({ project: f.project, sceneId: f.sceneId, layer, author, recordId: 'r1', now: 'now', previous: null });
  let p = addObjects(f.sceneId, [layer])(f.project);
  p = { ...p, ledger: await sealAfter(p.ledger, [{ kind: 'disclosure', payload: record }], signer, 'Ada', 'now') };
  return { p, f, layer };
}

describe('preview labels', () => {
  it('labels an unapproved layer inside its frame range only, anchored on its target', async () => {
    const { p, f, layer } = await projectWithLayer({ start: 10, end: 20 });
    expect(labelsAtFrame(p, f.sceneId, 15)).toEqual([{ layerId: layer.id, text: 'AI-GENERATED · PENDING REVIEW', anchorIds: [f.buildingId] }]);
    expect(labelsAtFrame(p, f.sceneId, 9)).toEqual([]);
    expect(labelsAtFrame(p, f.sceneId, 21)).toEqual([]);
    expect(labelsAtFrame(p, f.sceneId, null)).toHaveLength(1);
  });

  it('labels a layer that lost its record as undisclosed', async () => {
    const { p, f } = await projectWithLayer(null);
    expect(labelsAtFrame({ ...p, ledger: [] }, f.sceneId, 0)[0]!.text).toBe('AI-GENERATED · UNDISCLOSED');
  });

  it('projects anchors into pixels, and leaves labels behind the camera unanchored', async () => {
    const { p, f } = await projectWithLayer(null);
    const labels = labelsAtFrame(p, f.sceneId, 0);
    const objects = p.scenes[f.sceneId]!.objects;
    const cam = new PerspectiveCamera(50, 16 / 9, 0.1, 1000);
    cam.position.set(0, 0, 10);
    cam.lookAt(0, 0, 0);
    cam.updateMatrixWorld();
    const [front] = anchorLabels(labels, objects, cam, 1920, 1080);
    // the building stands at the origin: straight ahead, the centre of the frame
    expect(front!.x).toBeCloseTo(960, 0);
    expect(front!.y).toBeCloseTo(540, 0);
    cam.position.set(0, 0, -10);
    cam.lookAt(0, 0, -20);
    cam.updateMatrixWorld();
    const [behind] = anchorLabels(labels, objects, cam, 1920, 1080);
    expect(behind).toEqual({ text: 'AI-GENERATED · PENDING REVIEW' });
  });
});
