// Files dropped on the window go to the first handler that accepts them (project files, glTF, plates…).
import type { ScreenPoint } from '../viewport/placement/viewPlacement';

export interface DropHandler {
  id: string;
  accepts(file: File): boolean;
  /** `at`: where the file was dropped, so what it adds lands under the mouse */
  handle(file: File, at?: ScreenPoint): Promise<void>;
}

export const dropHandlers: DropHandler[] = [];

export async function dispatchFiles(files: File[], notify: (level: 'error', text: string) => void, at?: ScreenPoint): Promise<void> {
  for (const f of files) {
    const h = dropHandlers.find((d) => d.accepts(f));
    if (!h) {
      notify('error', `${f.name}: Previs Sandbox does not know this kind of file`);
      continue;
    }
    try {
      await h.handle(f, at);
    } catch (e) {
      // handlers name the file in their own sentences; never say it twice
      const message = e instanceof Error ? e.message : String(e);
      notify('error', message.includes(f.name) ? message : `${f.name}: ${message}`);
    }
  }
}
