#!/usr/bin/env python3
"""Makes the test pictures (deterministic, standard library only):
signature.png, a blue scrawl on a transparent ground, 600x240 px at 300 dpi
(50.8 x 20.3 mm); seal.png, a red ring with a star, 500x500 px (set at the
seal's diameter); not-a-png.png, text with a .png name."""
import math, struct, zlib

def png(path, w, h, pixel, dpi=None):
    raw = b"".join(b"\0" + b"".join(bytes(pixel(x, y)) for x in range(w)) for y in range(h))
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    out = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 6, 0, 0, 0))
    if dpi:
        ppm = round(dpi / 0.0254)
        out += chunk(b"pHYs", struct.pack(">IIB", ppm, ppm, 1))
    out += chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b"")
    open(path, "wb").write(out)

def signature(x, y):
    # Two loops of a scrawl and an underline, 6 px thick.
    t = x / 600
    curve = 120 + 60 * math.sin(t * 4 * math.pi) * (1 - t * 0.5)
    line = 200 + 10 * t
    on = abs(y - curve) < 4 or (40 < x < 560 and abs(y - line) < 3)
    return (20, 40, 200, 255) if on else (255, 255, 255, 0)

def seal(x, y):
    r = math.hypot(x - 249.5, y - 249.5)
    ring = 225 < r < 245 or 175 < r < 185
    a = math.atan2(y - 249.5, x - 249.5)
    star = r < 60 * (0.6 + 0.4 * math.cos(5 * a))
    return (220, 20, 30, 230) if ring or star else (255, 255, 255, 0)

png("signature.png", 600, 240, signature, dpi=300)
png("seal.png", 500, 500, seal)
open("not-a-png.png", "w").write("GIF89a but not really\n")
