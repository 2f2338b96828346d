// The app's one studio connection: connect the open project to a server (moving it there, or joining the
// project the server holds), keep presence current, and leave again with the project kept here. The member
// credential comes from the studio identity feature through `studioCredentials` (none: open servers only).
import { IndexeddbPersistence } from 'y-indexeddb';
import { registerTestHook } from '../testHook';
import { projectStore } from '../store/projectStore';
import { editorStore } from '../store/editorStore';
import { currentCertificate, currentSigner, identityStore } from '../store/signingKeys';
import { connectStudio, newConnectionStatus, type StudioConnection } from './studioConnection';
import { studioToken, type MemberCredential } from './studioSignIn';
import { fetchAsset, uploadMissing } from './assetSync';
import { socketAssets } from './assetChannel';
import { getLocalAssetBytes, remoteAssets } from '../store/assets';

export const studioStatus = newConnectionStatus();

/** The enrolled member's certificate and device-key signer (none before enrolment: open servers only). */
export const studioCredentials: { current: (() => Promise<MemberCredential | null>) | null } = {
  async current() {
    const certificatePem = await currentCertificate();
    if (!certificatePem) return null;
    const signer = await currentSigner();
    return { certificatePem, sign: (b) => signer.sign(b) };
  },
};

let active: StudioConnection | null = null;
let stopPresence: (() => void) | null = null;

const COLOURS = ['#e6194b', '#3cb44b', '#4363d8', '#f58231', '#911eb4', '#42d4f4', '#f032e6', '#9a6324'];

export function normaliseServerUrl(input: string): string {
  const s = input.trim();
  const withScheme = /^wss?:\/\//.test(s) ? s : /^https?:\/\//.test(s) ? s.replace(/^http/, 'ws') : `ws://${s}`;
  const u = new URL(withScheme);
  if (u.protocol !== 'ws:' && u.protocol !== 'wss:') throw new Error(`"${input}" is not a studio server address`);
  return `${u.protocol}//${u.host}`;
}

/** Connects the open project; `projectId` joins another project the server holds instead. */
export async function connectToStudio(serverInput: string, projectId?: string): Promise<void> {
  await leaveStudio();
  const url = normaliseServerUrl(serverInput);
  const cred = studioCredentials.current ? await studioCredentials.current() : null;
  const me = identityStore.getState().name;
  active = await connectStudio({
    url,
    store: projectStore,
    projectId,
    token: cred ? studioToken(url, cred) : undefined,
    status: studioStatus,
    offlineCopy: typeof indexedDB === 'undefined' ? undefined : (doc, name) => new IndexeddbPersistence(name, doc),
    presence: {
      person: me,
      name: me,
      colour: COLOURS[Math.floor(Math.random() * COLOURS.length)]!,
      selection: editorStore.getState().selection,
      lookThrough: editorStore.getState().viewMode === 'lookThrough' ? editorStore.getState().lookThroughCameraId : null,
      view: null,
    },
    onProblem: (m) => editorStore.getState().notify('warning', `Studio: ${m}`),
  });
  const conn = active;
  const stopSelection = editorStore.subscribe((s, prev) => {
    if (s.selection === prev.selection && s.viewMode === prev.viewMode && s.lookThroughCameraId === prev.lookThroughCameraId) return;
    conn.setPresence({ selection: s.selection, lookThrough: s.viewMode === 'lookThrough' ? s.lookThroughCameraId : null });
  });

  // assets by hash over the project's own WebSocket (signed in already): what this browser holds goes up once;
  // what it lacks comes down when it is needed
  const remote = socketAssets(conn.provider);
  remoteAssets.fetch = async (hash) => {
    const r = await fetchAsset(remote, hash);
    if (!r.bytes) editorStore.getState().notify('warning', `Studio: ${r.problem}`);
    return r.bytes;
  };
  const upload = (hashes: string[]) =>
    void uploadMissing(remote, hashes, (h) => getLocalAssetBytes(h))
      .then((r) => r.problems.forEach((p) => editorStore.getState().notify('warning', `Studio: ${p}`)))
      .catch((e: unknown) => editorStore.getState().notify('warning', `Studio: assets not uploaded (${(e as Error).message})`));
  upload(Object.keys(projectStore.getState().project.assets));
  const stopAssets = projectStore.subscribe((s, prev) => {
    if (s.project.assets === prev.project.assets) return;
    const added = Object.keys(s.project.assets).filter((h) => !prev.project.assets[h]);
    if (added.length) upload(added);
  });
  stopPresence = () => {
    stopSelection();
    stopAssets();
    remoteAssets.fetch = null;
    remote.close();
  };
}

/** Leaves the server; the project stays open here as it is (autosave keeps it in this browser). */
export async function leaveStudio(): Promise<void> {
  stopPresence?.();
  stopPresence = null;
  const c = active;
  active = null;
  await c?.close();
}

export const studioConnection = () => active;

// e2e: the live connection (its doc and binding) and its state, read-only in spirit like the other hooks
registerTestHook('studio', { connection: () => active, status: studioStatus });
