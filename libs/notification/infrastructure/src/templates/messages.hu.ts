import type { FeedbackStatus, MatchAlert } from '@kapocs/signals/contracts';

/** The texts of notifications; Hungarian is the language of the service (English in messages.en.ts as fallback). */
export interface Messages {
  readonly status: Readonly<Record<FeedbackStatus, string>>;
  readonly statusText: Readonly<Record<FeedbackStatus, string>>;
  readonly statusTitle: (reference: string, status: string) => string;
  readonly assignedTitle: (reference: string) => string;
  readonly assignedText: string;
  readonly matchTitle: (reference: string) => string;
  readonly matchText: Readonly<Record<MatchAlert['kind'], string>>;
  readonly escalatedTitle: (reference: string) => string;
  readonly escalatedText: string;
  readonly mail: {
    readonly greeting: string;
    readonly intro: (reference: string, status: string) => string;
    readonly portal: string;
    readonly automatic: string;
    readonly signature: string;
  };
  readonly deadLetterReason: Readonly<Record<'dead' | 'not_configured' | 'no_address', string>>;
}

export const hu: Messages = {
  status: { received: 'beérkezett', being_handled: 'feldolgozás alatt', measures_taken: 'intézkedés történt', closed: 'lezárva' },
  statusText: {
    received: 'Jelzését megkaptuk, és továbbítottuk az illetékes szolgálatnak.',
    being_handled: 'Jelzésével munkatársunk foglalkozik.',
    measures_taken: 'Jelzése alapján intézkedés történt.',
    closed: 'Jelzésének kezelése lezárult. Köszönjük, hogy jelezte.',
  },
  statusTitle: (reference, status) => `Jelzés ${reference}: ${status}`,
  assignedTitle: (reference) => `Önre osztott jelzés: ${reference}`,
  assignedText: 'Egy jelzést Önre osztottak; kérjük, nézze meg a jelzések között.',
  matchTitle: (reference) => `Egyezésjelzés: ${reference}`,
  matchText: {
    signalled_before: 'A jelzés érintettjéről korábban már érkezett jelzés.',
    open_case: 'A jelzés érintettjének nyitott esete van.',
    identity_client: 'A jelzés érintettje valószínűleg már szerepel a nyilvántartásban.',
    identity_signal: 'A jelzés érintettjéről valószínűleg már érkezett másik jelzés.',
  },
  escalatedTitle: (reference) => `Határidőn túli jelzés: ${reference}`,
  escalatedText: 'A jelzés kezelési határideje lejárt.',
  mail: {
    greeting: 'Tisztelt Partnerünk!',
    intro: (reference, status) => `A(z) ${reference} hivatkozási számú jelzésük állapota: ${status}.`,
    portal: 'A jelzés állapotát a jelzőrendszeri portálon követheti:',
    automatic: 'Ez egy automatikus értesítés, kérjük, ne válaszoljon rá.',
    signature: 'Kapocs – család- és gyermekjóléti jelzőrendszer',
  },
  deadLetterReason: {
    dead: 'a kézbesítés többszöri próbálkozás után sem sikerült',
    not_configured: 'nincs SMTP beállítva',
    no_address: 'nincs e-mail cím megadva a tagszervezetnél',
  },
};
