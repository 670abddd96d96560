// The screenshot checker's PNG decoder, on images encoded here with every row filter.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { deflateSync } from 'node:zlib';

import { colourStats, decodePng } from './lib/png.mjs';

function crc32(bytes) {
  let c = 0xffffffff;
  for (const b of bytes) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  }
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, body) {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(body.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), body])));
  return Buffer.concat([head, body, crc]);
}

/** An RGB PNG of `pixels` (rows of [r, g, b]), row y filtered with filter y % 5. */
function encode(pixels) {
  const height = pixels.length;
  const width = pixels[0].length;
  const stride = width * 3;
  const rows = pixels.map((row) => Buffer.from(row.flat()));
  const raw = [];
  rows.forEach((line, y) => {
    const filter = y % 5;
    const prev = y > 0 ? rows[y - 1] : Buffer.alloc(stride);
    const out = Buffer.alloc(stride + 1);
    out[0] = filter;
    for (let x = 0; x < stride; x++) {
      const a = x >= 3 ? line[x - 3] : 0;
      const b = prev[x];
      const c = x >= 3 ? prev[x - 3] : 0;
      const p = a + b - c;
      const paeth = Math.abs(p - a) <= Math.abs(p - b) && Math.abs(p - a) <= Math.abs(p - c) ? a
        : Math.abs(p - b) <= Math.abs(p - c) ? b : c;
      const predictor = [0, a, b, (a + b) >> 1, paeth][filter];
      out[x + 1] = (line[x] - predictor) & 0xff;
    }
    raw.push(out);
  });
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8;
  ihdr[9] = 2;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(Buffer.concat(raw))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

test('the PNG decoder undoes every row filter', () => {
  const pixels = Array.from({ length: 10 }, (_, y) =>
    Array.from({ length: 7 }, (_, x) => [(x * 37 + y * 11) & 0xff, (x * y * 13) & 0xff, (255 - x * 20 - y) & 0xff]));
  pixels[3][2] = [0xcf, 0x22, 0x2e];
  const image = decodePng(encode(pixels));
  assert.equal(image.width, 7);
  assert.equal(image.height, 10);
  for (let y = 0; y < 10; y++) {
    for (let x = 0; x < 7; x++) {
      const i = (y * 7 + x) * 4;
      assert.deepEqual([...image.rgba.subarray(i, i + 4)], [...pixels[y][x], 255], `pixel ${x},${y}`);
    }
  }
  const stats = colourStats(image, ['#cf222e', '#1a7f37']);
  assert.equal(stats.counts['#cf222e'], 1);
  assert.equal(stats.counts['#1a7f37'], 0);
});

test('the PNG decoder refuses what is not a whole PNG', () => {
  const png = encode([[[1, 2, 3]]]);
  assert.throws(() => decodePng(Buffer.from('GIF89a')), /signature/);
  assert.throws(() => decodePng(png.subarray(0, png.length - 12)), /IEND/);
  const corrupt = Buffer.from(png);
  corrupt[20] ^= 1; // inside IHDR
  assert.throws(() => decodePng(corrupt), /CRC/);
});
