export { Prng, Weighted, deriveSeed } from './prng.js';
export { type CodeTables, codeTablesFor } from './code-tables.js';
export { DEMO_MARKER, DEMO_STREET, DEMO_EMAIL_DOMAIN } from './names.js';
export { demoTaj } from './people.js';
export { type DemoWorkers, demoWorkers } from './workers.js';
export {
  type PlannedClient,
  type SitePlan,
  type SiteSpec,
  CONTACTS_PER_INHABITANT,
  CONTACTS_PER_CLIENT,
  contactsForPopulation,
  planSite,
} from './site-plan.js';
export { type PlannedContact, type PlannedIndividual, type PlannedGroup } from './contact-plan.js';
export { clientEvents, clientAtContact } from './client-events.js';
export { contactEvent } from './contact-events.js';
export { type Batch, type SiteBatches, siteBatches } from './site-batches.js';
export { type SeedOptions, type SeedProgress, type SeedResult, seed, siteSpecs } from './seed.js';
export {
  type DemoLogin,
  DEMO_DISTRICT,
  DEMO_SITE,
  DEMO_SEED,
  DEMO_YEAR,
  DEMO_LOGINS,
  seedDemoDistrict,
} from './demo-district.js';
