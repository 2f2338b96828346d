import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addObjects, createObject, newProject } from '../core/document';
import { ProjectReader, roots, writeProjectDiff } from './projectDoc';

describe('a project shared by a schema-3 app', () => {
  it('reads as schema 4 (3 → 4 only added the optional camera aim); a newer version is still refused', () => {
    const p0 = newProject('shared');
    const sid = p0.sceneOrder[0]!;
    const cam = createObject('camera');
    delete (cam as { aim?: unknown }).aim;
    const p = addObjects(sid, [cam])(p0);
    const doc = new Y.Doc();
    writeProjectDiff(doc, null, p);
    roots(doc).meta.set('schemaVersion', 3);
    const r = new ProjectReader(doc).read();
    if (!r || !r.ok) throw new Error(r ? r.error : 'empty');
    expect(r.project.schemaVersion).toBe(4);
    expect(r.project.scenes[sid]!.objects[cam.id]!.type).toBe('camera');
    roots(doc).meta.set('schemaVersion', 5);
    const newer = new ProjectReader(doc).read();
    expect(newer?.ok).toBe(false);
  });
});
