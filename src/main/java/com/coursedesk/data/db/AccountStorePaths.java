package com.coursedesk.data.db;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;

/**
 * Maps an account id to its store file, {@code <accountsDir>/<dir>/store.db}.
 *
 * <p>Account ids are opaque server strings (up to 64 characters) and may hold characters
 * that no file system accepts, so the folder name is a readable slug of the id followed by
 * the first 128 bits of its SHA-256 in lower-case hex: {@code acc_7f3a-1c9e...}. The hash
 * alone decides identity, so two different ids never share a folder, not even on the
 * case-insensitive file systems of Windows and macOS (the slug is lower-cased and the hash
 * differs).
 */
public final class AccountStorePaths {

    /** The store's file name inside an account's folder. */
    public static final String STORE_FILE_NAME = "store.db";

    private static final int SLUG_MAX = 32;
    private static final int HASH_BYTES = 16;

    private AccountStorePaths() {
    }

    /** The folder name for {@code accountId}: {@code <slug>-<32 hex digits>}. */
    public static String directoryName(String accountId) {
        Objects.requireNonNull(accountId, "accountId");
        if (accountId.isEmpty()) {
            throw new IllegalArgumentException("accountId is empty");
        }
        return slug(accountId) + "-" + hashHex(accountId);
    }

    /** {@code <accountsDir>/<directoryName(accountId)>/store.db}. */
    public static Path storeFile(Path accountsDir, String accountId) {
        return accountsDir.resolve(directoryName(accountId)).resolve(STORE_FILE_NAME);
    }

    private static String slug(String accountId) {
        StringBuilder sb = new StringBuilder(SLUG_MAX);
        for (int i = 0; i < accountId.length() && sb.length() < SLUG_MAX; i++) {
            char c = Character.toLowerCase(accountId.charAt(i));
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-') {
                sb.append(c);
            } else if (sb.length() > 0 && sb.charAt(sb.length() - 1) != '_') {
                sb.append('_');
            }
        }
        String slug = sb.toString().toLowerCase(Locale.ROOT);
        return slug.isEmpty() ? "account" : slug;
    }

    private static String hashHex(String accountId) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(accountId.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, HASH_BYTES);
        } catch (NoSuchAlgorithmException e) {
            // Every Java platform is required to provide SHA-256.
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }
}
