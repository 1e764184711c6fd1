// Run before every test file (vitest's setupFiles): a worker runs many files in one module graph
// (isolate: false), so what a file leaves is tidied here, not by a hook its helpers register once.
import { afterAll } from 'vitest';
import { removeTempDirs } from './temp-dir.js';

afterAll(removeTempDirs);
