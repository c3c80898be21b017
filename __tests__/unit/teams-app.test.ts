import { inflateRawSync } from 'node:zlib';
// @ts-expect-error: a plain .mjs script (npm run teams-app), tested as it runs
import { teamsAppPackage } from '../../scripts/teams-app.mjs';

/** The entries of a zip archive, read from its central directory as Teams' uploader does. */
function unzip(archive: Buffer): Map<string, Buffer> {
  const end = archive.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const count = archive.readUInt16LE(end + 10);
  let at = archive.readUInt32LE(end + 16);
  const files = new Map<string, Buffer>();
  for (let i = 0; i < count; i++) {
    expect(archive.readUInt32LE(at)).toBe(0x02014b50);
    const packed = archive.readUInt32LE(at + 20);
    const size = archive.readUInt32LE(at + 24);
    const nameLength = archive.readUInt16LE(at + 28);
    const local = archive.readUInt32LE(at + 42);
    const name = archive.subarray(at + 46, at + 46 + nameLength).toString('utf8');
    const dataAt = local + 30 + archive.readUInt16LE(local + 26) + archive.readUInt16LE(local + 28);
    files.set(name, inflateRawSync(archive.subarray(dataAt, dataAt + packed)));
    expect(files.get(name)!.length).toBe(size);
    at += 46 + nameLength;
  }
  return files;
}

const pngSize = (png: Buffer) => [png.readUInt32BE(16), png.readUInt32BE(20)];

test('npm run teams-app: a package Teams accepts, with the bot in team scope, notification only, and both icons', () => {
  const files = unzip(teamsAppPackage('6B1A2F9E-1C2D-4E5F-8A9B-0C1D2E3F4A5B'));
  expect([...files.keys()].sort()).toEqual(['color.png', 'manifest.json', 'outline.png']);
  const manifest = JSON.parse(files.get('manifest.json')!.toString('utf8'));
  expect(manifest.manifestVersion).toBe('1.17');
  expect(manifest.id).toBe('6b1a2f9e-1c2d-4e5f-8a9b-0c1d2e3f4a5b');
  expect(manifest.bots).toEqual([
    { botId: '6b1a2f9e-1c2d-4e5f-8a9b-0c1d2e3f4a5b', scopes: ['team'], isNotificationOnly: true, supportsFiles: false }
  ]);
  // Teams asks for a 192×192 colour icon and a 32×32 outline icon (white on transparent).
  expect(pngSize(files.get('color.png')!)).toEqual([192, 192]);
  expect(pngSize(files.get('outline.png')!)).toEqual([32, 32]);
  expect(() => teamsAppPackage('not-a-guid')).toThrow(/Microsoft App ID \(a GUID\)/);
});
