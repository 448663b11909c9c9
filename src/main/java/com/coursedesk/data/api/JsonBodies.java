package com.coursedesk.data.api;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Builds the login body straight from the password's {@code char[]}: the password never
 * becomes a {@link String} (which cannot be wiped and may linger until garbage collection),
 * and every intermediate buffer is zeroed here. The caller zeroes the returned bytes once
 * the request is done.
 */
final class JsonBodies {

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private JsonBodies() {
    }

    /** {@code {"email":"...","password":"..."}} as UTF-8 bytes. */
    static byte[] login(String email, char[] password) {
        char[] json = new char[2 + quotedLength("email") + 1 + quotedLength(email) + 1
                + quotedLength("password") + 1 + quotedLength(password)];
        try {
            int at = 0;
            json[at++] = '{';
            at = writeQuoted(json, at, "email");
            json[at++] = ':';
            at = writeQuoted(json, at, email);
            json[at++] = ',';
            at = writeQuoted(json, at, "password");
            json[at++] = ':';
            at = writeQuoted(json, at, password);
            json[at++] = '}';
            return utf8(json);
        } finally {
            Arrays.fill(json, '\0');
        }
    }

    private static byte[] utf8(char[] chars) {
        CharsetEncoder encoder = StandardCharsets.UTF_8.newEncoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer encoded;
        try {
            encoded = encoder.encode(CharBuffer.wrap(chars));
        } catch (CharacterCodingException e) {
            // A lone surrogate cannot be sent as UTF-8; replacing it would change the password.
            throw new IllegalArgumentException("The email or password holds an unpaired surrogate character", e);
        }
        byte[] out = Arrays.copyOf(encoded.array(), encoded.limit());
        Arrays.fill(encoded.array(), (byte) 0);
        return out;
    }

    private static int quotedLength(CharSequence text) {
        int length = 2;
        for (int i = 0; i < text.length(); i++) {
            length += escapedLength(text.charAt(i));
        }
        return length;
    }

    private static int quotedLength(char[] text) {
        return quotedLength(CharBuffer.wrap(text));
    }

    private static int escapedLength(char c) {
        if (c == '"' || c == '\\') {
            return 2;
        }
        return c < 0x20 ? 6 : 1;
    }

    private static int writeQuoted(char[] out, int at, CharSequence text) {
        out[at++] = '"';
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\\') {
                out[at++] = '\\';
                out[at++] = c;
            } else if (c < 0x20) {
                out[at++] = '\\';
                out[at++] = 'u';
                out[at++] = '0';
                out[at++] = '0';
                out[at++] = HEX[c >> 4];
                out[at++] = HEX[c & 0xF];
            } else {
                out[at++] = c;
            }
        }
        out[at++] = '"';
        return at;
    }

    private static int writeQuoted(char[] out, int at, char[] text) {
        return writeQuoted(out, at, CharBuffer.wrap(text));
    }
}
