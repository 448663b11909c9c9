package com.coursedesk.platform.credentials;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;

/**
 * The fallback where no OS credential store answers (a headless Linux box): one file per
 * account that only the user can read (mode 600 in a 700 directory), written atomically.
 */
public final class UserOnlyFileCredentialStore implements CredentialStore {

    private static final Set<PosixFilePermission> OWNER_FILE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> OWNER_DIR = PosixFilePermissions.fromString("rwx------");

    private final Path directory;
    private final boolean posix;

    public UserOnlyFileCredentialStore(Path directory) {
        this.directory = directory;
        this.posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }

    @Override
    public Optional<String> read(String accountId) {
        Path file = fileFor(accountId);
        try {
            return Files.exists(file) ? Optional.of(Files.readString(file, StandardCharsets.UTF_8).trim())
                    : Optional.empty();
        } catch (IOException e) {
            throw new CredentialStoreException("Cannot read the saved sign-in", e);
        }
    }

    @Override
    public void write(String accountId, String secret) {
        try {
            if (!Files.isDirectory(directory)) {
                if (posix) {
                    Files.createDirectories(directory, PosixFilePermissions.asFileAttribute(OWNER_DIR));
                } else {
                    Files.createDirectories(directory);
                }
            }
            Path tmp = posix
                    ? Files.createTempFile(directory, "token", ".tmp", PosixFilePermissions.asFileAttribute(OWNER_FILE))
                    : Files.createTempFile(directory, "token", ".tmp");
            Files.writeString(tmp, secret, StandardCharsets.UTF_8);
            try {
                Files.move(tmp, fileFor(accountId), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, fileFor(accountId), StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new CredentialStoreException("Cannot save the sign-in", e);
        }
    }

    @Override
    public void delete(String accountId) {
        try {
            Files.deleteIfExists(fileFor(accountId));
        } catch (IOException e) {
            throw new CredentialStoreException("Cannot remove the saved sign-in", e);
        }
    }

    /** Hex of the id, so any opaque account id is a safe, distinct file name. */
    private Path fileFor(String accountId) {
        return directory.resolve(HexFormat.of().formatHex(accountId.getBytes(StandardCharsets.UTF_8)) + ".token");
    }

    @Override
    public String description() {
        return "file readable only by you (" + directory + "); no system credential store was available";
    }

    @Override
    public boolean isOperatingSystemStore() {
        return false;
    }
}
