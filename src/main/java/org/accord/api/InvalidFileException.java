package org.accord.api;

import java.util.List;
import org.accord.validation.InputProblem;

/**
 * A file sent as the body (a backtest's CSV) that is text, as the API document asks, but cannot
 * be read or evaluated: a 422 whose problems name their place in the file ({@code location}), not
 * a JSON pointer.
 */
final class InvalidFileException extends RuntimeException {

    private final List<InputProblem> problems;

    InvalidFileException(List<InputProblem> problems) {
        super(problems.size() + " problems in the file");
        this.problems = List.copyOf(problems);
    }

    /** Each problem's pointer is its place in the file: "line 3 (ACO_ID A1002), column N_AB", or "header". */
    List<InputProblem> problems() {
        return problems;
    }
}
