import type { ContactLogger } from '@kapocs/casework/application';
import { type ContactCommandReply, INTAKE_ERRORS, INTAKE_SUBJECTS, type LogContactPayload } from '@kapocs/intake/contracts';
import { requestReply, type RpcClient } from '@kapocs/platform/runtime';
import { type CaseTarget } from '@kapocs/casework/contracts';
import { DomainError, type RpcRequest } from '@kapocs/shared/kernel';

/**
 * The forgalmi napló entry of a measure through intake's own command (`intake.cmd.log-contact`), as the acting worker
 * and under the same correlation id: intake checks scope, codes and the register again and numbers the entry. An
 * entry that already exists under the derived id is the earlier attempt of the same measure: success, not an error.
 */
export function intakeContactLogger(client: RpcClient, request: RpcRequest<CaseTarget>): ContactLogger {
  return async (entry) => {
    const payload: LogContactPayload = {
      district: request.payload.district,
      settlement: entry.site,
      contactId: entry.contactId,
      date: entry.date,
      dutyWorkerId: request.actor.userId,
      caseWorkerId: entry.caseWorkerId,
      subject: { kind: 'client', clientId: entry.clientId },
      mode: entry.mode,
      problemTypes: entry.problemTypes,
      ...(entry.crisis !== undefined ? { crisis: entry.crisis } : {}),
      caseHandling: [entry.caseHandling],
    };
    const forwarded: RpcRequest<LogContactPayload> = {
      actor: request.actor,
      correlationId: request.correlationId,
      ...(request.trace ? { trace: request.trace } : {}),
      payload,
    };
    const reply = await requestReply<ContactCommandReply>(client, INTAKE_SUBJECTS.logContact, forwarded);
    if (reply.ok || reply.error.code === INTAKE_ERRORS.CONTACT_ALREADY_LOGGED) return;
    const details = reply.error.details;
    throw new DomainError(reply.error.code, typeof details === 'object' && details !== null && !Array.isArray(details) ? (details as Record<string, unknown>) : {});
  };
}
