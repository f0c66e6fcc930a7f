// The whole database schema: every feature's tables, gathered for drizzle and drizzle-kit.
export * from '../features/auth/schema';
export * from '../features/organisations/schema';
export * from '../features/audit/schema';
export * from '../features/cases/schema';
export * from '../features/timeline/schema';
export * from '../features/instruments/schema';
export * from '../features/dossier/schema';
export * from '../features/meetings/schema';
export * from '../features/analysis/schema';
export * from '../features/coding/schema';
export * from '../features/actions/schema';
export * from '../features/monitoring/schema';
export * from '../features/synthesis/schema';
export * from '../features/recommendations/schema';
export * from '../features/thematic-report/schema';
