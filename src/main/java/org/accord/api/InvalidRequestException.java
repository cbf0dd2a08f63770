package org.accord.api;

import java.util.List;
import org.accord.api.generated.model.InputProblem;

/** A request that does not match the API document, found at the edge after the body was read: a 400. */
final class InvalidRequestException extends RuntimeException {

    private final List<InputProblem> problems;

    InvalidRequestException(List<InputProblem> problems) {
        super(problems.size() + " problems in the request");
        this.problems = List.copyOf(problems);
    }

    List<InputProblem> problems() {
        return problems;
    }
}
