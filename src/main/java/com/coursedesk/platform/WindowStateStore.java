package com.coursedesk.platform;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.function.UnaryOperator;

/**
 * Keeps the {@link WindowState} in a small properties file in the settings folder.
 *
 * <p>Writes go to a temporary file in the same folder that is then moved over the old one,
 * so a crash or a full disk mid-write leaves the previous settings intact instead of a
 * half-written file. Reading never fails the app: a missing, unreadable or partly invalid
 * file gives defaults for whatever could not be read (and a line in the log).
 */
public final class WindowStateStore {

    /** File name inside {@link AppDirectories#settingsDir()}. */
    public static final String FILE_NAME = "window.properties";

    private static final Logger LOG = LoggerFactory.getLogger(WindowStateStore.class);

    private static final String X = "window.x";
    private static final String Y = "window.y";
    private static final String WIDTH = "window.width";
    private static final String HEIGHT = "window.height";
    private static final String MAXIMIZED = "window.maximized";
    private static final String THEME = "theme";

    private final Path file;

    public WindowStateStore(Path file) {
        this.file = Objects.requireNonNull(file, "file").toAbsolutePath();
    }

    /** The store in the app's settings folder. */
    public static WindowStateStore in(AppDirectories directories) {
        return new WindowStateStore(directories.settingsDir().resolve(FILE_NAME));
    }

    public Path file() {
        return file;
    }

    /** The saved state, or {@link WindowState#DEFAULT} parts for what is missing or invalid. */
    public synchronized WindowState load() {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (NoSuchFileException e) {
            return WindowState.DEFAULT;
        } catch (IOException | IllegalArgumentException e) {
            LOG.warn("Could not read window settings {}; using defaults: {}", file, e.toString());
            return WindowState.DEFAULT;
        }
        return new WindowState(readBounds(properties), readTheme(properties));
    }

    /** Writes {@code state}, replacing the file atomically. */
    public synchronized void save(WindowState state) throws IOException {
        Objects.requireNonNull(state, "state");
        writeAtomically(render(state));
    }

    /**
     * Loads, changes and saves in one step, so that the theme and the window position, saved
     * at different moments, never overwrite each other. A failure to write is logged, not
     * thrown: losing a window position is not worth interrupting the learner.
     *
     * @return whether the new state was written
     */
    public synchronized boolean update(UnaryOperator<WindowState> change) {
        WindowState next = change.apply(load());
        try {
            save(next);
            return true;
        } catch (IOException e) {
            LOG.warn("Could not save window settings to {}: {}", file, e.toString());
            return false;
        }
    }

    private Optional<WindowBounds> readBounds(Properties properties) {
        String[] keys = {X, Y, WIDTH, HEIGHT};
        double[] values = new double[keys.length];
        for (int i = 0; i < keys.length; i++) {
            String raw = properties.getProperty(keys[i]);
            if (raw == null) {
                return Optional.empty();
            }
            try {
                values[i] = Double.parseDouble(raw.strip());
            } catch (NumberFormatException e) {
                LOG.warn("Ignoring saved window position: {} is not a number ({})", keys[i], raw);
                return Optional.empty();
            }
        }
        boolean maximized = Boolean.parseBoolean(properties.getProperty(MAXIMIZED, "false").strip());
        try {
            return Optional.of(new WindowBounds(values[0], values[1], values[2], values[3], maximized));
        } catch (IllegalArgumentException e) {
            LOG.warn("Ignoring saved window position: {}", e.getMessage());
            return Optional.empty();
        }
    }

    private ThemeChoice readTheme(Properties properties) {
        String raw = properties.getProperty(THEME);
        if (raw == null) {
            return WindowState.DEFAULT.theme();
        }
        try {
            return ThemeChoice.valueOf(raw.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            LOG.warn("Ignoring unknown saved theme '{}'", raw);
            return WindowState.DEFAULT.theme();
        }
    }

    private static String render(WindowState state) {
        StringBuilder text = new StringBuilder("# CourseDesk window settings, rewritten when the window closes\n");
        text.append(THEME).append('=').append(state.theme().name()).append('\n');
        state.bounds().ifPresent(b -> {
            text.append(X).append('=').append(b.x()).append('\n');
            text.append(Y).append('=').append(b.y()).append('\n');
            text.append(WIDTH).append('=').append(b.width()).append('\n');
            text.append(HEIGHT).append('=').append(b.height()).append('\n');
            text.append(MAXIMIZED).append('=').append(b.maximized()).append('\n');
        });
        return text.toString();
    }

    private void writeAtomically(String content) throws IOException {
        Path dir = file.getParent();
        Files.createDirectories(dir);
        Path temp = Files.createTempFile(dir, FILE_NAME, ".tmp");
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer bytes = ByteBuffer.wrap(content.getBytes(StandardCharsets.UTF_8));
                while (bytes.hasRemaining()) {
                    channel.write(bytes);
                }
                // On disk before the rename, or a power cut could leave an empty file behind it.
                channel.force(true);
            }
            try {
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
