// Policy flags computed from a disclosure record, and what each flag demands before a deliverable may carry
// the layer. The rules are production rules: declare everything, approve what may reach final, and never alter
// a real person's likeness without their separately signed consent.
import type { ReviewRole } from './vocab';

export interface PolicyFlags {
  /** every record is of generated or altered media; kept explicit so readers need not infer it */
  aiGenerated: true;
  likeness: boolean;
  personalData: boolean;
  thirdPartyIp: boolean;
  /** an input's rights are unknown: treated like third-party until cleared */
  unknownRights: boolean;
  publicFigure: boolean;
  deceased: boolean;
  mayReachFinal: boolean;
}

export interface Requirement {
  kind: 'approval' | 'consent' | 'representative-consent';
  /** for approvals: the role that must approve */
  role: ReviewRole | null;
  /** the flag that brings it in */
  because: keyof PolicyFlags;
  text: string;
}

export interface Policy {
  flags: PolicyFlags;
  requirements: Requirement[];
  /** roles whose approval at the current output hash a deliverable needs */
  approvalRoles: ReviewRole[];
  consentRequired: boolean;
}

export interface PolicyInputs {
  likeness: boolean;
  personalData: boolean;
  thirdPartyIp: boolean;
  unknownRights: boolean;
  publicFigure: boolean;
  deceased: boolean;
  mayReachFinal: boolean;
}

export function computePolicy(i: PolicyInputs): Policy {
  const flags: PolicyFlags = { aiGenerated: true, ...i };
  const req: Requirement[] = [];
  if (flags.mayReachFinal) {
    req.push({
      kind: 'approval',
      role: 'vfx-supervisor',
      because: 'mayReachFinal',
      text: 'may reach a final deliverable: needs written approval by the VFX supervisor',
    });
  }
  if (flags.likeness) {
    req.push({
      kind: 'consent',
      role: null,
      because: 'likeness',
      text: "alters a real person's likeness: needs the performer's informed, specific, signed consent",
    });
    req.push({ kind: 'approval', role: 'legal', because: 'likeness', text: 'likeness alteration: legal review' });
  }
  if (flags.personalData) {
    req.push({ kind: 'approval', role: 'legal', because: 'personalData', text: 'processes personal data (a depicted person): legal review' });
  }
  if (flags.thirdPartyIp) {
    req.push({ kind: 'approval', role: 'legal', because: 'thirdPartyIp', text: 'third-party IP: rights clearance by legal' });
  }
  if (flags.unknownRights) {
    req.push({ kind: 'approval', role: 'legal', because: 'unknownRights', text: 'an input has unknown rights: clearance by legal' });
  }
  if (flags.publicFigure) {
    req.push({ kind: 'approval', role: 'legal', because: 'publicFigure', text: 'depicts a public figure: legal review' });
  }
  if (flags.deceased) {
    req.push({
      kind: 'representative-consent',
      role: null,
      because: 'deceased',
      text: "depicts a deceased person: consent must be signed by the estate's representative",
    });
    req.push({ kind: 'approval', role: 'legal', because: 'deceased', text: 'depicts a deceased person: legal review' });
  }
  const approvalRoles = [...new Set(req.filter((r) => r.kind === 'approval').map((r) => r.role!))];
  const consentRequired = req.some((r) => r.kind !== 'approval');
  return { flags, requirements: req, approvalRoles, consentRequired };
}
