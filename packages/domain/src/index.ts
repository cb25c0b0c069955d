export * from './access/roles';
export * from './auth/password-policy';
export * from './contracts/admin';
export * from './contracts/auth';
export * from './contracts/common';
export * from './contracts/units';
export * from './contracts/users';
