// Autosave never replaces the last good copy with a project that just failed to draw, and resumes once it draws.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { buildDemoProject } from '../core/document/demo';
import { projectStore } from './projectStore';
import { saveNow } from './autosave';
import { idbGet } from './idb';
import { saveProjectToDb, type StoredProject } from './persistence';
import { clearRenderFailure, reportRenderFailure } from './renderHealth';

const renameProject = (name: string) => projectStore.getState().execute(`Rename to ${name}`, (p) => ({ ...p, name }));

describe('autosave while a part of the editor cannot draw', () => {
  it('keeps the last good copy, then writes again once everything draws', async () => {
    const p = { ...buildDemoProject(), id: 'proj_health' };
    projectStore.getState().load(p);
    await saveProjectToDb(p);
    const good = await idbGet<StoredProject>('projects', p.id);
    renameProject('Broken by an edit');
    reportRenderFailure('viewport', 'boom');
    await saveNow();
    expect(await idbGet<StoredProject>('projects', p.id)).toEqual(good);
    clearRenderFailure('viewport');
    await saveNow();
    expect((await idbGet<StoredProject>('projects', p.id))!.name).toBe('Broken by an edit');
  });
});
