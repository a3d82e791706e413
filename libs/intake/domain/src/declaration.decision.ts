import {
  type ClientEvent,
  type ConsentForm,
  INTAKE_ERRORS,
  type OtherBasicServiceProvider,
  type RecordDeclaration,
} from '@kapocs/intake/contracts';
import { requireActiveClient } from './client-guards.js';
import type { ClientState } from './client.state.js';
import { localDateOf } from './dates.js';
import { IntakeError } from './intake-error.js';
import type { IntakeRules } from './intake-rules.js';
import { requireBoolean, requireCode, requirePastDate, requireText } from './validation.js';

export type RecordDeclarationDecision = RecordDeclaration;

const FORMS: readonly ConsentForm[] = ['written', 'oral', 'implied'];

const invalid = (field: string, reason: string): IntakeError =>
  new IntakeError(INTAKE_ERRORS.INVALID_FIELD, { field, reason }, `${field} is invalid: ${reason}`);

/** Nyilatkozatok: the data-processing declaration (Avtv., Szt.) and the 9/1999. SzCsM r. 18. § declaration. */
export function decideDeclaration(
  { data, meta }: RecordDeclarationDecision,
  state: ClientState,
  rules: IntakeRules,
): ClientEvent[] {
  const client = requireActiveClient(state, data.clientId, meta);
  const declaredOn = requirePastDate('declaredOn', data.declaredOn, localDateOf(meta.now));
  const recordedBy = meta.actor.userId;
  const declaration = data.declaration;
  if (declaration?.kind === 'data_processing') {
    if (!FORMS.includes(declaration.form)) throw invalid('declaration.form', 'unknown_form');
    const p = declaration.purposes ?? {};
    const purposes = {
      register: requireBoolean('declaration.purposes.register', p.register),
      disclosureOnRequest: requireBoolean('declaration.purposes.disclosureOnRequest', p.disclosureOnRequest),
      specialData: requireBoolean('declaration.purposes.specialData', p.specialData),
    };
    return [
      {
        type: 'intake.DataProcessingConsentRecorded',
        schemaVersion: 1,
        data: { clientId: client.clientId, declaredOn, form: declaration.form, purposes, recordedBy },
      },
    ];
  }
  if (declaration?.kind === 'other_basic_services') {
    const usesOtherServices = requireBoolean('declaration.usesOtherServices', declaration.usesOtherServices);
    const given = Array.isArray(declaration.providers) ? declaration.providers : [];
    if (usesOtherServices === (given.length === 0)) {
      throw invalid('declaration.providers', usesOtherServices ? 'providers_required' : 'providers_without_use');
    }
    const providers: OtherBasicServiceProvider[] = given.map((p, i) => {
      const field = `declaration.providers[${i}]`;
      const address = p.providerAddress ? requireText(`${field}.providerAddress`, p.providerAddress, 300) : undefined;
      return {
        service: requireCode(rules, `${field}.service`, 'basicService', p.service, declaredOn),
        providerName: requireText(`${field}.providerName`, p.providerName, 200),
        ...(address ? { providerAddress: address } : {}),
      };
    });
    return [
      {
        type: 'intake.OtherBasicServicesDeclared',
        schemaVersion: 1,
        data: {
          clientId: client.clientId,
          declaredOn,
          usesOtherServices,
          services: providers.map((p) => p.service),
          recordedBy,
        },
        ...(providers.length > 0 ? { personal: { [client.clientId]: { providers } } } : {}),
      },
    ];
  }
  throw invalid('declaration.kind', 'unknown_kind');
}
