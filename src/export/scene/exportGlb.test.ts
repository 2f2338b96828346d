// GLB round trip in Node: three's GLTFExporter → disclosure → our verifier, three's GLTFLoader and a structural
// check of the glTF JSON against the buffers.
import { beforeAll, describe, expect, it } from 'vitest';
import { GLTFLoader } from 'three/examples/jsm/loaders/GLTFLoader.js';
import * as THREE from 'three';
import { exportGate } from '../../core/disclosure/gate';
import { sealExport } from '../../core/export/bindExport';
import { verifyExport } from '../../core/export/bindVerify';
import { buildTestProject, type TestProject } from '../../core/export/bindProject.testutil';
import { glbJson, readGlb } from '../../core/export/glbContainer';
import { cameraFieldOfView } from '../../core/lens/projection';
import type { Camera } from '../../core/document/schema';
import { projectToGlb } from './exportGlb';

// GLTFExporter reads its Blob through FileReader, which Node lacks
class NodeFileReader {
  result: ArrayBuffer | string | null = null;
  onloadend: (() => void) | null = null;
  readAsArrayBuffer(b: Blob) {
    void b.arrayBuffer().then((ab) => {
      this.result = ab;
      this.onloadend?.();
    });
  }
  readAsDataURL(b: Blob) {
    void b.arrayBuffer().then((ab) => {
      this.result = `data:${b.type};base64,${Buffer.from(ab).toString('base64')}`;
      this.onloadend?.();
    });
  }
}
(globalThis as unknown as { FileReader: unknown }).FileReader ??= NodeFileReader;

let tp: TestProject;
let glb: Uint8Array;
beforeAll(async () => {
  tp = await buildTestProject({ approved: false });
  const gate = await exportGate(tp.project, 'previs');
  const raw = await projectToGlb(tp.project, { allowedLayerIds: gate.allowed.map((a) => a.layer.id), frame: 20 });
  glb = (await sealExport({ project: tp.project, gate, bytes: raw, fileName: 'scene.glb', signer: tp.artist, software: 'Previs Sandbox 0.1.0' })).bytes;
}, 60_000);

describe('GLB scene export', () => {
  it('verifies', async () => {
    const v = await verifyExport('scene.glb', glb);
    expect(v.problems).toEqual([]);
    expect(v.layers).toHaveLength(2);
  });

  it('is structurally valid glTF 2.0: every accessor fits its buffer view, every view its buffer', () => {
    const { chunks, declaredLength } = readGlb(glb);
    expect(declaredLength).toBe(glb.length);
    const j = glbJson(glb) as any;
    expect(j.asset.version).toBe('2.0');
    const bin = chunks.find((c) => c.type === 0x004e4942)!;
    expect(j.buffers[0].byteLength).toBeLessThanOrEqual(bin.data.length);
    for (const v of j.bufferViews) expect(v.byteOffset + v.byteLength).toBeLessThanOrEqual(j.buffers[v.buffer].byteLength);
    const comps: Record<string, number> = { SCALAR: 1, VEC2: 2, VEC3: 3, VEC4: 4, MAT4: 16 };
    const bytes: Record<number, number> = { 5126: 4, 5125: 4, 5123: 2, 5121: 1 };
    for (const a of j.accessors) {
      const view = j.bufferViews[a.bufferView];
      const stride = view.byteStride ?? comps[a.type]! * bytes[a.componentType]!;
      expect((a.byteOffset ?? 0) + stride * (a.count - 1) + comps[a.type]! * bytes[a.componentType]!).toBeLessThanOrEqual(view.byteLength);
    }
    for (const n of j.nodes) for (const c of n.children ?? []) expect(c).toBeLessThan(j.nodes.length);
  });

  it("passes Khronos' glTF-Validator with no errors (its one warning is our bundle chunk, which readers skip)", async () => {
    const validator = await import('gltf-validator');
    const r = await validator.validateBytes(glb, { maxIssues: 100 });
    expect(r.issues.numErrors).toBe(0);
    const warnings = r.issues.messages.filter((m) => m.severity <= 1);
    expect(warnings.map((m) => `${m.code}: ${m.message}`)).toEqual(['GLB_UNKNOWN_CHUNK_TYPE: Unknown GLB chunk type: 0x53565250.']);
  });

  it('writes the camera as a real glTF camera with yfov from the lens math and the lens in extras', () => {
    const j = glbJson(glb) as any;
    const node = j.nodes.find((n: any) => n.camera !== undefined);
    const cam = j.cameras[node.camera];
    const doc = tp.project.scenes[tp.sceneId]!.objects[tp.cameraId] as Camera;
    expect(cam.type).toBe('perspective');
    expect(cam.perspective.yfov).toBeCloseTo(cameraFieldOfView(doc).verticalRad, 6);
    expect(cam.perspective.aspectRatio).toBeCloseTo(doc.deliveryAspect, 6);
    expect(node.extras.lens).toMatchObject({ focalLengthMm: 35, tStop: 2.8, squeeze: 1, kind: 'spherical' });
    expect(node.extras.sensor).toMatchObject({ widthMm: 24.89, heightMm: 18.66 });
  });

  it('marks the layer nodes and the nodes holding them with KHR_xmp_json_ld packets', () => {
    const j = glbJson(glb) as any;
    const marked = j.nodes.filter((n: any) => n.extensions?.KHR_xmp_json_ld).map((n: any) => n.name).sort();
    expect(marked).toEqual(['Ada −20 years', 'Corner block', 'Corner block collapse', 'Hero close-up plate'].sort());
    const packets = j.extensions.KHR_xmp_json_ld.packets;
    expect(packets[j.asset.extensions.KHR_xmp_json_ld.packet]['Iptc4xmpExt:DigitalSourceType']).toBe('http://cv.iptc.org/newscodes/digitalsourcetype/compositeWithTrainedAlgorithmicMedia');
  });

  it("loads in three's GLTFLoader with cameras and the lens extras", async () => {
    const ab = glb.buffer.slice(glb.byteOffset, glb.byteOffset + glb.byteLength) as ArrayBuffer;
    const gltf = await new GLTFLoader().parseAsync(ab, '');
    expect(gltf.cameras).toHaveLength(1);
    const cam = gltf.cameras[0] as THREE.PerspectiveCamera;
    const doc = tp.project.scenes[tp.sceneId]!.objects[tp.cameraId] as Camera;
    expect(cam.fov).toBeCloseTo(cameraFieldOfView(doc).verticalDeg, 4);
    let meshes = 0;
    gltf.scene.traverse((o) => {
      if ((o as THREE.Mesh).isMesh) meshes++;
    });
    expect(meshes).toBeGreaterThanOrEqual(2);
    expect(gltf.parser.json.extensionsUsed).toContain('KHR_xmp_json_ld');
  });
});
