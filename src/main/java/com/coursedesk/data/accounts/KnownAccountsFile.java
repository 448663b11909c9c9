package com.coursedesk.data.accounts;

import com.coursedesk.domain.KnownAccount;
import com.coursedesk.domain.ServerRef;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import com.google.gson.stream.JsonWriter;
import com.google.gson.stream.MalformedJsonException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The list of accounts with a local copy, in {@code <dataDir>/accounts.json}, written
 * atomically. A damaged file is moved aside and the list starts empty (each account's store
 * is untouched and reappears at its next sign-in).
 */
public final class KnownAccountsFile {

    private static final Logger LOG = LoggerFactory.getLogger(KnownAccountsFile.class);
    // The JSON shape: an array of {accountId, email, displayName, server, lastSyncedAt}, the
    // instant as an ISO string and left out while null. Read and written with Gson's streams,
    // not its object mapping: the list is read while the app opens, and a Gson instance with
    // its reflective adapters costs some 140 classes and 50 ms of CPU there.
    private static final String ACCOUNT_ID = "accountId";
    private static final String EMAIL = "email";
    private static final String DISPLAY_NAME = "displayName";
    private static final String SERVER = "server";
    private static final String LAST_SYNCED_AT = "lastSyncedAt";

    /** Which file contents a read saw: replaced (a new inode), touched or resized, it differs. */
    private record Version(Object fileKey, FileTime modified, long size) {
        static Version of(BasicFileAttributes attributes) {
            return attributes == null || attributes.fileKey() == null ? null
                    : new Version(attributes.fileKey(), attributes.lastModifiedTime(), attributes.size());
        }

        // Written out: a record's own equals and hashCode link method handles on first use,
        // some sixty generated classes at start-up, where this is the first record compared.
        @Override
        public boolean equals(Object other) {
            return other instanceof Version v && size == v.size && fileKey.equals(v.fileKey)
                    && modified.equals(v.modified);
        }

        @Override
        public int hashCode() {
            return Objects.hash(fileKey, modified, size);
        }
    }

    private final Path file;
    private List<KnownAccount> cached = List.of();
    private Version cachedVersion;

    public KnownAccountsFile(Path file) {
        this.file = file;
    }

    public synchronized List<KnownAccount> list() {
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(file, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            return List.of();
        } catch (IOException e) {
            attributes = null;
        }
        // Every sync pass asks (to record its time): the file is read again only when it was
        // replaced or changed since it was last read or written here.
        Version version = Version.of(attributes);
        if (version != null && version.equals(cachedVersion)) {
            return new ArrayList<>(cached);
        }
        try {
            List<KnownAccount> out = read(Files.readString(file, StandardCharsets.UTF_8));
            out.sort(Comparator.comparing(KnownAccount::email));
            cached = List.copyOf(out);
            cachedVersion = version;
            return out;
        } catch (NoSuchFileException e) {
            return List.of();
        } catch (IOException | RuntimeException e) {
            cachedVersion = null;
            Path aside = file.resolveSibling(file.getFileName() + ".damaged-" + System.currentTimeMillis());
            LOG.warn("The account list {} cannot be read ({}); moved aside to {}", file, e.getMessage(), aside);
            try {
                Files.move(file, aside);
            } catch (IOException moveFailed) {
                LOG.warn("Could not move {} aside", file, moveFailed);
            }
            return List.of();
        }
    }

    public synchronized Optional<KnownAccount> find(ServerRef server, String accountId) {
        return list().stream().filter(a -> a.server().equals(server) && a.accountId().equals(accountId)).findFirst();
    }

    /** Adds or replaces the entry for the same server and account; writes nothing if it is already there. */
    public synchronized void put(KnownAccount account) {
        List<KnownAccount> current = list();
        if (current.contains(account)) {
            return;
        }
        List<KnownAccount> all = new ArrayList<>(current);
        all.removeIf(a -> a.server().equals(account.server()) && a.accountId().equals(account.accountId()));
        all.add(account);
        write(all);
    }

    public synchronized void remove(ServerRef server, String accountId) {
        List<KnownAccount> all = new ArrayList<>(list());
        if (all.removeIf(a -> a.server().equals(server) && a.accountId().equals(accountId))) {
            write(all);
        }
    }

    /** The accounts in the file's text; an empty text or {@code null} is an empty list. */
    private static List<KnownAccount> read(String text) throws IOException {
        List<KnownAccount> out = new ArrayList<>();
        if (text.isBlank()) {
            return out;
        }
        JsonReader json = new JsonReader(new StringReader(text));
        if (json.peek() == JsonToken.NULL) {
            json.nextNull();
            return out;
        }
        json.beginArray();
        while (json.hasNext()) {
            Map<String, String> fields = new HashMap<>();
            json.beginObject();
            while (json.hasNext()) {
                String name = json.nextName();
                if (json.peek() == JsonToken.NULL) {
                    json.nextNull();
                } else if (json.peek() == JsonToken.STRING) {
                    fields.put(name, json.nextString());
                } else {
                    // A field of a later version, or of another shape: not ours to read.
                    json.skipValue();
                }
            }
            json.endObject();
            String lastSynced = fields.get(LAST_SYNCED_AT);
            String server = fields.get(SERVER);
            out.add(new KnownAccount(fields.get(ACCOUNT_ID), fields.get(EMAIL), fields.get(DISPLAY_NAME),
                    new ServerRef(server), lastSynced == null ? null : Instant.parse(lastSynced)));
        }
        json.endArray();
        if (json.peek() != JsonToken.END_DOCUMENT) {
            throw new MalformedJsonException("Text after the account list");
        }
        return out;
    }

    private static String text(List<KnownAccount> accounts) throws IOException {
        StringWriter text = new StringWriter();
        try (JsonWriter json = new JsonWriter(text)) {
            json.setIndent("  ");
            json.beginArray();
            for (KnownAccount a : accounts) {
                json.beginObject();
                json.name(ACCOUNT_ID).value(a.accountId());
                json.name(EMAIL).value(a.email());
                json.name(DISPLAY_NAME).value(a.displayName());
                json.name(SERVER).value(a.server().value());
                if (a.lastSyncedAt() != null) {
                    json.name(LAST_SYNCED_AT).value(a.lastSyncedAt().toString());
                }
                json.endObject();
            }
            json.endArray();
        }
        return text.toString();
    }

    private void write(List<KnownAccount> accounts) {
        try {
            Files.createDirectories(file.getParent());
            Path tmp = Files.createTempFile(file.getParent(), "accounts", ".tmp");
            Files.writeString(tmp, text(accounts), StandardCharsets.UTF_8);
            cachedVersion = null;
            try {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("Cannot save the account list " + file, e);
        }
    }
}
