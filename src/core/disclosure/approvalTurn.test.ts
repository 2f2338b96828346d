// The one rule behind the review card's approve button and the "needs your approval" badge.
import { describe, expect, it } from 'vitest';
import { approvalTurn, countNeedingApproval, needsApprovalFrom, type Reviewer, type Standing } from './approvalTurn';
import type { LedgerState } from './state';
import type { LayerDisclosure } from './status';
import type { ReviewRole } from './vocab';

// only the fields the rule reads; the rest of a disclosure does not enter into it
function layer(recordId: string, o: { state?: string; awaiting?: ReviewRole[]; approvedBy?: string[]; current?: boolean } = {}): LayerDisclosure {
  return {
    facts: { layerId: `layer_${recordId}` },
    record: { recordId },
    current: o.current ?? true,
    review: { state: o.state ?? 'submitted', approvals: (o.approvedBy ?? []).map((person) => ({ person })) },
    awaiting: o.awaiting ?? ['legal'],
  } as unknown as LayerDisclosure;
}

function ledger(records: Record<string, { author: string; submitters: string[] }>): LedgerState {
  return { records: new Map(Object.entries(records)) } as unknown as LedgerState;
}

const legal: Reviewer = { person: 'lee@studio.test', roles: ['legal'] };
const artist: Reviewer = { person: 'ari@studio.test', roles: ['artist'] as ReviewRole[] };
const good: Standing = { ok: true };
const state = ledger({
  r1: { author: 'ari@studio.test', submitters: ['ari@studio.test'] },
  r2: { author: 'lee@studio.test', submitters: ['ari@studio.test'] },
  r3: { author: 'ari@studio.test', submitters: ['lee@studio.test'] },
});

describe('whose turn it is to approve', () => {
  it('a submitted layer awaiting legal, made and submitted by someone else, needs legal', () => {
    expect(needsApprovalFrom(layer('r1'), state, legal, good)).toBe(true);
    expect(approvalTurn(layer('r1'), state, legal, good)).toEqual({ role: 'legal', judgeBlock: null, approveBlock: null });
  });

  it('not for the maker, the submitter, one who already approved, or a role the layer does not await', () => {
    expect(needsApprovalFrom(layer('r2'), state, legal, good)).toBe(false);
    expect(approvalTurn(layer('r2'), state, legal, good).approveBlock).toMatch(/you made this layer/);
    expect(needsApprovalFrom(layer('r3'), state, legal, good)).toBe(false);
    expect(approvalTurn(layer('r3'), state, legal, good).approveBlock).toMatch(/you submitted/);
    expect(needsApprovalFrom(layer('r1', { approvedBy: [legal.person] }), state, legal, good)).toBe(false);
    expect(needsApprovalFrom(layer('r1', { awaiting: ['producer'] }), state, legal, good)).toBe(false);
  });

  it('not when the layer is not submitted, is stale, or the member cannot approve at all', () => {
    expect(needsApprovalFrom(layer('r1', { state: 'draft' }), state, legal, good)).toBe(false);
    expect(needsApprovalFrom(layer('r1', { state: 'approved' }), state, legal, good)).toBe(false);
    expect(needsApprovalFrom(layer('r1', { current: false }), state, legal, good)).toBe(false);
    expect(needsApprovalFrom(layer('r1'), state, null, null)).toBe(false);
    expect(needsApprovalFrom(layer('r1'), state, artist, good)).toBe(false);
    // a role claimed while the certificate is revoked or unchecked grants nothing
    const revoked: Standing = { ok: false, reason: 'revoked' };
    expect(needsApprovalFrom(layer('r1'), state, legal, revoked)).toBe(false);
    expect(approvalTurn(layer('r1'), state, legal, revoked).judgeBlock).toMatch(/does not count: revoked/);
    expect(needsApprovalFrom(layer('r1'), state, legal, null)).toBe(false);
  });

  it('counts only the layers the card would let this member approve', () => {
    const layers = [layer('r1'), layer('r2'), layer('r3'), layer('r1', { state: 'draft' })];
    expect(countNeedingApproval(layers, state, legal, good)).toBe(1);
    expect(countNeedingApproval(layers, state, artist, good)).toBe(0);
  });
});
