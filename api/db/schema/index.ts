/**
 * @module db/schema
 * The whole Drizzle schema, one file per concept; drizzle-kit reads this to generate migrations.
 */
export * from './organisations.js';
export * from './practice.js';
export * from './embed.js';
export * from './programmes.js';
export * from './lti.js';
export * from './partnerships.js';
export * from './scenarios.js';
export * from './limits.js';
