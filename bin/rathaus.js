#!/usr/bin/env node
// `npx rathaus …`: the CLI of src/cli/index.ts, as plain JavaScript (see compiled.js for why).
import { compiledUrl } from './compiled.js';

await import(await compiledUrl('src/cli/index.ts'));
