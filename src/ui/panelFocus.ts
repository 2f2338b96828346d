// Opening a panel from anywhere (a refusal's "fix it here" link): the panel columns register the panels they
// hold and bring one forward on request. Kept apart from the panel registry so panels may import it.
interface Column {
  titles: Record<string, string>;
  show(id: string): void;
}
const columns = new Set<Column>();

/** Brings the panel forward; false when no column holds a panel of that id. */
export function openPanel(id: string): boolean {
  let shown = false;
  for (const c of columns) {
    if (!(id in c.titles)) continue;
    c.show(id);
    shown = true;
  }
  return shown;
}

/** The title of a panel on screen, or null when there is none of that id. */
export function panelTitle(id: string): string | null {
  for (const c of columns) if (id in c.titles) return c.titles[id]!;
  return null;
}

export function registerColumn(c: Column): () => void {
  columns.add(c);
  return () => {
    columns.delete(c);
  };
}
