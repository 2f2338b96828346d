// GLB scene export: three's GLTFExporter (binary), cameras and lights included, then the disclosure step adds
// the XMP packets and the signed bundle (core/export). Runs in the browser; in Node it needs a FileReader
// (the tests provide one), because GLTFExporter reads its Blob output through it.
import { GLTFExporter } from 'three/examples/jsm/exporters/GLTFExporter.js';
import type * as THREE from 'three';
import type { Project } from '../../core/document/schema';
import { buildSceneGraph, type SceneGraphOptions } from './sceneGraph';

export async function sceneToGlb(scene: THREE.Object3D): Promise<Uint8Array> {
  const exporter = new GLTFExporter();
  const out = await exporter.parseAsync(scene, { binary: true, onlyVisible: true, includeCustomExtensions: false });
  if (!(out instanceof ArrayBuffer)) throw new Error('GLTFExporter did not produce a binary GLB');
  return new Uint8Array(out);
}

/** The project's scene at a frame as GLB bytes, generated layers limited to those the gate allowed. */
export async function projectToGlb(project: Project, opts: SceneGraphOptions): Promise<Uint8Array> {
  return sceneToGlb(buildSceneGraph(project, opts));
}
