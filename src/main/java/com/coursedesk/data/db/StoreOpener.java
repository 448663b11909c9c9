package com.coursedesk.data.db;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteConfig;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Opens a store file, checking it first, and replaces an unusable one with a fresh store.
 *
 * <p>An existing file is checked, unless its last session closed it cleanly and it has not
 * changed since (same size, modification time and file: {@link #closedCleanly}): the check
 * reads the whole file, half a second for 100,000 purchases, on the way to the first page of
 * every start. Damage comes from a session that did not end (a crash, a power cut, the
 * process killed mid-write) or from another program writing the file, and either leaves the
 * file checked. It is checked with {@code PRAGMA integrity_check} when it is at most
 * {@value #FULL_CHECK_MAX_BYTES} bytes, and with {@code PRAGMA quick_check} above that.
 * Both read every page and catch a file that is not a database, broken pages and broken
 * b-trees; only integrity_check also verifies that every index agrees with its table, which
 * costs O(N log N) and on a large history would add seconds to every start. A mismatched
 * index is the least harmful damage (wrong search results, repaired by a full sync), so
 * large files get the cheap check.
 *
 * <p>A file that fails the check, cannot be opened or migrated (garbage bytes, another
 * program's database), or belongs to another account is <em>moved</em> to
 * {@code store.db.damaged-<UTC timestamp>} together with its {@code -wal} and {@code -shm}
 * files, never deleted, and a fresh store is created in its place. The result says so, so
 * that the app can tell the learner and sync everything again.
 */
public final class StoreOpener {

    /** Files up to this size get the full integrity_check; bigger ones quick_check. */
    public static final long FULL_CHECK_MAX_BYTES = 64L * 1024 * 1024;

    private static final Logger LOG = LoggerFactory.getLogger(StoreOpener.class);
    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final List<String> COMPANION_SUFFIXES = List.of("-wal", "-shm", "-journal");
    private static final int MAX_REPORTED_PROBLEMS = 5;

    private final Clock clock;

    /** @param clock gives the timestamp in the name of a moved-aside file */
    public StoreOpener(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Opens the store of {@code accountId} under {@code accountsDir} (see
     * {@link AccountStorePaths}) and binds a new file to that account. A file already bound to
     * another account is treated as unusable.
     */
    public OpenResult openForAccount(Path accountsDir, String accountId) {
        Objects.requireNonNull(accountId, "accountId");
        return open(AccountStorePaths.storeFile(accountsDir, accountId), accountId);
    }

    /** Opens {@code storeFile} without binding it to an account (tools and tests). */
    public OpenResult open(Path storeFile) {
        return open(storeFile, null);
    }

    private OpenResult open(Path storeFile, String accountId) {
        Path file = storeFile.toAbsolutePath().normalize();
        Optional<String> damage = closedCleanly(file) ? Optional.empty() : check(file);
        if (damage.isEmpty()) {
            LocalStore store = null;
            try {
                store = LocalStore.open(file);
                Optional<String> wrongOwner = bindAccount(store, accountId);
                if (wrongOwner.isEmpty()) {
                    return OpenResult.healthy(store);
                }
                damage = wrongOwner;
            } catch (StoreException e) {
                damage = Optional.of("cannot be opened: " + rootMessage(e));
            }
            if (store != null) {
                store.close();
            }
        }
        Path movedTo = moveAside(file);
        LOG.warn("Local store {} is unusable ({}); moved to {} and starting a fresh one", file, damage.get(), movedTo);
        LocalStore fresh = LocalStore.open(file);
        try {
            bindAccount(fresh, accountId).ifPresent(problem -> {
                throw new StoreException("Fresh store " + file + " refused: " + problem);
            });
        } catch (RuntimeException e) {
            fresh.close();
            throw e;
        }
        return new OpenResult(fresh, true, movedTo, damage.get());
    }

    /**
     * Whether the last session closed {@code file} cleanly and nothing has changed it since
     * (the mark {@link LocalStore#close()} leaves matches the file). Consumes the mark before
     * the file is used, so that a session ending in a crash leaves the next start a check.
     */
    static boolean closedCleanly(Path file) {
        Path mark = LocalStore.cleanCloseMark(file);
        String recorded;
        try {
            if (!Files.exists(mark)) {
                return false;
            }
            recorded = Files.readString(mark, StandardCharsets.UTF_8);
            Files.delete(mark);
        } catch (IOException e) {
            LOG.debug("Cannot read or remove {}; checking the store", mark, e);
            return false;
        }
        return LocalStore.fingerprint(file).map(recorded::equals).orElse(false);
    }

    /** Empty when the file is missing, empty or passes the check; otherwise why it fails. */
    private Optional<String> check(Path file) {
        try {
            if (!Files.exists(file) || Files.size(file) == 0) {
                return Optional.empty();
            }
            String pragma = Files.size(file) <= FULL_CHECK_MAX_BYTES ? "integrity_check" : "quick_check";
            // Read-only: a read-write connection to a damaged file may "recover" it on close,
            // e.g. delete a -wal file it could not make sense of, and those bytes are the
            // learner's.
            SQLiteConfig readOnly = new SQLiteConfig();
            readOnly.setReadOnly(true);
            try (Connection connection = DriverManager.getConnection(LocalStore.jdbcUrl(file), readOnly.toProperties());
                 Statement statement = connection.createStatement();
                 ResultSet rs = statement.executeQuery("PRAGMA " + pragma + "(" + MAX_REPORTED_PROBLEMS + ")")) {
                List<String> problems = new ArrayList<>();
                while (rs.next()) {
                    problems.add(rs.getString(1));
                }
                if (problems.equals(List.of("ok"))) {
                    return Optional.empty();
                }
                return Optional.of(pragma + " failed: " + String.join("; ", problems));
            }
        } catch (SQLException e) {
            return Optional.of("cannot be read: " + e.getMessage());
        } catch (IOException e) {
            throw new StoreException("Cannot inspect " + file + ": " + e.getMessage(), e);
        }
    }

    private static Optional<String> bindAccount(LocalStore store, String accountId) {
        if (accountId == null) {
            return Optional.empty();
        }
        String owner = store.write(connection -> {
            String current;
            try (Statement statement = connection.createStatement();
                 ResultSet rs = statement.executeQuery("SELECT account_id FROM store_info WHERE id = 1")) {
                current = rs.next() ? rs.getString(1) : null;
            }
            if (current == null) {
                try (PreparedStatement update = connection.prepareStatement(
                        "UPDATE store_info SET account_id = ? WHERE id = 1")) {
                    update.setString(1, accountId);
                    update.executeUpdate();
                }
                return accountId;
            }
            return current;
        });
        return owner.equals(accountId) ? Optional.empty()
                : Optional.of("belongs to another account");
    }

    private Path moveAside(Path file) {
        String base = file.getFileName() + ".damaged-" + STAMP.format(clock.instant());
        Path target = file.resolveSibling(base);
        for (int n = 2; isTaken(file, target); n++) {
            target = file.resolveSibling(base + "-" + n);
        }
        try {
            if (Files.exists(file)) {
                Files.move(file, target);
            }
            for (String suffix : COMPANION_SUFFIXES) {
                Path companion = file.resolveSibling(file.getFileName() + suffix);
                if (Files.exists(companion)) {
                    Files.move(companion, sibling(file, target, suffix));
                }
            }
            return target;
        } catch (IOException e) {
            throw new StoreException("Cannot move the damaged store " + file + " aside: " + e.getMessage(), e);
        }
    }

    /** {@code target + suffix}, so SQLite finds the moved WAL when the copy is opened. */
    private static Path sibling(Path file, Path target, String suffix) {
        return file.resolveSibling(target.getFileName() + suffix);
    }

    private static boolean isTaken(Path file, Path target) {
        return Files.exists(target)
                || COMPANION_SUFFIXES.stream().anyMatch(suffix -> Files.exists(sibling(file, target, suffix)));
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.toString() : root.getMessage();
    }
}
