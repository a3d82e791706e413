import { advance, assigned, type SignalFacts, statusChanged } from './notify-rules.js';
import { recipientsOf } from './recipients.js';

const signal = (over: Partial<SignalFacts> = {}): SignalFacts => ({ signalId: 's1', district: '131', reference: 'J-1', organisationId: 'org-1', status: 'received', assignedTo: null, ...over });

describe('who hears of what', () => {
  it('tells the signaller organisation of a status change, by e-mail too, with reference and status only', () => {
    expect(statusChanged(signal({ status: 'being_handled' }), 'received')).toEqual([
      { kind: 'signal_status', recipient: 'org:org-1', signalId: 's1', district: '131', params: { reference: 'J-1', status: 'being_handled' }, email: true },
    ]);
  });

  it('stays silent when the status did not change or no member organisation sent the signal', () => {
    expect(statusChanged(signal({ status: 'measures_taken' }), 'measures_taken')).toEqual([]);
    expect(statusChanged(signal({ organisationId: null }), undefined)).toEqual([]);
  });

  it('moves the status the signaller sees only forward', () => {
    expect(advance('measures_taken', 'being_handled')).toBe('measures_taken');
    expect(advance('being_handled', 'closed')).toBe('closed');
  });

  it('tells staff in-app only', () => {
    expect(assigned(signal(), 'w1')).toEqual([expect.objectContaining({ kind: 'signal_assigned', recipient: 'user:w1', email: false })]);
  });

  it('reads a member its organisation’s inbox and a head the heads’ of its district', () => {
    expect(recipientsOf({ userId: 'u', role: 'signal_member', district: '131' as never, settlements: [], organisation: 'org-1' })).toEqual(['user:u', 'org:org-1']);
    expect(recipientsOf({ userId: 'h', role: 'head', district: '131' as never, settlements: [] })).toEqual(['user:h', 'role:head:131']);
    expect(recipientsOf({ userId: 'o', role: 'operator', district: '131' as never, settlements: [] })).toEqual(['user:o']);
  });
});
