// One long-lived detector process for bench-lid: `node node-detector.mjs cld3|franc MODULES`, where
// MODULES is <repo>/.cache/npm-bench/node_modules (install-npm-bench.sh). First output line: {"supported":[...]} (CLD3: its language codes;
// franc: "code/Script" pairs, franc's own script names). Then one input line on stdin gives one
// output line {"code":"..."} ("und" when the tool declines), in order.
import { createInterface } from 'node:readline';
import { pathToFileURL } from 'node:url';
import path from 'node:path';

const [tool, modules] = process.argv.slice(2);
const load = (specifier) => import(pathToFileURL(path.join(modules, specifier)).href);

let detect;
let supported;
if (tool === 'cld3') {
  const cld3 = await load('cld3-asm/dist/cjs/index.js');
  const { loadModule } = cld3.default ?? cld3;
  const factory = await loadModule();
  // CLD3's own default minimum is 140 bytes (shorter text is 'und'); the bench sets 0 so that CLD3
  // answers every line as the other tools do, and 1000 bytes as the most it reads.
  const identifier = factory.create(0, 1000);
  detect = (line) => identifier.findLanguage(line).language;
  const codes = await load('cld3-asm/dist/cjs/languageCode.js');
  const table = (codes.default ?? codes).LanguageCode;
  supported = table ? Object.values(table).filter((c) => c !== 'und') : null;
} else if (tool === 'franc') {
  const { franc } = await load('franc-all/index.js');
  const { data } = await load('franc-all/data.js');
  const { expressions } = await load('franc-all/expressions.js');
  detect = (line) => franc(line);
  supported = [];
  for (const script of Object.keys(data)) {
    for (const code of Object.keys(data[script])) supported.push(`${code}/${script}`);
  }
  // Keys of `expressions` that are language codes, not script names: languages franc decides by
  // their script alone (cmn, jpn, kor, ben, tha, ...).
  for (const key of Object.keys(expressions)) {
    if (!(key in data)) supported.push(`${key}/${key}`);
  }
} else {
  console.error(`node-detector: unknown tool '${tool}' (cld3 or franc)`);
  process.exit(2);
}

process.stdout.write(JSON.stringify({ supported }) + '\n');
const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
// Answers are gathered and written once per turn of the event loop: few writes when lines stream in,
// and no answer held back when the input pauses (the bench waits for every answer of a batch).
const out = [];
const flush = () => {
  process.stdout.write(out.join('\n') + '\n');
  out.length = 0;
};
lines.on('line', (line) => {
  if (out.length === 0) setImmediate(flush);
  out.push(JSON.stringify({ code: detect(line) }));
});
