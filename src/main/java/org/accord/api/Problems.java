package org.accord.api;

import java.util.List;
import org.accord.api.generated.model.InputProblem;
import org.accord.api.generated.model.ProblemDetail;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** RFC 9457 problems as the API document describes them ({@code ProblemDetail}), and their responses. */
final class Problems {

    static final MediaType PROBLEM_JSON = MediaType.APPLICATION_PROBLEM_JSON;

    /** The body does not match the API document. */
    static final String INVALID_REQUEST = "urn:accord:problem:invalid-request";
    static final String INVALID_REQUEST_TITLE = "The request does not match the API document";

    /** The body matches the document but cannot be evaluated. */
    static final String INVALID_INPUT = "urn:accord:problem:invalid-input";
    static final String INVALID_INPUT_TITLE = "The input cannot be evaluated";
    /** An uploaded decision table the contract's template names gave no answer, or one no settlement can use, for the request's facts. */
    static final String DECISION_TABLE = "urn:accord:problem:decision-table";
    static final String DECISION_TABLE_TITLE = "An uploaded decision table could not answer for these facts";
    /** Work that ran past the request's time budget. */
    static final String TIME_BUDGET = "urn:accord:problem:time-budget";

    private Problems() {
    }

    /** A problem that the status says all about ({@code about:blank}, titled with the status phrase). */
    static ProblemDetail of(HttpStatusCode status, String detail, String instance) {
        HttpStatus known = HttpStatus.resolve(status.value());
        return new ProblemDetail("about:blank", known != null ? known.getReasonPhrase() : "Error", status.value())
                .detail(detail)
                .instance(instance)
                .errors(null);
    }

    /** A problem with the request's input, listing each problem with its pointer or parameter. */
    static ProblemDetail ofInput(HttpStatus status, String type, String title, List<InputProblem> errors, String instance) {
        return new ProblemDetail(type, title, status.value())
                .detail(errors.size() == 1 ? "1 problem in the request" : errors.size() + " problems in the request")
                .instance(instance)
                .errors(errors);
    }

    static InputProblem atPointer(String pointer, String reason) {
        return new InputProblem(reason).pointer(pointer);
    }

    /** A problem at a place in a body that is not JSON (a CSV file's line and column). */
    static InputProblem atLocation(String location, String reason) {
        return new InputProblem(reason).location(location);
    }

    static InputProblem atParameter(String parameter, String reason) {
        return new InputProblem(reason).parameter(parameter);
    }

    static ResponseEntity<Object> response(ProblemDetail problem, HttpHeaders headers) {
        HttpHeaders out = new HttpHeaders();
        if (headers != null) {
            out.putAll(headers);
        }
        out.setContentType(PROBLEM_JSON);
        return new ResponseEntity<>(problem, out, HttpStatusCode.valueOf(problem.getStatus()));
    }

    /** A JSON pointer (RFC 6901) token: '~' and '/' escaped. */
    static String token(String name) {
        return name.replace("~", "~0").replace("/", "~1");
    }
}
