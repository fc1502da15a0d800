// Reads a WARC file with npm warcio and checks every record's digests.
// warcio for JavaScript parses records but has no digest check of its own (Python warcio's
// `warcio check` is not in it), so this script takes the block (parseHttp: false) and the HTTP
// payload as stored (parseHttp: true, readFully(false)) from warcio's parser and compares their
// SHA-1, in RFC 4648 base32, with WARC-Block-Digest and WARC-Payload-Digest.
// Prints one JSON line: { records, types, checked, failures }.
import fs from "node:fs";
import crypto from "node:crypto";
import { WARCParser } from "warcio";

const file = process.argv[2];
const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
function base32(bytes) {
  let bits = 0, value = 0, out = "";
  for (const b of bytes) {
    value = (value << 8) | b; bits += 8;
    while (bits >= 5) { out += alphabet[(value >>> (bits - 5)) & 31]; bits -= 5; }
  }
  if (bits > 0) out += alphabet[(value << (5 - bits)) & 31];
  while (out.length % 8) out += "=";
  return out;
}
const sha1 = (bytes) => "sha1:" + base32(crypto.createHash("sha1").update(bytes).digest());

async function pass(parseHttp, visit) {
  const parser = new WARCParser(fs.createReadStream(file), { parseHttp, keepHeadersCase: true });
  let i = 0;
  for await (const record of parser) {
    await visit(record, i++);
  }
  return i;
}

const types = [];
const failures = [];
let checked = 0;
const records = await pass(false, async (record, i) => {
  types.push(record.warcType);
  const block = await record.readFully();
  const expected = record.warcBlockDigest;
  if (!expected) { failures.push(`record ${i}: no WARC-Block-Digest`); return; }
  checked++;
  if (sha1(block) !== expected) failures.push(`record ${i}: block ${sha1(block)} != ${expected}`);
  if (Number(record.warcContentLength) !== block.length) failures.push(`record ${i}: Content-Length ${record.warcContentLength} != ${block.length}`);
});
await pass(true, async (record, i) => {
  const expected = record.warcPayloadDigest;
  if (!expected) return;
  const payload = await record.readFully(false);
  checked++;
  if (sha1(payload) !== expected) failures.push(`record ${i}: payload ${sha1(payload)} != ${expected}`);
});
console.log(JSON.stringify({ records, types, checked, failures }));
