// bench-code-lang's anchor as one long-lived process: `node code-detector.mjs MODULES LANGS`, where MODULES
// is <repo>/.cache/npm-bench/node_modules (install-npm-bench.sh) and LANGS the comma-separated highlight.js
// names it may choose from. Each input line is a JSON string (a whole file's text); each output line is
// {"language": NAME or null}, in order: highlight.js's highlightAuto over that subset.
import { createRequire } from 'node:module';
import { createInterface } from 'node:readline';
import path from 'node:path';

const [modules, langs] = process.argv.slice(2);
const require = createRequire(path.join(modules, 'noop.js'));
const hljs = require('highlight.js');
const subset = langs.split(',');
const missing = subset.filter((name) => !hljs.getLanguage(name));
if (missing.length > 0) {
  console.error(`code-detector: highlight.js has no language ${missing.join(', ')}`);
  process.exit(2);
}

process.stdout.write(JSON.stringify({ version: hljs.versionString }) + '\n');
const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
lines.on('line', (line) => {
  const result = hljs.highlightAuto(JSON.parse(line), subset);
  process.stdout.write(JSON.stringify({ language: result.language ?? null }) + '\n');
});
