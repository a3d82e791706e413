import {
  type ClientAtContact,
  type ClientEvent,
  type RegisterEvent,
} from '@kapocs/intake/contracts';
import { splitClientDetails } from '@kapocs/intake/domain';
import type { DistrictCode, SettlementCode } from '@kapocs/shared/kernel';
import type { PlannedClient } from './site-plan.js';

/**
 * The events registration and the declarations would have produced for a planned client, shaped exactly like the
 * intake deciders' output (a unit test re-decides them): the client's stream, and its register-counter event.
 */
export function clientEvents(
  client: PlannedClient,
  district: DistrictCode,
  site: SettlementCode,
): { stream: ClientEvent[]; register: RegisterEvent } {
  const { clientId, registeredOn, registerYear, registerNumber, individualId } = client;
  const { personal, coded } = splitClientDetails(client.details);
  const stream: ClientEvent[] = [
    {
      type: 'intake.ClientRegistered',
      schemaVersion: 1,
      data: {
        ...coded,
        clientId,
        district,
        site,
        registeredOn,
        registerYear,
        registerNumber,
        individualId,
        acknowledgedDuplicates: [],
      },
      personal: { [clientId]: personal },
    },
  ];
  if (client.consent) {
    stream.push({
      type: 'intake.DataProcessingConsentRecorded',
      schemaVersion: 1,
      data: {
        clientId,
        declaredOn: registeredOn,
        form: client.consent.form,
        purposes: { register: true, disclosureOnRequest: true, specialData: !client.consent.refusesSpecialData },
        recordedBy: client.registeredBy,
      },
    });
  }
  if (client.otherServices) {
    stream.push({
      type: 'intake.OtherBasicServicesDeclared',
      schemaVersion: 1,
      data: {
        clientId,
        declaredOn: registeredOn,
        usesOtherServices: true,
        services: client.otherServices.map((p) => p.service),
        recordedBy: client.registeredBy,
      },
      personal: { [clientId]: { providers: client.otherServices } },
    });
  }
  if (client.serviceStartedOn) {
    const startedOn = client.serviceStartedOn;
    stream.push({ type: 'intake.ServiceStarted', schemaVersion: 1, data: { clientId, site, startedOn } });
    if (client.serviceEndedOn) {
      stream.push({
        type: 'intake.ServiceEnded',
        schemaVersion: 1,
        data: { clientId, site, startedOn, endedOn: client.serviceEndedOn },
      });
    }
  }
  const register: RegisterEvent = {
    type: 'intake.RegisterNumberAssigned',
    schemaVersion: 1,
    data: { site, year: registerYear, registerNumber, individualId, clientId },
  };
  return { stream, register };
}

/** The client's coded data as a forgalmi napló entry copies it (none of it changes in generated data). */
export function clientAtContact(client: PlannedClient): ClientAtContact {
  const { birthYear, sex, economicActivity, familyStatus, education } = splitClientDetails(client.details).coded;
  return {
    kind: 'client',
    clientId: client.clientId,
    individualId: client.individualId,
    birthYear,
    sex,
    ...(economicActivity ? { economicActivity } : {}),
    ...(familyStatus ? { familyStatus } : {}),
    ...(education ? { education } : {}),
  };
}
