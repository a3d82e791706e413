import type { ClientEvent, ContactEvent, RegisterEvent } from '@kapocs/intake/contracts';
import {
  type ClientDecision,
  type ClientState,
  clientDecider,
  contactDecider,
  emptyRegister,
  evolveClient,
  evolveRegister,
  initialClientState,
  initialContactState,
  lacksConsent,
} from '@kapocs/intake/domain';
import { loadGazetteer } from '@kapocs/shared/gazetteer';
import type { CommandMeta } from '@kapocs/shared/kernel';
import { instantOn } from './calendar.js';
import { clientEvents } from './client-events.js';
import { contactEvent } from './contact-events.js';
import { siteSpecs } from './seed.js';
import { type PlannedClient, planSite } from './site-plan.js';

const plans = siteSpecs(loadGazetteer(), ['121'], 42, 2025).map(planSite);

const metaOn = (date: string, userId: string, plan: (typeof plans)[number]): CommandMeta => ({
  now: instantOn(date),
  actor: { userId, role: 'settlement_worker' },
  district: plan.district,
  settlement: plan.site.code,
  correlationId: 'c',
});

/** Re-decides a planned client with the real client decider, command by command, as a worker would have entered it. */
function redecide(plan: (typeof plans)[number], client: PlannedClient): { events: (ClientEvent | RegisterEvent)[]; state: ClientState } {
  const events: (ClientEvent | RegisterEvent)[] = [];
  let state = initialClientState();
  const run = (command: ClientDecision): void => {
    for (const e of clientDecider.decide(command, state)) {
      events.push(e);
      state = evolveClient(state, e);
    }
  };
  const register = { ...emptyRegister(plan.site.code, client.registerYear), lastNumber: client.registerNumber - 1 };
  const m = metaOn(client.registeredOn, client.registeredBy, plan);
  run({
    type: 'RegisterClient',
    data: { clientId: client.clientId, site: plan.site.code, details: client.details },
    meta: m,
    context: { register, candidates: [] },
  });
  if (client.consent) {
    const purposes = { register: true, disclosureOnRequest: true, specialData: !client.consent.refusesSpecialData };
    const declaration = { kind: 'data_processing' as const, form: client.consent.form, purposes };
    run({ type: 'RecordDeclaration', data: { clientId: client.clientId, declaredOn: client.registeredOn, declaration }, meta: m });
  }
  if (client.otherServices) {
    const declaration = { kind: 'other_basic_services' as const, usesOtherServices: true, providers: client.otherServices };
    run({ type: 'RecordDeclaration', data: { clientId: client.clientId, declaredOn: client.registeredOn, declaration }, meta: m });
  }
  if (client.serviceStartedOn) {
    const startedOn = client.serviceStartedOn;
    run({ type: 'StartService', data: { clientId: client.clientId, startedOn }, meta: metaOn(startedOn, 'x', plan) });
  }
  if (client.serviceEndedOn) {
    const endedOn = client.serviceEndedOn;
    run({ type: 'EndService', data: { clientId: client.clientId, endedOn }, meta: metaOn(endedOn, 'x', plan) });
  }
  return { events, state };
}

const strip = (events: readonly (ClientEvent | RegisterEvent | ContactEvent)[]): unknown[] =>
  events.map(({ type, schemaVersion, data, personal }) => ({ type, schemaVersion, data, personal }));

describe('generated events against the intake deciders', () => {
  it('are exactly what the client decider decides for the same registrations and declarations', () => {
    let checked = 0;
    for (const plan of plans) {
      for (const client of plan.clients) {
        const { stream, register } = clientEvents(client, plan.district, plan.site.code);
        const decided = redecide(plan, client).events;
        const [registered, counter, ...rest] = decided;
        expect(strip([registered as ClientEvent, ...rest])).toEqual(strip(stream));
        expect(strip([counter as RegisterEvent])).toEqual(strip([register]));
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(1000);
  });

  it('replay through evolve into registered clients, and keep each register gap-free', () => {
    for (const plan of plans) {
      const counters = new Map<number, ReturnType<typeof emptyRegister>>();
      for (const client of plan.clients) {
        const { stream, register } = clientEvents(client, plan.district, plan.site.code);
        const state = stream.reduce(evolveClient, initialClientState());
        expect(state).toMatchObject({ status: 'registered', clientId: client.clientId, individualId: client.individualId });
        if (state.status === 'unregistered') throw new Error('not registered');
        expect(lacksConsent(state)).toBe(client.consent === undefined);
        const year = client.registerYear;
        const before = counters.get(year) ?? emptyRegister(plan.site.code, year);
        expect(register.data.registerNumber).toBe(before.lastNumber + 1);
        counters.set(year, evolveRegister(before, register));
      }
    }
  });

  it('log contacts exactly as the contact decider decides them', () => {
    let checked = 0;
    for (const plan of plans) {
      const byId = new Map(plan.clients.map((c) => [c.clientId, c]));
      const states = new Map(plan.clients.map((c) => [c.clientId, redecide(plan, c).state]));
      for (const c of plan.contacts) {
        const m = metaOn(c.date, c.dutyWorkerId, plan);
        const generated = contactEvent(c, plan.district, plan.site.code, plan.year, byId);
        const { contactId, date, dutyWorkerId, description } = c;
        const common = { contactId, site: plan.site.code, date, dutyWorkerId, ...(description ? { description } : {}) };
        const decided =
          c.kind === 'group'
            ? contactDecider.decide(
                {
                  type: 'LogGroupSession',
                  data: { ...common, groupType: c.groupType, participantCount: c.participantCount, ...(c.newParticipantCount !== undefined ? { newParticipantCount: c.newParticipantCount } : {}) },
                  meta: m,
                },
                initialContactState(),
              )
            : contactDecider.decide(
                {
                  type: 'LogContact',
                  data: {
                    ...common,
                    ...(c.caseWorkerId ? { caseWorkerId: c.caseWorkerId } : {}),
                    subject: c.clientId ? { kind: 'client', clientId: c.clientId } : { kind: 'anonymous' },
                    mode: c.mode,
                    ...(c.referrer ? { referrer: c.referrer } : {}),
                    problemTypes: c.problemTypes,
                    crisis: c.crisis,
                    caseHandling: c.caseHandling,
                    benefits: c.benefits,
                  },
                  meta: m,
                  context: c.clientId ? { client: states.get(c.clientId) as ClientState } : {},
                },
                initialContactState(),
              );
        expect(strip(decided)).toEqual(strip([generated]));
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(5000);
  });
});
