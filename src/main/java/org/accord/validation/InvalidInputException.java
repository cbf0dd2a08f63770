package org.accord.validation;

import java.util.List;
import java.util.stream.Collectors;

/** Input that cannot be evaluated, with every problem found (not just the first). */
public class InvalidInputException extends RuntimeException {

    private final List<InputProblem> problems;

    public InvalidInputException(List<InputProblem> problems) {
        super(problems.stream().map(p -> p.pointer() + ": " + p.reason()).collect(Collectors.joining("; ")));
        this.problems = List.copyOf(problems);
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
