import { eventContext, eventName } from './events.js';
import { isDistrictCode, isSettlementCode } from './ksh.js';

describe('event type names', () => {
  it('splits the context from the event name', () => {
    expect(eventContext('casework.CaseOpened')).toBe('casework');
    expect(eventName('casework.CaseOpened')).toBe('CaseOpened');
  });
});

describe('KSH codes', () => {
  it('accepts a 3-digit district and a 5-digit settlement only', () => {
    expect(isDistrictCode('121')).toBe(true);
    expect(isDistrictCode('12')).toBe(false);
    expect(isSettlementCode('03179')).toBe(true);
    expect(isSettlementCode('3179')).toBe(false);
  });
});
