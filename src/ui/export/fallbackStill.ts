// A still rendered from the document scene graph (the same one the GLB export writes) through the shot's
// camera at the delivery aspect, with the disclosure label of every unapproved generated layer burnt in.
import * as THREE from 'three';
import type { Camera } from '../../core/document/schema';
import { cameraFieldOfView } from '../../core/lens/projection';
import { evaluateScene } from '../../core/timeline/evaluate';
import { buildSceneGraph } from '../../export/scene/sceneGraph';
import type { StillRequest } from './renderers';

async function canvasPng(canvas: HTMLCanvasElement): Promise<Uint8Array> {
  const blob = await new Promise<Blob | null>((res) => canvas.toBlob(res, 'image/png'));
  if (!blob) throw new Error('the browser could not encode the still as PNG');
  return new Uint8Array(await blob.arrayBuffer());
}

export async function renderStillFromGraph(r: StillRequest): Promise<Uint8Array> {
  const scene = r.project.scenes[r.sceneId];
  const shot = scene?.shots[r.shotId];
  if (!scene || !shot) throw new Error(`no shot ${r.shotId}`);
  const ev = evaluateScene(r.project, r.sceneId, r.frame);
  const cam = ev.objects[shot.cameraId];
  if (cam?.type !== 'camera') throw new Error(`shot ${shot.number} has no camera`);
  const graph = buildSceneGraph(r.project, { sceneId: r.sceneId, frame: r.frame, allowedLayerIds: r.allowedLayerIds });
  graph.background = new THREE.Color(scene.environment.skyColour);
  graph.add(new THREE.HemisphereLight('#ffffff', scene.environment.groundColour, 1.2));
  const ground = new THREE.Mesh(new THREE.PlaneGeometry(scene.environment.groundSize, scene.environment.groundSize), new THREE.MeshStandardMaterial({ color: scene.environment.groundColour }));
  ground.rotation.x = -Math.PI / 2;
  graph.add(ground);
  const c = cam as Camera;
  const view = new THREE.PerspectiveCamera(cameraFieldOfView(c).verticalDeg, r.width / r.height, 0.05, 5000);
  view.position.fromArray(c.transform.position);
  view.rotation.set(...c.transform.rotation, 'XYZ');
  view.updateMatrixWorld();
  const canvas = document.createElement('canvas');
  canvas.width = r.width;
  canvas.height = r.height;
  const renderer = new THREE.WebGLRenderer({ canvas, antialias: true, preserveDrawingBuffer: true });
  try {
    renderer.setSize(r.width, r.height, false);
    renderer.render(graph, view);
    const out = document.createElement('canvas');
    out.width = r.width;
    out.height = r.height;
    const g = out.getContext('2d')!;
    g.drawImage(canvas, 0, 0);
    const labels = ev.activeLayerIds.map((id) => r.labels[id]).filter((l): l is string => !!l);
    g.font = `bold ${Math.max(12, Math.round(r.height / 28))}px sans-serif`;
    labels.forEach((text, i) => {
      const y = 12 + i * Math.round(r.height / 18);
      const w = g.measureText(text).width + 16;
      g.fillStyle = 'rgba(180,0,0,0.85)';
      g.fillRect(12, y, w, Math.round(r.height / 22));
      g.fillStyle = '#fff';
      g.fillText(text, 20, y + Math.round(r.height / 30));
    });
    return await canvasPng(out);
  } finally {
    renderer.dispose();
  }
}
