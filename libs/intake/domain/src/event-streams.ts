import {
  type AnyIntakeEvent,
  clientStreamId,
  contactStreamId,
  registerStreamId,
} from '@kapocs/intake/contracts';

/** The stream an intake event belongs to, so that one decision can span streams (registration, merge). */
export function streamIdOf(event: AnyIntakeEvent): string {
  switch (event.type) {
    case 'intake.RegisterNumberAssigned':
      return registerStreamId(event.data.site, event.data.year);
    case 'intake.ClientsMerged':
      return clientStreamId(event.data.survivorId);
    case 'intake.ContactLogged':
    case 'intake.GroupSessionLogged':
    case 'intake.ContactCorrected':
    case 'intake.ContactVoided':
      return contactStreamId(event.data.contactId);
    default:
      return clientStreamId(event.data.clientId);
  }
}
