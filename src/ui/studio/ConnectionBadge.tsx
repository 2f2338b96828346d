// The studio connection state, always visible in the status bar while a project is shared.
import { useStore } from 'zustand';
import { studioStatus } from '../../sync/studioSession';

export function connectionText(s: { state: string; unsynced: number; peers: unknown[] }): string | null {
  switch (s.state) {
    case 'closed':
      return null;
    case 'connecting':
      return 'Studio: connecting…';
    case 'connected':
      return `Studio: connected${s.peers.length ? ` (${s.peers.length + 1} in)` : ''}${s.unsynced ? `, sending ${s.unsynced}` : ''}`;
    case 'reconnecting':
      return `Studio: reconnecting… ${s.unsynced} local change${s.unsynced === 1 ? '' : 's'} kept`;
    case 'offline':
      return `Studio: offline with ${s.unsynced} local change${s.unsynced === 1 ? '' : 's'}`;
    case 'refused':
      return 'Studio: refused';
    default:
      return `Studio: ${s.state}`;
  }
}

export function ConnectionBadge() {
  const s = useStore(studioStatus);
  const text = connectionText(s);
  if (!text) return null;
  return (
    <span data-testid="studio-status" className={s.state === 'connected' ? '' : 'bad'} title={s.error ?? undefined}>
      {text}
    </span>
  );
}
