#!/usr/bin/env node
// Writes the add-in's ribbon and store icons (assets/icon-<size>.png) without any image
// library: the PNG chunks are assembled here and compressed with zlib. The picture is a
// green rounded square with a white "Σ"-like check mark, drawn with anti-aliased shapes
// at every size so small icons stay crisp.
'use strict';
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');

const SIZES = [16, 32, 64, 80, 128];
const GREEN = [0x21, 0x73, 0x46]; // Excel green
const WHITE = [0xff, 0xff, 0xff];

// zlib's own CRC-32 (Node 20.15 and later).
const crc32 = (buf) => zlib.crc32(buf);

function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

/** Distance from point p to segment a-b. */
function segDist(px, py, ax, ay, bx, by) {
  const dx = bx - ax, dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

/** Coverage (0..1) of the sample point by the icon's shapes: [background, mark]. */
function shapes(x, y) {
  // Rounded square covering the whole icon, corner radius 18 %.
  const r = 0.18;
  const cx = Math.min(Math.max(x, r), 1 - r), cy = Math.min(Math.max(y, r), 1 - r);
  const inBg = Math.hypot(x - cx, y - cy) <= r;
  // Check mark: two strokes.
  const w = 0.085;
  const inMark = segDist(x, y, 0.24, 0.52, 0.43, 0.71) <= w || segDist(x, y, 0.43, 0.71, 0.78, 0.30) <= w;
  return [inBg, inBg && inMark];
}

function render(size) {
  const ss = 4; // 4x4 supersampling for anti-aliasing
  const raw = Buffer.alloc(size * (1 + size * 4));
  for (let py = 0; py < size; py++) {
    raw[py * (1 + size * 4)] = 0; // filter: none
    for (let px = 0; px < size; px++) {
      let bg = 0, mark = 0;
      for (let sy = 0; sy < ss; sy++)
        for (let sx = 0; sx < ss; sx++) {
          const [b, m] = shapes((px + (sx + 0.5) / ss) / size, (py + (sy + 0.5) / ss) / size);
          if (b) bg++;
          if (m) mark++;
        }
      const n = ss * ss;
      const alpha = bg / n;
      const markShare = bg ? mark / bg : 0;
      const o = py * (1 + size * 4) + 1 + px * 4;
      for (let i = 0; i < 3; i++) raw[o + i] = Math.round(GREEN[i] * (1 - markShare) + WHITE[i] * markShare);
      raw[o + 3] = Math.round(alpha * 255);
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // colour type RGBA
  ihdr[10] = 0; ihdr[11] = 0; ihdr[12] = 0;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', zlib.deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const outDir = path.resolve(__dirname, '..', 'assets');
fs.mkdirSync(outDir, { recursive: true });
for (const size of SIZES) {
  const file = path.join(outDir, `icon-${size}.png`);
  fs.writeFileSync(file, render(size));
  console.log(`wrote ${path.relative(process.cwd(), file)}`);
}
