// Opening is all or nothing: a file that fails any check (here, one that the old reference test let through and
// that blanked the page) leaves the open project, its autosaved copy and the last-project pointer as they were.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { serializeProject } from '../core/document';
import { buildDemoProject } from '../core/document/demo';
import { projectStore } from './projectStore';
import { editorStore } from './editorStore';
import { openProjectFile } from './projectFile';
import { idbGet, idbPut } from './idb';
import { saveNow } from './autosave';
import { BLOB_TEXT_FROM, readProjectFromDb, saveProjectToDb, type StoredProject } from './persistence';
import { bigTrackProject } from '../core/projectFile/bigTrack.testutil';

const bytes = (t: string) => new TextEncoder().encode(t);

describe('opening a project file', () => {
  it('refuses a hostile file without touching the open project, its autosave or the last-project pointer', async () => {
    const current = { ...buildDemoProject(), id: 'proj_current', name: 'Current work' };
    projectStore.getState().load(current);
    await saveProjectToDb(current);
    const before = await idbGet<StoredProject>('projects', current.id);
    const held = projectStore.getState().project;
    const hostile = { ...buildDemoProject(), id: 'proj_hostile', sceneOrder: ['__proto__'] };
    for (const [name, text] of [
      ['proto.previs.json', JSON.stringify(hostile)],
      ['target.previs.json', serializeProject(buildDemoProject()).replace('"targetId": "cam_a"', '"targetId": "toString"')],
      ['chain.previs.json', serializeProject(buildDemoProject()).replace('"parentId": null', '"parentId": "road"')],
    ] as const) {
      const r = await openProjectFile(name, bytes(text));
      expect(r.ok, name).toBe(false);
      expect(projectStore.getState().project).toBe(held);
      const notice = editorStore.getState().notices.at(-1)!;
      expect(notice.level).toBe('error');
      expect(notice.text.startsWith(`Could not open ${name}: `), notice.text).toBe(true);
      expect(notice.text.split(name).length - 1).toBe(1);
    }
    expect(await idbGet<StoredProject>('projects', current.id)).toEqual(before);
    expect(await idbGet('projects', 'proj_hostile')).toBeUndefined();
    expect(await idbGet('meta', 'lastProjectId')).toBe('proj_current');
  });

  it('opens a good file and makes it the last project', async () => {
    const next = { ...buildDemoProject(), id: 'proj_next' };
    const r = await openProjectFile('next.previs.json', bytes(serializeProject(next)));
    expect(r.ok).toBe(true);
    expect(projectStore.getState().project.id).toBe('proj_next');
    expect(await idbGet('meta', 'lastProjectId')).toBe('proj_next');
  });

  it('stores an opened file once: the autosave after the switch does not write the same document again', async () => {
    const next = { ...buildDemoProject(), id: 'proj_once' };
    expect((await openProjectFile('once.previs.json', bytes(serializeProject(next)))).ok).toBe(true);
    // a marker in the stored copy survives an autosave of the unchanged document, and is replaced after an edit
    const stored = (await idbGet<StoredProject>('projects', 'proj_once'))!;
    await idbPut('projects', 'proj_once', { ...stored, text: 'marker' });
    await saveNow();
    expect((await idbGet<StoredProject>('projects', 'proj_once'))!.text).toBe('marker');
    projectStore.getState().execute('Rename', (p) => ({ ...p, name: 'Renamed' }));
    await saveNow();
    expect((await idbGet<StoredProject>('projects', 'proj_once'))!.text).toContain('"Renamed"');
    // an undo back to the opened document (stored once, but not what storage holds now) is written again
    projectStore.getState().undo();
    await saveNow();
    expect((await idbGet<StoredProject>('projects', 'proj_once'))!.text).not.toContain('"Renamed"');
  });
});

describe('a big project in browser storage', () => {
  it('is stored as a Blob and reads back equal', async () => {
    const big = { ...bigTrackProject(10_000), id: 'proj_big' };
    const text = serializeProject(big);
    expect(text.length).toBeGreaterThan(BLOB_TEXT_FROM);
    await saveProjectToDb(big, text);
    const stored = (await idbGet<StoredProject>('projects', 'proj_big'))!;
    expect(stored.text).toBeInstanceOf(Blob);
    const back = await readProjectFromDb('proj_big');
    expect(back.ok && serializeProject(back.project)).toBe(text);
  });
});
