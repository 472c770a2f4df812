#!/usr/bin/env python3
"""Draws the toolbar icon (a blue rounded square with three rising signal bars) as PNGs in
public/icon/. Run once when the design changes; the PNGs are committed."""
import struct, zlib, os

def png(size):
    r = size * 0.22
    bars = [(0.22, 0.62), (0.42, 0.44), (0.62, 0.26)]  # (left, top) as fractions; bars end at 0.78
    rows = []
    for y in range(size):
        row = bytearray([0])
        for x in range(size):
            cx, cy = x + 0.5, y + 0.5
            # rounded-square mask
            dx = max(r - cx, 0, cx - (size - r)); dy = max(r - cy, 0, cy - (size - r))
            inside = dx * dx + dy * dy <= r * r
            if not inside:
                row += bytes([0, 0, 0, 0]); continue
            colour = (37, 99, 235, 255)
            fx, fy = cx / size, cy / size
            for left, top in bars:
                if left <= fx <= left + 0.15 and top <= fy <= 0.78:
                    colour = (255, 255, 255, 255)
            row += bytes(colour)
        rows.append(bytes(row))
    raw = b''.join(rows)
    def chunk(tag, data):
        return struct.pack('>I', len(data)) + tag + data + struct.pack('>I', zlib.crc32(tag + data) & 0xffffffff)
    return b'\x89PNG\r\n\x1a\n' + chunk(b'IHDR', struct.pack('>IIBBBBB', size, size, 8, 6, 0, 0, 0)) + chunk(b'IDAT', zlib.compress(raw, 9)) + chunk(b'IEND', b'')

out = os.path.join(os.path.dirname(__file__), '..', 'public', 'icon')
os.makedirs(out, exist_ok=True)
for size in (16, 32, 48, 96, 128):
    with open(os.path.join(out, f'{size}.png'), 'wb') as f:
        f.write(png(size))
