package org.accord.io;

/**
 * A client-given text (a request id, a key's name) made safe to show in a log line or a report:
 * control characters and the bidirectional overrides and isolates that can make a line read
 * differently from what it holds (CVE-2021-42574) are removed. The stored value stays as given.
 */
public final class Displayed {

    private Displayed() {
    }

    public static String text(String given) {
        if (given == null) {
            return null;
        }
        StringBuilder shown = new StringBuilder(given.length());
        given.codePoints().filter(c -> !hidden(c)).forEach(shown::appendCodePoint);
        return shown.toString();
    }

    private static boolean hidden(int c) {
        return Character.getType(c) == Character.CONTROL
                || c == 0x061C || c == 0x200E || c == 0x200F      // Arabic letter mark, LRM, RLM
                || (c >= 0x202A && c <= 0x202E)                   // embeddings and overrides
                || (c >= 0x2066 && c <= 0x2069)                   // isolates
                || c == 0x2028 || c == 0x2029;                    // line and paragraph separators
    }
}
