package dev.orderflow.web;

import java.util.Optional;

/**
 * The one rule for text a client sends (JSON strings, path and query parameters, header values):
 * no control characters (U+0000–U+001F, U+007F–U+009F) and no lone UTF-16 surrogates. PostgreSQL
 * refuses U+0000 in text (the request would end in a 500), a lone surrogate cannot be encoded as
 * UTF-8 (the driver would store {@code ?} instead), and the others are invisible in every view of
 * an order. Refused before anything is stored, with the field named.
 */
public final class PlainText {
    private PlainText() {}

    /** Why {@code text} is not plain text, e.g. "must not contain control characters (U+0000 at index 3)"; empty if it is. */
    public static Optional<String> violation(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c)) {
                return Optional.of("must not contain control characters (%s at index %d)".formatted(codePoint(c), i));
            }
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++; // a valid pair: one supplementary character
            } else if (Character.isSurrogate(c)) {
                return Optional.of("must not contain a lone UTF-16 surrogate (%s at index %d)".formatted(codePoint(c), i));
            }
        }
        return Optional.empty();
    }

    private static String codePoint(char c) {
        return "U+%04X".formatted((int) c);
    }
}
