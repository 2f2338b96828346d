// Who else is in the project, what they have selected and which camera they look through: Yjs awareness
// states (never stored, gone when a client leaves).
import type { Awareness } from 'y-protocols/awareness';

export interface Presence {
  /** the member's person id (lower-case e-mail) when signed in, else a name typed in */
  person: string;
  name: string;
  /** a colour for their cursor, selection outline and camera */
  colour: string;
  selection: string[];
  /** the camera they look through, or null in the free viewport */
  lookThrough: string | null;
  /** their viewport camera, for drawing where they look from */
  view: { position: [number, number, number]; target: [number, number, number] } | null;
}

export interface Peer extends Presence {
  clientId: number;
}

const isStrings = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === 'string');
const isVec = (v: unknown): v is [number, number, number] => Array.isArray(v) && v.length === 3 && v.every((x) => Number.isFinite(x));

/** Other clients' presence, checked field by field: awareness comes from anyone connected. */
export function readPeers(awareness: Awareness): Peer[] {
  const out: Peer[] = [];
  for (const [clientId, s] of awareness.getStates()) {
    if (clientId === awareness.clientID || !s || typeof s !== 'object') continue;
    const v = s as Partial<Presence>;
    if (typeof v.name !== 'string' || typeof v.person !== 'string') continue;
    const view = v.view && isVec(v.view.position) && isVec(v.view.target) ? v.view : null;
    out.push({
      clientId,
      person: v.person.slice(0, 256),
      name: v.name.slice(0, 256),
      colour: typeof v.colour === 'string' && /^#[0-9a-f]{6}$/i.test(v.colour) ? v.colour : '#888888',
      selection: isStrings(v.selection) ? v.selection.slice(0, 1000) : [],
      lookThrough: typeof v.lookThrough === 'string' ? v.lookThrough : null,
      view,
    });
  }
  return out.sort((a, b) => a.name.localeCompare(b.name) || a.clientId - b.clientId);
}
