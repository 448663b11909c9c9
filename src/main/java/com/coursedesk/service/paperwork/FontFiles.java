package com.coursedesk.service.paperwork;

import java.io.IOException;
import java.io.InputStream;
import java.util.EnumMap;
import java.util.Map;

/**
 * The TrueType fonts shipped in the jar ({@code com/coursedesk/fonts}), each read once per
 * renderer and shared by every document it makes: a tax-year export renders dozens of
 * receipts, and the CJK font alone is 4 MB.
 */
final class FontFiles {

    /** The faces, in the order a code point looks for its glyph. */
    enum Face {
        /** DejaVu Sans: Latin, Greek, Cyrillic and many symbols. */
        SANS("DejaVuSans.ttf"),
        SANS_BOLD("DejaVuSans-Bold.ttf"),
        /** Droid Sans Fallback: Chinese, Japanese and Korean. */
        CJK("DroidSansFallbackFull.ttf");

        private final String file;

        Face(String file) {
            this.file = file;
        }
    }

    private static final String FOLDER = "/com/coursedesk/fonts/";

    private final Map<Face, byte[]> loaded = new EnumMap<>(Face.class);

    synchronized byte[] bytes(Face face) throws IOException {
        byte[] bytes = loaded.get(face);
        if (bytes == null) {
            try (InputStream in = FontFiles.class.getResourceAsStream(FOLDER + face.file)) {
                if (in == null) {
                    throw new IOException("The font " + face.file + " is missing from the application");
                }
                bytes = in.readAllBytes();
            }
            loaded.put(face, bytes);
        }
        return bytes;
    }
}
