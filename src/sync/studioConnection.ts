// A project's connection to a studio server: the shared doc, the Hocuspocus provider (WebSocket, reconnects
// by itself), an optional offline copy (y-indexeddb in the browser) and the store binding. Connection state
// is a small store of its own so the toolbar can always show it: connected, offline with N local changes,
// reconnecting.
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import * as Y from 'yjs';
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { ProjectState } from '../store/projectStore';
import { bindStore, type StoreBinding } from './storeBinding';
import { isEmptyDoc } from './projectDoc';
import { readPeers, type Peer, type Presence } from './presence';

export type ConnectionState = 'connecting' | 'connected' | 'reconnecting' | 'offline' | 'refused' | 'closed';

export interface ConnectionStatus {
  state: ConnectionState;
  /** my edits the server has not yet acknowledged */
  unsynced: number;
  /** why the server refused us, or the last problem with the shared doc */
  error: string | null;
  peers: Peer[];
  serverUrl: string | null;
}

export function newConnectionStatus(): StoreApi<ConnectionStatus> {
  return createStore<ConnectionStatus>()(() => ({ state: 'closed', unsynced: 0, error: null, peers: [], serverUrl: null }));
}

/** A local copy of the doc that survives reloads (y-indexeddb in the browser; none in Node tests). */
export interface OfflineCopy {
  whenSynced: Promise<unknown>;
  destroy(): Promise<void> | void;
}

export interface ConnectOptions {
  /** ws://host:port of the studio server */
  url: string;
  store: StoreApi<ProjectState>;
  /** the project to open there; default: the store's project (moving it onto the server) */
  projectId?: string;
  /** a fresh sign-in token per connection attempt (studio sign-in), or none on an open server */
  token?: () => Promise<string>;
  /** Node: the `ws` package's WebSocket */
  WebSocketPolyfill?: unknown;
  offlineCopy?: (doc: Y.Doc, name: string) => OfflineCopy;
  status?: StoreApi<ConnectionStatus>;
  presence?: Presence;
  /** give up waiting for the first sync after this long (the project stays as it was) */
  timeoutMs?: number;
  onProblem?(message: string): void;
}

export interface StudioConnection {
  doc: Y.Doc;
  provider: HocuspocusProvider;
  binding: StoreBinding;
  status: StoreApi<ConnectionStatus>;
  /** resolves when the server has acknowledged every edit made so far */
  flushed(timeoutMs?: number): Promise<void>;
  setPresence(p: Partial<Presence>): void;
  /** Leaves the server; the project stays open here, as it is, to keep working alone. */
  close(): Promise<void>;
}

