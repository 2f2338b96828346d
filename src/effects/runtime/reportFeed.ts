// Every finished job's report, for whoever shows them (the model panel's recent-jobs list).
import type { RuntimeRunReport } from './types';

export class ReportFeed {
  private readonly listeners = new Set<(r: RuntimeRunReport) => void>();
  readonly recent: RuntimeRunReport[] = [];

  emit(report: RuntimeRunReport): void {
    this.recent.unshift(report);
    this.recent.length = Math.min(this.recent.length, 20);
    for (const l of this.listeners) l(report);
  }

  subscribe(listener: (r: RuntimeRunReport) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
