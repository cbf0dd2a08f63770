package org.accord.validation;

import java.util.List;
import java.util.OptionalInt;
import java.util.stream.Collectors;

/** Input that cannot be evaluated, with every problem found (not just the first). */
public class InvalidInputException extends RuntimeException {

    private final List<InputProblem> problems;
    // The index of the request in its batch the problems belong to; -1 when not one of a batch.
    private final int request;

    public InvalidInputException(List<InputProblem> problems) {
        this(problems, -1);
    }

    private InvalidInputException(List<InputProblem> problems, int request) {
        super((request < 0 ? "" : "request " + request + " of the batch: ")
                + problems.stream().map(p -> p.pointer() + ": " + p.reason()).collect(Collectors.joining("; ")));
        this.problems = List.copyOf(problems);
        this.request = request;
    }

    /**
     * The same problems, their pointers as they were (relative to the one request), said to be those
     * of the request at this index (from 0) of a batch.
     */
    public InvalidInputException inRequest(int index) {
        InvalidInputException named = new InvalidInputException(problems, index);
        named.initCause(this);
        return named;
    }

    /** The index in its batch of the request these problems belong to, if they were found in a batch. */
    public OptionalInt request() {
        return request < 0 ? OptionalInt.empty() : OptionalInt.of(request);
    }

    public InvalidInputException(String pointer, String reason) {
        this(List.of(new InputProblem(pointer, reason)));
    }

    public List<InputProblem> problems() {
        return problems;
    }

    /** Throws when any problem was found. */
    public static void throwIfAny(List<InputProblem> problems) {
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }
}
