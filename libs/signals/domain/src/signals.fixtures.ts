import type { SignallingMember, SubmitSignal, SubmitSignalData, TriageCommand } from '@kapocs/signals/contracts';
import type { CommandMeta, DistrictCode, SettlementCode } from '@kapocs/shared/kernel';

export const DISTRICT = '130' as DistrictCode;
export const SITE = '12345' as SettlementCode;
export const SIGNAL_ID = 'signal-1';
export const NOW = '2025-03-10T09:00:00.000Z';

export const meta = (userId = 'teacher-1', role: CommandMeta['actor']['role'] = 'signal_member'): CommandMeta => ({
  now: NOW,
  actor: { userId, role },
  district: DISTRICT,
  correlationId: 'c-1',
});

export const member: SignallingMember = { organisationId: 'school-1', district: DISTRICT, category: 'SCHOOL', portalUserIds: ['teacher-1'] };

export const submission = (overrides: Partial<SubmitSignalData> = {}): SubmitSignalData => ({
  signalId: SIGNAL_ID,
  reference: 'J-ABCDE-FGHJK',
  settlement: SITE,
  source: 'portal',
  channel: 'PORTAL',
  organisationId: 'school-1',
  subjectKind: 'child',
  categories: ['NEGLECT'],
  observedSince: '2025-02-01',
  urgency: 'normal',
  personal: { subject: { name: 'Minta Pista' }, observed: 'Hetek óta éhesen érkezik.' },
  ...overrides,
});

export const submit = (overrides: Partial<SubmitSignalData> = {}, who = member, m = meta()): SubmitSignal => ({
  type: 'SubmitSignal',
  data: submission(overrides),
  meta: m,
  member: who,
});

export const triage = <T extends TriageCommand['type']>(type: T, data: Omit<Extract<TriageCommand, { type: T }>['data'], 'signalId'>): Extract<TriageCommand, { type: T }> =>
  ({ type, data: { signalId: SIGNAL_ID, ...data }, meta: meta('worker-1', 'district_worker') }) as unknown as Extract<TriageCommand, { type: T }>;
