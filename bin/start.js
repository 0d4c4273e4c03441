#!/usr/bin/env node
// `npm start`: the embedded run of src/main.ts, as plain JavaScript (see compiled.js for why).
import { compiledUrl } from './compiled.js';

await import(await compiledUrl('src/main.ts'));
