export * from './frameworks';
export * from './kpi';
export * from './quota';
export * from './rule-sets';
export * from './scoring';
export * from './types';
export * from './workflow';
