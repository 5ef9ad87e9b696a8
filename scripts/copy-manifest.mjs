// The built plugin is dist/ + plugin.json: a shell loads it through the manifest.
import { copyFileSync } from 'node:fs';

copyFileSync('plugin.json', 'dist/plugin.json');
