// Worker threads do not inherit tsx's TypeScript hooks: register them, then load the TypeScript body.
import { register } from 'tsx/esm/api';

register();
await import('./worker.ts');
