import {
  clientStreamId,
  type RegisterClient,
  type RegisterNumberAssigned,
  registerStreamId,
} from '@kapocs/intake/contracts';
import {
  type ClientState,
  createClientDecider,
  emptyRegister,
  evolveRegister,
  normaliseTaj,
  registrationYear,
  type RegisterCounterState,
} from '@kapocs/intake/domain';
import { type EventStore, WrongExpectedVersionError } from '@kapocs/platform/event-store';
import type { SettlementCode } from '@kapocs/shared/kernel';
import { appendRequests, exactly, loadStream, toDomainEvent } from './event-mapping.js';
import { type CommandResult, type IntakeDeps, newIdOf, rulesOf } from './intake-deps.js';
import { requireKnownSettlements, requireSiteInDistrict } from './settlement-checks.js';

export interface RegisterClientResult extends CommandResult {
  readonly clientId: string;
  readonly registerNumber: number;
  readonly individualId: string;
}

/** The counter needs only its last event: the last number taken and the stream version to expect. */
async function loadRegister(store: EventStore, site: SettlementCode, year: number) {
  const streamId = registerStreamId(site, year);
  let state: RegisterCounterState = emptyRegister(site, year);
  let version = -1n;
  for await (const recorded of store.readStream(streamId, { direction: 'backwards', maxCount: 1 })) {
    state = evolveRegister(state, toDomainEvent(recorded));
    version = recorded.streamVersion;
  }
  return { streamId, state, version };
}

/**
 * Nyilvántartásba vétel. The client stream (`no_stream`) and the site-year counter (exact version) are appended in
 * one transaction; when another registration took the number first, the counter's version conflict sends us round
 * again with the next number, so numbers stay gap-free and unique (ADR-0006).
 */
export async function registerClient(deps: IntakeDeps, command: RegisterClient): Promise<RegisterClientResult> {
  const { data, meta } = command;
  const decider = createClientDecider(rulesOf(deps));
  await requireSiteInDistrict(deps.settlements, data.site, meta.district);
  await requireKnownSettlements(deps.settlements, {
    residenceSettlement: data.details?.residenceSettlement,
    staySettlement: data.details?.staySettlement,
  });
  const d = data.details;
  const taj = typeof d?.taj === 'string' ? normaliseTaj(d.taj) : undefined;
  const candidates = d
    ? await deps.identities.candidates(meta.district, {
        name: d.name,
        birthDate: d.birthDate,
        mothersName: d.mothersName,
        ...(taj ? { taj } : {}),
      })
    : [];
  const year = registrationYear(meta);
  const clientStream = clientStreamId(data.clientId);
  const attempts = deps.maxRegisterAttempts ?? 25;
  for (let attempt = 1; ; attempt++) {
    const client = await loadStream<ClientState, never>(deps.store, clientStream, decider.initialState(), decider.evolve);
    const register = await loadRegister(deps.store, data.site, year);
    const events = decider.decide({ ...command, context: { register: register.state, candidates } }, client.state);
    const requests = appendRequests(
      events,
      (streamId) => (streamId === register.streamId ? exactly(register.version) : 'no_stream'),
      meta,
      newIdOf(deps),
      data.site,
    );
    try {
      const results = await deps.store.appendMany(requests);
      const mine = results.find((r) => r.streamId === clientStream);
      const assigned = events.find((e): e is RegisterNumberAssigned => e.type === 'intake.RegisterNumberAssigned');
      return {
        clientId: data.clientId,
        streamId: clientStream,
        version: String(mine?.nextExpectedVersion ?? 0n),
        checkpoint: results.at(-1)?.checkpoint ?? '',
        registerNumber: assigned?.data.registerNumber ?? 0,
        individualId: assigned?.data.individualId ?? '',
      };
    } catch (error) {
      // Only the counter is worth another round; a client-stream conflict means the id is taken (decided next round).
      const retry = error instanceof WrongExpectedVersionError && (error.streamId === register.streamId || error.streamId === clientStream);
      if (!retry || attempt >= attempts) throw error;
    }
  }
}
