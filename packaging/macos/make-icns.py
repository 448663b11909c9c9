#!/usr/bin/env python3
"""Writes resources/icons/coursedesk.icns, the macOS icon, from the master artwork.

An .icns file is a big-endian container: the magic 'icns' and the file length, then one
entry per size (a four-letter type, the entry length including its 8-byte header, and the
image). Since macOS 10.7 every entry may simply hold a PNG, which is what this writes, from
the PNGs in resources/icons (the 1024-pixel one is rendered from coursedesk.svg). ImageMagick
turns each into an 8-bit RGBA PNG, the form macOS reads in every slot.

Run from anywhere, after changing the artwork:  python3 packaging/macos/make-icns.py
"""

import shutil
import struct
import subprocess
import sys
from pathlib import Path

ICONS = Path(__file__).resolve().parents[2] / "resources" / "icons"

# (type, pixels): 1x and 2x ("@2x", Retina) slots of the sizes macOS asks for.
ENTRIES = [
    ("icp4", 16), ("icp5", 32), ("ic11", 32),
    ("icp6", 64), ("ic12", 64),
    ("ic07", 128),
    ("ic08", 256), ("ic13", 256),
    ("ic09", 512), ("ic14", 512),
    ("ic10", 1024),
]


def convert_tool():
    # Debian's ImageMagick 6 is `convert`; ImageMagick 7 is `magick`.
    for name in ("magick", "/usr/bin/convert", "convert"):
        found = shutil.which(name)
        if found:
            return found
    sys.exit("ImageMagick is needed (convert or magick)")


def png(tool, pixels):
    source = ICONS / f"coursedesk-{pixels}.png"
    if source.exists():
        args = [tool, str(source)]
    else:
        # No master PNG of this size (1024): render the SVG at that size.
        args = [tool, "-background", "none", "-density", str(72 * pixels // 512 * 2),
                str(ICONS / "coursedesk.svg"), "-resize", f"{pixels}x{pixels}"]
    data = subprocess.run(args + ["-depth", "8", "PNG32:-"], check=True, capture_output=True).stdout
    width, height = struct.unpack(">II", data[16:24])
    if (width, height) != (pixels, pixels):
        sys.exit(f"{pixels}-pixel image came out {width}x{height}")
    return data


def main():
    tool = convert_tool()
    body = b""
    for kind, pixels in ENTRIES:
        image = png(tool, pixels)
        body += kind.encode("ascii") + struct.pack(">I", 8 + len(image)) + image
    out = ICONS / "coursedesk.icns"
    out.write_bytes(b"icns" + struct.pack(">I", 8 + len(body)) + body)
    print(f"{out}: {len(ENTRIES)} images, {8 + len(body)} bytes")


if __name__ == "__main__":
    main()
