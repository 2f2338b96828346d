// Requests from keyboard/menus to the live viewport (frame selection, capture). The Canvas side
// registers handlers; callers need no React context.
type Handler = () => void;
const handlers = new Map<string, Handler>();

export const viewportCommands = {
  register(name: 'frameSelection', fn: Handler): () => void {
    handlers.set(name, fn);
    return () => handlers.delete(name);
  },
  frameSelection(): void {
    handlers.get('frameSelection')?.();
  },
};