export async function connectStudio(o: ConnectOptions): Promise<StudioConnection> {
  const status = o.status ?? newConnectionStatus();
  const name = o.projectId ?? o.store.getState().project.id;
  const doc = new Y.Doc();
  const offline = o.offlineCopy?.(doc, `previs-sync:${o.url}:${name}`);
  if (offline) await offline.whenSynced;
  status.setState({ state: 'connecting', error: null, serverUrl: o.url, unsynced: 0, peers: [] });

  const socket = new HocuspocusProviderWebsocket({
    url: o.url,
    WebSocketPolyfill: o.WebSocketPolyfill,
    // reconnect quickly on a studio LAN, but back off up to 5 s
    delay: 200,
    minDelay: 200,
    maxDelay: 5000,
    factor: 2,
    maxAttempts: 0,
  });
  let everConnected = false;
  const provider = new HocuspocusProvider({
    websocketProvider: socket,
    name,
    document: doc,
    token: o.token ?? null,
  });
  // a provider handed its own socket does not attach by itself
  provider.attach();
  socket.on('status', ({ status: s }: { status: string }) => {
    if (status.getState().state === 'refused' || status.getState().state === 'closed') return;
    if (s === 'connected') status.setState({ state: 'connected' });
    else if (s === 'connecting') status.setState({ state: everConnected ? 'reconnecting' : 'connecting' });
    else status.setState({ state: everConnected ? 'offline' : 'connecting' });
  });
  provider.on('synced', () => {
    everConnected = true;
    if (status.getState().state !== 'refused') status.setState({ state: 'connected', error: null });
  });
  // the server closed this project's connection (socket still open): a refused edit or an ended membership
  provider.on('close', ({ event }: { event: { reason?: string } }) => {
    const reason = event?.reason ?? '';
    if (!reason) return;
    status.setState({ state: /membership ended/.test(reason) ? 'refused' : 'offline', error: reason });
  });
  provider.on('unsyncedChanges', ({ number }: { number: number }) => status.setState({ unsynced: number }));

  const first = new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no answer from the studio server at ${o.url} within ${(o.timeoutMs ?? 10000) / 1000} s`)), o.timeoutMs ?? 10000);
    provider.on('authenticationFailed', ({ reason }: { reason: string }) => {
      clearTimeout(timer);
      status.setState({ state: 'refused', error: reason });
      reject(new Error(`the studio server refused this member: ${reason}`));
    });
    provider.on('synced', () => {
      clearTimeout(timer);
      resolve();
    });
    // offline start with a local copy: work on it now, it syncs when the server answers
    if (offline && !isEmptyDoc(doc)) {
      clearTimeout(timer);
      resolve();
    }
  });
  try {
    await first;
  } catch (e) {
    provider.destroy();
    socket.destroy();
    await offline?.destroy();
    throw e;
  }

  // joining someone else's project: its content may still be on its way (another instance behind Redis)
  const joining = name !== o.store.getState().project.id;
  if (joining && isEmptyDoc(doc)) {
    try {
      await new Promise<void>((resolve, reject) => {
        const t = setTimeout(() => {
          doc.off('update', check);
          reject(new Error(`there is no project "${name}" on the studio server at ${o.url}`));
        }, o.timeoutMs ?? 10000);
        const check = () => {
          if (isEmptyDoc(doc)) return;
          clearTimeout(t);
          doc.off('update', check);
          resolve();
        };
        doc.on('update', check);
      });
    } catch (e) {
      provider.destroy();
      socket.destroy();
      await offline?.destroy();
      status.setState({ state: 'closed', error: (e as Error).message });
      throw e;
    }
  }

  let binding: StoreBinding;
  try {
    binding = bindStore(o.store, doc, {
      seed: !joining,
      onProblem: (m) => {
        status.setState({ error: `the shared project holds something invalid (kept the last good version): ${m}` });
        o.onProblem?.(m);
      },
      onDetached: () => void close(),
    });
  } catch (e) {
    // the server's copy cannot be opened here: leave, saying why, rather than stay connected to nothing
    provider.destroy();
    socket.destroy();
    await offline?.destroy();
    status.setState({ state: 'closed', error: (e as Error).message, peers: [], unsynced: 0 });
    throw e;
  }

  const awareness = provider.awareness!;
  if (o.presence) awareness.setLocalState(o.presence);
  const onAwareness = () => status.setState({ peers: readPeers(awareness) });
  awareness.on('change', onAwareness);

  let closed = false;
  async function close(): Promise<void> {
    if (closed) return;
    closed = true;
    binding.detach();
    awareness.off('change', onAwareness);
    provider.destroy();
    socket.destroy();
    await offline?.destroy();
    status.setState({ state: 'closed', peers: [], unsynced: 0 });
  }

  return {
    doc,
    provider,
    binding,
    status,
    flushed(timeoutMs = 10000) {
      if (provider.unsyncedChanges === 0) return Promise.resolve();
      return new Promise((resolve, reject) => {
        const t = setTimeout(() => reject(new Error(`${provider.unsyncedChanges} edits not acknowledged after ${timeoutMs} ms`)), timeoutMs);
        const check = ({ number }: { number: number }) => {
          if (number === 0) {
            clearTimeout(t);
            provider.off('unsyncedChanges', check);
            resolve();
          }
        };
        provider.on('unsyncedChanges', check);
      });
    },
    setPresence(p) {
      const cur = (awareness.getLocalState() ?? {}) as Presence;
      awareness.setLocalState({ ...cur, ...p });
    },
    close,
  };
}
