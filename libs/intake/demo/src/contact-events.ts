import type { ClientAtContact, ContactEvent } from '@kapocs/intake/contracts';
import type { DistrictCode, SettlementCode } from '@kapocs/shared/kernel';
import { clientAtContact } from './client-events.js';
import type { PlannedContact } from './contact-plan.js';
import type { PlannedClient } from './site-plan.js';

/** A planned forgalmi napló entry as the event the contact decider would have produced. */
export function contactEvent(
  c: PlannedContact,
  district: DistrictCode,
  site: SettlementCode,
  year: number,
  clients: ReadonlyMap<string, PlannedClient>,
  /** A cache of each client's `ClientAtContact`: it is the same for all of a client's entries. */
  subjects: Map<string, ClientAtContact> = new Map(),
): ContactEvent {
  if (c.kind === 'group') {
    return {
      type: 'intake.GroupSessionLogged',
      schemaVersion: 1,
      data: {
        date: c.date,
        dutyWorkerId: c.dutyWorkerId,
        groupType: c.groupType,
        participantCount: c.participantCount,
        ...(c.newParticipantCount !== undefined ? { newParticipantCount: c.newParticipantCount } : {}),
        contactId: c.contactId,
        district,
        site,
        year,
      },
      ...(c.description ? { personal: { [c.contactId]: { description: c.description } } } : {}),
    };
  }
  const client = c.clientId === undefined ? undefined : clients.get(c.clientId);
  if (c.kind === 'client' && !client) throw new Error(`contact ${c.contactId} names an unplanned client`);
  const subjectId = client ? client.clientId : c.contactId;
  let subject: ClientAtContact | undefined;
  if (client) {
    subject = subjects.get(client.clientId) ?? clientAtContact(client);
    subjects.set(client.clientId, subject);
  }
  return {
    type: 'intake.ContactLogged',
    schemaVersion: 1,
    data: {
      date: c.date,
      dutyWorkerId: c.dutyWorkerId,
      ...(c.caseWorkerId ? { caseWorkerId: c.caseWorkerId } : {}),
      newInYear: client ? client.registerYear === year : true,
      mode: c.mode,
      ...(c.referrer ? { referrer: c.referrer } : {}),
      problemTypes: c.problemTypes,
      crisis: c.crisis,
      caseHandling: c.caseHandling,
      benefits: c.benefits,
      contactId: c.contactId,
      district,
      site,
      year,
      subject: subject ?? { kind: 'anonymous' },
      newInYearSource: 'derived',
    },
    ...(c.description ? { personal: { [subjectId]: { description: c.description } } } : {}),
  };
}
