export * from './rules';
export * from './tally';
