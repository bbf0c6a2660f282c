package dev.orderflow.sandbox.bench;

import java.io.PrintStream;
import java.util.Locale;

/** The progress display: one line per phase, a live status line on a terminal (a line every few seconds otherwise). */
final class BenchProgress {
    private static final long PLAIN_INTERVAL_NANOS = 5_000_000_000L;
    private final PrintStream out;
    private final boolean terminal;
    private final int phases;
    private final long begin = System.nanoTime();
    private long lastPrinted;
    private int lastLength;

    BenchProgress(PrintStream out, boolean terminal, int phases) {
        this.out = out;
        this.terminal = terminal;
        this.phases = phases;
    }

    synchronized void phase(int number, String name) {
        clear();
        out.printf(Locale.ROOT, "[%d/%d %s] %s%n", number, phases, elapsed(), name);
    }

    synchronized void status(String text) {
        long now = System.nanoTime();
        if (terminal) {
            String line = "    " + text;
            out.print("\r" + line + " ".repeat(Math.max(0, lastLength - line.length())));
            out.flush();
            lastLength = line.length();
        } else if (now - lastPrinted >= PLAIN_INTERVAL_NANOS) {
            out.println("    " + text);
            lastPrinted = now;
        }
    }

    synchronized void result(String text) {
        clear();
        out.println("    => " + text);
    }

    private void clear() {
        if (terminal && lastLength > 0) {
            out.print("\r" + " ".repeat(lastLength) + "\r");
            lastLength = 0;
        }
    }

    private String elapsed() {
        long seconds = (System.nanoTime() - begin) / 1_000_000_000;
        return String.format(Locale.ROOT, "%d:%02d", seconds / 60, seconds % 60);
    }
}
