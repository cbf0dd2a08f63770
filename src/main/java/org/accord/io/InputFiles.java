package org.accord.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.accord.validation.InvalidInputException;

/**
 * Reads an input file whole, up to {@value #MAX_BYTES} bytes (64 MiB): far above any IPA's facts
 * (500 practices take about 200 KB), and low enough that {@code --facts /dev/zero} or a mistaken
 * multi-gigabyte file stops with a message instead of exhausting memory.
 */
public final class InputFiles {

    public static final int MAX_BYTES = 64 * 1024 * 1024;

    private InputFiles() {
    }

    /**
     * @param file   the file to read; its size is not trusted (a device or a pipe reports 0)
     * @param option the command-line option that named it, reported as the problem's place
     */
    public static byte[] read(Path file, String option) {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] bytes = in.readNBytes(MAX_BYTES + 1);
            if (bytes.length > MAX_BYTES) {
                throw new InvalidInputException(option, file + " is larger than " + MAX_BYTES / (1024 * 1024)
                        + " MiB, the most Accord reads as one input file");
            }
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
