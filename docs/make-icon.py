#!/usr/bin/env python3
"""Draws docs/icon.png, the package icon (128x128 RGBA): a magnifying glass over three entity dots (country, force,
base) on a rounded navy square. Standard library only; run `python3 docs/make-icon.py` to redraw it."""
import math, os, struct, zlib

N = 128
SS = 4  # supersampling per axis, for smooth edges


def coverage(x, y):
    """Colour (r, g, b, a) at a point of the 128x128 canvas."""
    # rounded square background
    r = 22
    cx, cy = min(max(x, r), N - r), min(max(y, r), N - r)
    if (x - cx) ** 2 + (y - cy) ** 2 > r * r:
        return (0, 0, 0, 0)
    colour = (22, 42, 84, 255)
    # lens: ring centred at (54, 54)
    d = math.hypot(x - 54, y - 54)
    if d < 30:
        colour = (236, 242, 250, 255)
        # entity dots inside the lens: country (blue), force (red), base (green)
        for (dx, dy, c) in ((42, 46, (43, 108, 196)), (62, 44, (214, 64, 52)), (52, 64, (46, 150, 90))):
            if math.hypot(x - dx, y - dy) < 7:
                colour = c + (255,)
    if 30 <= d < 38:
        colour = (255, 255, 255, 255)
    # handle: a thick segment from the ring towards the lower right
    t = ((x - 80) + (y - 80)) / 2
    px, py = 80 + t, 80 + t
    if 0 <= t <= 26 and math.hypot(x - px, y - py) < 8:
        colour = (255, 196, 60, 255)
    return colour


rows = []
for j in range(N):
    row = bytearray([0])
    for i in range(N):
        acc = [0, 0, 0, 0]
        for sj in range(SS):
            for si in range(SS):
                c = coverage(i + (si + 0.5) / SS, j + (sj + 0.5) / SS)
                for k in range(4):
                    acc[k] += c[k] * (c[3] / 255 if k < 3 else 1)
        a = acc[3] / (SS * SS)
        rgb = [int(round(acc[k] / acc[3] * 255)) if acc[3] else 0 for k in range(3)]
        row += bytes(rgb + [int(round(a))])
    rows.append(bytes(row))


def chunk(kind, data):
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)


png = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", N, N, 8, 6, 0, 0, 0)) \
    + chunk(b"IDAT", zlib.compress(b"".join(rows), 9)) + chunk(b"IEND", b"")
out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "icon.png")
with open(out, "wb") as f:
    f.write(png)
print(f"{out}: {len(png)} bytes")
