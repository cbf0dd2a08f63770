package org.accord.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
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
        requireReadable(file, option);
        try (InputStream in = Files.newInputStream(file)) {
            byte[] bytes = in.readNBytes(MAX_BYTES + 1);
            if (bytes.length > MAX_BYTES) {
                throw new InvalidInputException(option, file + " is larger than " + MAX_BYTES / (1024 * 1024)
                        + " MiB, the most Accord reads as one input file");
            }
            return bytes;
        } catch (IOException e) {
            throw cannotRead(file, option, e);
        }
    }

    /**
     * Refuses, as bad input at the option that named it, a file that is missing, a folder, or not
     * readable to this process: the person who typed the name can act on it, so it is no failure.
     */
    public static void requireReadable(Path file, String option) {
        if (Files.isDirectory(file)) {
            throw new InvalidInputException(option, "cannot read " + file + ": it is a folder");
        }
        if (!Files.exists(file)) {
            throw new InvalidInputException(option, "cannot read " + file + ": no such file");
        }
        if (!Files.isReadable(file)) {
            throw new InvalidInputException(option, "cannot read " + file + ": permission denied");
        }
    }

    /** A file that failed while it was read, as bad input at the option that named it. */
    public static InvalidInputException cannotRead(Path file, String option, IOException e) {
        return new InvalidInputException(option, "cannot read " + file + ": " + why(e));
    }

    /** An output file that cannot be written, as bad input at the option that named it. */
    public static InvalidInputException cannotWrite(Path file, String option, IOException e) {
        return new InvalidInputException(option, "cannot write " + file + ": " + why(e));
    }

    private static String why(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "no such file or folder";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof FileSystemException fileSystem && fileSystem.getReason() != null) {
            return fileSystem.getReason();
        }
        return String.valueOf(e.getMessage());
    }
}
