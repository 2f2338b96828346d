// At app start: read the brought models back from storage (checked again), then watch the open project for
// layers whose model is missing and say so once per project.
import { getRuntime } from '../../effects/runtime';
import { editorStore } from '../../store/editorStore';
import { projectStore } from '../../store/projectStore';
import { restoreByoModels } from './byoLibrary';
import { useByoModels } from './byoModels';
import { describeMissing, installedShas, missingModels } from './missingModels';

let started = false;

export function startByoLibrary(): void {
  if (started || typeof indexedDB === 'undefined') return;
  started = true;
  void restoreByoModels((card, bytes) => getRuntime().validate(card, bytes)).then(() => {
    const { restoreError, refused } = useByoModels.getState();
    if (restoreError) editorStore.getState().notify('error', restoreError);
    for (const r of refused) editorStore.getState().notify('warning', `Stored model ${r.id ?? r.fileName} refused on load: ${r.errors[0] ?? 'invalid'}`);
  });

  const installed = installedShas();
  let told = '';
  const check = () => {
    if (useByoModels.getState().restore !== 'ready') return;
    const known = new Set([...installed, ...useByoModels.getState().models.map((m) => m.card.sha256)]);
    const project = projectStore.getState().project;
    const missing = missingModels(project, known);
    // one notice per project and set of missing models, not one per edit
    const key = `${project.id}|${missing.map((m) => m.ref.sha256).join(',')}`;
    if (key === told) return;
    told = key;
    for (const m of missing) editorStore.getState().notify('warning', describeMissing(m));
  };
  projectStore.subscribe((s, prev) => {
    if (s.project !== prev.project) check();
  });
  useByoModels.subscribe((s, prev) => {
    if (s.restore !== prev.restore || s.models !== prev.models) check();
  });
}
