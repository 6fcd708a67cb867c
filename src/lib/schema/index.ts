export * from './types';
export * from './vocab';
export * from './tables';
export * from './ddl';
export * from './describe';
