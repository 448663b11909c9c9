package com.coursedesk.data.accounts;

import com.coursedesk.domain.KnownAccount;
import com.coursedesk.domain.ServerRef;
import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.reflect.TypeToken;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
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
import java.util.List;
import java.util.Optional;

/**
 * The list of accounts with a local copy, in {@code <dataDir>/accounts.json}, written
 * atomically. A damaged file is moved aside and the list starts empty (each account's store
 * is untouched and reappears at its next sign-in).
 */
public final class KnownAccountsFile {

    private static final Logger LOG = LoggerFactory.getLogger(KnownAccountsFile.class);
    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().create();

    /** The JSON shape; instants as ISO strings. */
    private record Entry(String accountId, String email, String displayName, String server, String lastSyncedAt) {
    }

    /** Which file contents a read saw: replaced (a new inode), touched or resized, it differs. */
    private record Version(Object fileKey, FileTime modified, long size) {
        static Version of(BasicFileAttributes attributes) {
            return attributes == null || attributes.fileKey() == null ? null
                    : new Version(attributes.fileKey(), attributes.lastModifiedTime(), attributes.size());
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
            List<Entry> entries = GSON.fromJson(Files.readString(file, StandardCharsets.UTF_8),
                    new TypeToken<List<Entry>>() { }.getType());
            List<KnownAccount> out = new ArrayList<>();
            for (Entry e : entries == null ? List.<Entry>of() : entries) {
                out.add(new KnownAccount(e.accountId(), e.email(), e.displayName(), new ServerRef(e.server()),
                        e.lastSyncedAt() == null ? null : Instant.parse(e.lastSyncedAt())));
            }
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

    private void write(List<KnownAccount> accounts) {
        List<Entry> entries = accounts.stream()
                .map(a -> new Entry(a.accountId(), a.email(), a.displayName(), a.server().value(),
                        a.lastSyncedAt() == null ? null : a.lastSyncedAt().toString()))
                .toList();
        try {
            Files.createDirectories(file.getParent());
            Path tmp = Files.createTempFile(file.getParent(), "accounts", ".tmp");
            Files.writeString(tmp, GSON.toJson(entries), StandardCharsets.UTF_8);
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
