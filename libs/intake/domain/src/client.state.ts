import type {
  ClientCodedData,
  ClientEvent,
  RegisterEvent,
  ClientPersonalDetails,
  DataProcessingConsentRecordedData,
  OtherBasicServicesDeclaredData,
} from '@kapocs/intake/contracts';
import type { DistrictCode, SettlementCode } from '@kapocs/shared/kernel';
import { applyChanges } from './client-details.rules.js';

/** Szt. 20. § b): whether the client is using the service now, and the dates that bound a new episode. */
export interface ServiceStatus {
  readonly active: boolean;
  readonly startedOn?: string;
  readonly lastEndedOn?: string;
}

/** A client of the Szt. 20. § register (nyilvántartott igénybe vevő), as far as commands need to know. */
export interface RegisteredClient {
  readonly status: 'registered' | 'merged';
  readonly clientId: string;
  readonly district: DistrictCode;
  readonly site: SettlementCode;
  readonly registeredOn: string;
  readonly registerYear: number;
  readonly registerNumber: number;
  readonly individualId: string;
  readonly coded: ClientCodedData;
  /** Undefined once the client's key is shredded. */
  readonly personal?: ClientPersonalDetails;
  /** The latest data-processing declaration; none on file means the client is flagged. */
  readonly consent?: DataProcessingConsentRecordedData;
  readonly otherServices?: OtherBasicServicesDeclaredData;
  readonly service: ServiceStatus;
  readonly corrections: number;
  readonly absorbed: readonly string[];
  readonly survivorId?: string;
  /** Erased (Szt. 23. §): the personal data is shredded and no command may act on the client any more. */
  readonly erased?: boolean;
}

export type ClientState = { readonly status: 'unregistered' } | RegisteredClient;

export const initialClientState = (): ClientState => ({ status: 'unregistered' });

/** The register's flag: no data-processing declaration on file, or one that refuses keeping the register. */
export const lacksConsent = (client: RegisteredClient): boolean => client.consent?.purposes.register !== true;

/** Evolves a client stream; a `RegisterNumberAssigned` the decider emits for the counter stream leaves it unchanged. */
export function evolveClient(state: ClientState, event: ClientEvent | RegisterEvent): ClientState {
  if (event.type === 'intake.ClientRegistered') {
    const { acknowledgedDuplicates: _, clientId, district, site, ...rest } = event.data;
    const { registeredOn, registerYear, registerNumber, individualId, ...coded } = rest;
    const personal = event.personal?.[clientId];
    return {
      status: 'registered',
      clientId,
      district,
      site,
      registeredOn,
      registerYear,
      registerNumber,
      individualId,
      coded,
      ...(personal ? { personal } : {}),
      service: { active: false },
      corrections: 0,
      absorbed: [],
    };
  }
  if (state.status === 'unregistered') return state;
  switch (event.type) {
    case 'intake.ClientDetailsCorrected': {
      const personalChange = event.personal?.[state.clientId];
      return {
        ...state,
        coded: applyChanges(state.coded, event.data.after),
        ...(state.personal && personalChange ? { personal: applyChanges(state.personal, personalChange.after) } : {}),
        corrections: state.corrections + 1,
      };
    }
    case 'intake.DataProcessingConsentRecorded':
      return { ...state, consent: event.data };
    case 'intake.OtherBasicServicesDeclared':
      return { ...state, otherServices: event.data };
    case 'intake.ServiceStarted':
      return { ...state, service: { ...state.service, active: true, startedOn: event.data.startedOn } };
    case 'intake.ServiceEnded':
      return { ...state, service: { active: false, startedOn: event.data.startedOn, lastEndedOn: event.data.endedOn } };
    case 'intake.ClientsMerged':
      return { ...state, absorbed: [...state.absorbed, event.data.mergedClientId] };
    case 'intake.ClientMergedInto':
      return { ...state, status: 'merged', survivorId: event.data.survivorId };
    case 'intake.ClientErased': {
      const { personal: _, ...rest } = state;
      return { ...rest, erased: true };
    }
    default:
      return state;
  }
}
