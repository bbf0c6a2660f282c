package dev.orderflow.sandbox.chaos.history;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * The append-only record of a chaos run, kept in memory for the checker and written line by line
 * (JSON lines) to a file, so a run that dies still leaves what happened up to that point.
 */
public final class History implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<HistoryEntry> entries = new ArrayList<>();
    private final LongSupplier clock;
    private final BufferedWriter file;

    private History(LongSupplier clock, BufferedWriter file) {
        this.clock = clock;
        this.file = file;
    }

    /** A history whose clock starts now, written to {@code file} (null: memory only). */
    public static History startingNow(Path file) {
        long start = System.nanoTime();
        LongSupplier clock = () -> (System.nanoTime() - start) / 1_000_000;
        if (file == null) {
            return new History(clock, null);
        }
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            return new History(clock, Files.newBufferedWriter(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the history to " + file, e);
        }
    }

    /** A hand-made history (tests, or one read back from a file). */
    public static History of(List<HistoryEntry> entries) {
        History history = new History(() -> 0, null);
        history.entries.addAll(entries);
        return history;
    }

    public static History read(Path file) {
        try {
            List<HistoryEntry> entries = new ArrayList<>();
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (!line.isBlank()) {
                    entries.add(JSON.readValue(line, HistoryEntry.class));
                }
            }
            return of(entries);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the history " + file, e);
        }
    }

    public long now() {
        return clock.getAsLong();
    }

    public HistoryEntry record(String process, HistoryEntry.Type type, String op, String key, String orderId, String value) {
        HistoryEntry entry = new HistoryEntry(now(), process, type, op, key, orderId, value);
        synchronized (entries) {
            entries.add(entry);
            if (file != null) {
                try {
                    file.write(JSON.writeValueAsString(entry));
                    file.newLine();
                    file.flush();
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot append to the history", e);
                }
            }
        }
        return entry;
    }

    public List<HistoryEntry> entries() {
        synchronized (entries) {
            return List.copyOf(entries);
        }
    }

    @Override
    public void close() {
        if (file != null) {
            try {
                file.close();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot close the history", e);
            }
        }
    }
}
