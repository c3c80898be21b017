#!/usr/bin/env node
// Writes the Teams app package for teams-delivery: bot: `npm run teams-app -- <bot app id>` writes
// teams-app/m365-alerts-to-teams.zip (manifest.json with the bot's id, color.png 192x192, outline.png 32x32),
// ready to upload in Teams (Apps, Manage your apps, Upload an app) or the Teams admin center.
// No dependency: the icons are drawn and the zip is written here (stored with deflate, CRC-32 from zlib).
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { crc32, deflateRawSync, deflateSync } from 'node:zlib';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A PNG of `size`×`size` pixels, RGBA, each pixel from `paint(x, y)`. */
export function png(size, paint) {
  const rows = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    rows[y * (size * 4 + 1)] = 0; // filter: none
    for (let x = 0; x < size; x++) rows.set(paint(x, y), y * (size * 4 + 1) + 1 + x * 4);
  }
  const chunk = (type, data) => {
    const head = Buffer.alloc(8);
    head.writeUInt32BE(data.length, 0);
    head.write(type, 4, 'ascii');
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(Buffer.concat([Buffer.from(type, 'ascii'), data])), 0);
    return Buffer.concat([head, data, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA, no interlace
  return Buffer.concat([
    Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows)),
    chunk('IEND', Buffer.alloc(0))
  ]);
}

/** A shield: the colour icon on the accent colour; the outline icon white on transparent, as Teams asks. */
function shield(size, inside, outside) {
  return png(size, (x, y) => {
    const u = (x + 0.5) / size - 0.5;
    const v = (y + 0.5) / size;
    const inShield = v > 0.18 && v < 0.86 && Math.abs(u) < 0.3 * (v < 0.55 ? 1 : (0.86 - v) / 0.31);
    return inShield ? inside : outside;
  });
}

/** A zip archive of `files` (name → bytes), deflated. */
export function zip(files) {
  const locals = [];
  const centrals = [];
  let offset = 0;
  for (const [name, data] of Object.entries(files)) {
    const packed = deflateRawSync(data);
    const nameBytes = Buffer.from(name, 'utf8');
    const fields = Buffer.alloc(26);
    fields.writeUInt16LE(20, 0); // version needed
    fields.writeUInt16LE(0, 2); // flags
    fields.writeUInt16LE(8, 4); // deflate
    fields.writeUInt32LE(0x00210000, 6); // time and date: 1980-01-01 (reproducible)
    fields.writeUInt32LE(crc32(data), 10);
    fields.writeUInt32LE(packed.length, 14);
    fields.writeUInt32LE(data.length, 18);
    fields.writeUInt16LE(nameBytes.length, 22);
    fields.writeUInt16LE(0, 24);
    const local = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), fields, nameBytes, packed]);
    const central = Buffer.concat([
      Buffer.from([0x50, 0x4b, 0x01, 0x02, 20, 0]),
      fields,
      Buffer.alloc(14) // comment length, disk, internal and external attributes (zeros), then the local header's offset
    ]);
    central.writeUInt32LE(offset, 42);
    locals.push(local);
    centrals.push(Buffer.concat([central, nameBytes]));
    offset += local.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(centrals.length, 8);
  end.writeUInt16LE(centrals.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

export function teamsAppPackage(botId) {
  if (!GUID.test(botId ?? ''))
    throw new Error("Give the bot's Microsoft App ID (a GUID): npm run teams-app -- 00000000-0000-0000-0000-000000000000");
  const manifest = readFileSync(path.join(root, 'teams-app', 'manifest.json'), 'utf8').replaceAll('{{BOT_APP_ID}}', botId.toLowerCase());
  JSON.parse(manifest);
  return zip({
    'manifest.json': Buffer.from(manifest, 'utf8'),
    'color.png': shield(192, [255, 255, 255, 255], [196, 49, 75, 255]),
    'outline.png': shield(32, [255, 255, 255, 255], [0, 0, 0, 0])
  });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  try {
    const out = path.join(root, 'teams-app', 'm365-alerts-to-teams.zip');
    writeFileSync(out, teamsAppPackage(process.argv[2]));
    console.log(
      `Wrote ${path.relative(process.cwd(), out)}: upload it in Teams (Apps, Manage your apps, Upload an app), then add the app to each team.`
    );
  } catch (error) {
    console.error(error.message);
    process.exit(1);
  }
}
