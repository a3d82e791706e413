/**
 * Small built-in name lists for fictitious clients. Real-looking Hungarian names, but every generated person is
 * marked as demo data: the mother's name is always "Minta …" (minta = sample), addresses are on "Minta utca",
 * TAJ numbers begin with 9, e-mails end in `.invalid` (docs/generator.md).
 */
export const FAMILY_NAMES = [
  'Nagy', 'Kovács', 'Tóth', 'Szabó', 'Horváth', 'Varga', 'Kiss', 'Molnár', 'Németh', 'Farkas',
  'Balogh', 'Papp', 'Takács', 'Juhász', 'Lakatos', 'Mészáros', 'Oláh', 'Simon', 'Rácz', 'Fekete',
  'Szilágyi', 'Török', 'Fehér', 'Balázs', 'Gál', 'Kis', 'Szűcs', 'Kocsis', 'Orsós', 'Pintér',
  'Fodor', 'Szalai', 'Sipos', 'Magyar', 'Lukács', 'Gulyás', 'Biró', 'Király', 'Bogdán', 'Katona',
] as const;

export const MALE_GIVEN_NAMES = [
  'László', 'István', 'József', 'János', 'Zoltán', 'Sándor', 'Gábor', 'Ferenc', 'Attila', 'Péter',
  'Tamás', 'Zsolt', 'Tibor', 'András', 'Csaba', 'Imre', 'Lajos', 'György', 'Balázs', 'Róbert',
  'Bence', 'Máté', 'Levente', 'Dominik', 'Ádám', 'Dániel', 'Olivér', 'Márk', 'Noel', 'Milán',
] as const;

export const FEMALE_GIVEN_NAMES = [
  'Mária', 'Erzsébet', 'Katalin', 'Éva', 'Ilona', 'Anna', 'Zsuzsanna', 'Margit', 'Judit', 'Ágnes',
  'Andrea', 'Erika', 'Krisztina', 'Mónika', 'Edit', 'Gabriella', 'Szilvia', 'Anita', 'Tímea', 'Eszter',
  'Hanna', 'Anna', 'Zoé', 'Léna', 'Luca', 'Emma', 'Boglárka', 'Lili', 'Jázmin', 'Nóra',
] as const;

/** The family name every demo mother carries, so a worker recognises demo data at a glance. */
export const DEMO_MARKER = 'Minta';
export const DEMO_STREET = 'Minta utca';
export const DEMO_EMAIL_DOMAIN = 'pelda.invalid';

const STRIP = /[\u0300-\u036f]/g;
/** `Szűcs Éva` → `szucs.eva`: for fictitious e-mail addresses. */
export const asciiHandle = (...parts: readonly string[]): string =>
  parts
    .map((p) => p.normalize('NFD').replace(STRIP, '').toLowerCase().replace(/[^a-z]/g, ''))
    .join('.');

/** Short free-text descriptions per problem type; marked as demo text too. */
export const DESCRIPTIONS: Readonly<Record<string, readonly string[]>> = {
  '1': ['Életvezetési tanácsot kért (mintaadat).', 'Napirend kialakításában kért segítséget (mintaadat).'],
  '2': ['Párkapcsolati konfliktus miatt keresett meg (mintaadat).', 'Rokoni kapcsolattartás rendezése (mintaadat).'],
  '2.1': ['Bántalmazás gyanúja, biztonsági terv készült (mintaadat).'],
  '3': ['Lelki nehézségekről beszélgettünk (mintaadat).', 'Gyász feldolgozásában kért támogatást (mintaadat).'],
  '4': ['Iskolai hiányzások miatt konzultáltunk (mintaadat).', 'Nevelési kérdésekben kért tanácsot (mintaadat).'],
  '5': ['Közüzemi hátralék rendezésében segítettünk (mintaadat).', 'Rendszeres pénzbeli ellátásról érdeklődött (mintaadat).'],
  '6': ['Álláskeresésben kért segítséget (mintaadat).', 'Önéletrajz készítése (mintaadat).'],
  '7': ['Rehabilitációs ellátásról érdeklődött (mintaadat).'],
  '8': ['Kérelem kitöltésében segítettünk (mintaadat).', 'Hivatalos levél értelmezése (mintaadat).'],
  '9': ['Szolgáltatásokról kért tájékoztatást (mintaadat).'],
  '10': ['Egyéb ügyben keresett meg (mintaadat).'],
};
