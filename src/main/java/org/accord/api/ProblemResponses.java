package org.accord.api;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.accord.api.generated.model.InputProblem;
import org.accord.api.generated.model.ProblemDetail;
import org.accord.engine.DecisionTables;
import org.accord.io.JsonProblems;
import org.accord.jobs.Jobs;
import org.accord.jobs.TimeBudget;
import org.accord.store.RunStore;
import org.accord.validation.Decimals;
import org.accord.validation.InvalidInputException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.validation.method.MethodValidationException;
import org.springframework.validation.method.ParameterValidationResult;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * Every error becomes an RFC 9457 problem ({@code application/problem+json}): Spring MVC's own
 * (404, 405, 406, 415...) through the base class, bodies that do not match the API document as
 * 400 with a pointer per problem (a field that holds no decimal as 422, as the decimal of an override is),
 * the domain's {@link InvalidInputException} as 422, and anything
 * unexpected as a 500 that says nothing of the server's insides.
 */
@RestControllerAdvice
class ProblemResponses extends ResponseEntityExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(ProblemResponses.class);

    @ExceptionHandler(InvalidInputException.class)
    ResponseEntity<Object> invalidInput(InvalidInputException e, WebRequest request) {
        List<InputProblem> errors = e.problems().stream().map(p -> Problems.atPointer(p.pointer(), p.reason())).toList();
        return Problems.response(Problems.ofInput(HttpStatus.UNPROCESSABLE_CONTENT, Problems.INVALID_INPUT,
                Problems.INVALID_INPUT_TITLE, errors, path(request)), null);
    }

    @ExceptionHandler(InvalidFileException.class)
    ResponseEntity<Object> invalidFile(InvalidFileException e, WebRequest request) {
        List<InputProblem> errors = e.problems().stream().map(p -> Problems.atLocation(p.pointer(), p.reason())).toList();
        return Problems.response(Problems.ofInput(HttpStatus.UNPROCESSABLE_CONTENT, Problems.INVALID_INPUT,
                Problems.INVALID_INPUT_TITLE, errors, path(request)), null);
    }

    @ExceptionHandler(InvalidRequestException.class)
    ResponseEntity<Object> invalidRequest(InvalidRequestException e, WebRequest request) {
        return badRequest(e.problems(), request);
    }

    @ExceptionHandler(PublishedTemplates.IdTaken.class)
    ResponseEntity<Object> idTaken(PublishedTemplates.IdTaken e, WebRequest request) {
        return Problems.response(Problems.of(HttpStatus.CONFLICT, e.getMessage(), path(request)), null);
    }

    /** Heavy work that ran past the request's budget was stopped, nothing stored: the job form is the way. */
    @ExceptionHandler(TimeBudget.Exceeded.class)
    ResponseEntity<Object> outOfTime(TimeBudget.Exceeded e, WebRequest request) {
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.RETRY_AFTER, "1");
        ProblemDetail problem = new ProblemDetail(Problems.TIME_BUDGET, "The request ran out of time", 503)
                .detail("the work did not finish within the request's time budget of " + TimeBudget.seconds(e.budget())
                        + "; send it as a job: POST /api/v1/jobs with this request under its name ({\"simulate\": ...})")
                .instance(path(request))
                .errors(null);
        return Problems.response(problem, headers);
    }

    @ExceptionHandler(Jobs.QueueFull.class)
    ResponseEntity<Object> queueFull(Jobs.QueueFull e, WebRequest request) {
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.RETRY_AFTER, "5");
        return Problems.response(Problems.of(HttpStatus.TOO_MANY_REQUESTS, e.getMessage() + "; try again in 5 s", path(request)), headers);
    }

    @ExceptionHandler(Jobs.CallerAtLimit.class)
    ResponseEntity<Object> callerAtLimit(Jobs.CallerAtLimit e, WebRequest request) {
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.RETRY_AFTER, "5");
        return Problems.response(Problems.of(HttpStatus.TOO_MANY_REQUESTS, e.getMessage() + "; try again when one has finished",
                path(request)), headers);
    }

    @ExceptionHandler(Jobs.NotAccepting.class)
    ResponseEntity<Object> notAccepting(Jobs.NotAccepting e, WebRequest request) {
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.RETRY_AFTER, "30");
        return Problems.response(Problems.of(HttpStatus.SERVICE_UNAVAILABLE, e.getMessage(), path(request)), headers);
    }

    /**
     * An uploaded decision table gave no answer for the inputs it was asked about, or one no
     * settlement can use: the table's mistake, not the server's, so it is named (the table, and the
     * inputs or the output and value) and logged without a stack trace. Its one error points at the
     * field of the request that brought the table in (the contract's template or stored version).
     */
    @ExceptionHandler(DecisionTables.TableMistake.class)
    ResponseEntity<Object> tableMistake(DecisionTables.TableMistake e, WebRequest request) {
        LOG.warn("request {}: {}", path(request), e.getMessage());
        ProblemDetail problem = new ProblemDetail(Problems.DECISION_TABLE, Problems.DECISION_TABLE_TITLE, HttpStatus.UNPROCESSABLE_CONTENT.value())
                .detail(e.getMessage())
                .instance(path(request))
                .errors(e.problem().map(p -> List.of(Problems.atPointer(p.pointer(), p.reason()))).orElse(null));
        return Problems.response(problem, null);
    }

    @ExceptionHandler(ConflictException.class)
    ResponseEntity<Object> conflict(ConflictException e, WebRequest request) {
        return Problems.response(Problems.of(HttpStatus.CONFLICT, e.getMessage(), path(request)), null);
    }

    @ExceptionHandler(ForbiddenException.class)
    ResponseEntity<Object> forbidden(ForbiddenException e, WebRequest request) {
        return Problems.response(Problems.of(HttpStatus.FORBIDDEN, e.getMessage(), path(request))
                .errors(List.of(Problems.atPointer(e.pointer(), e.getMessage()))), null);
    }

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<Object> notFound(NotFoundException e, WebRequest request) {
        return Problems.response(Problems.of(HttpStatus.NOT_FOUND, e.getMessage(), path(request)), null);
    }

    /** Constraints on path parameters, checked by method validation around the controller. */
    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<Object> constraintViolation(ConstraintViolationException e, WebRequest request) {
        List<InputProblem> errors = new ArrayList<>();
        for (ConstraintViolation<?> violation : e.getConstraintViolations()) {
            String parameter = null;
            for (Path.Node node : violation.getPropertyPath()) {
                if (node.getKind() == ElementKind.PARAMETER) {
                    parameter = node.getName();
                }
            }
            errors.add(Problems.atParameter(parameter, violation.getMessage()));
        }
        return badRequest(errors, request);
    }

    @ExceptionHandler(RequestSizeLimit.RequestBodyTooLarge.class)
    ResponseEntity<Object> tooLarge(RequestSizeLimit.RequestBodyTooLarge e, WebRequest request) {
        return Problems.response(Problems.of(HttpStatus.CONTENT_TOO_LARGE, e.getMessage(), path(request)), null);
    }

    /** A stored run damaged in the store: the server's fault, not the caller's, said so that an operator can restore it. */
    @ExceptionHandler(RunStore.DamagedRun.class)
    ResponseEntity<Object> damagedRun(RunStore.DamagedRun e, WebRequest request) {
        LOG.error("request {}: {}", path(request), e.getMessage(), e);
        return Problems.response(Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, e.getMessage(), path(request)), null);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception e, WebRequest request) {
        LOG.error("request {} failed", path(request), e);
        return Problems.response(Problems.of(HttpStatus.INTERNAL_SERVER_ERROR,
                "the server failed to answer this request; the failure is logged", path(request)), null);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        JacksonException jackson = null;
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof RequestSizeLimit.RequestBodyTooLarge tooLarge) {
                return tooLarge(tooLarge, request);
            }
            if (cause instanceof WellFormedJsonText.IllFormedUtf8 illFormed) {
                return badRequest(List.of(Problems.atPointer("", illFormed.getMessage())), request);
            }
            if (jackson == null && cause instanceof JacksonException found) {
                jackson = found;
            }
        }
        if (jackson instanceof MismatchedInputException mismatch && mismatch.getTargetType() == BigDecimal.class) {
            // A well-formed body whose field holds no decimal: the value is refused (422), as an override's or a CSV cell's
            // is, not the document (400), so a client reads one status for one kind of problem wherever the decimal was sent.
            List<InputProblem> errors = List.of(Problems.atPointer(JsonProblems.pointer(jackson), JsonProblems.reason(jackson)));
            return Problems.response(Problems.ofInput(HttpStatus.UNPROCESSABLE_CONTENT, Problems.INVALID_INPUT,
                    Problems.INVALID_INPUT_TITLE, errors, path(request)), null);
        }
        return jackson != null
                ? badRequest(List.of(Problems.atPointer(JsonProblems.pointer(jackson), JsonProblems.reason(jackson))), request)
                : badRequest(List.of(Problems.atPointer("", "a " + (csvBody(request) ? "CSV" : "JSON") + " body is required")), request);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        List<InputProblem> errors = new ArrayList<>();
        for (FieldError error : e.getBindingResult().getFieldErrors()) {
            errors.add(Problems.atPointer(pointer(error.getField()), reason(error)));
        }
        e.getBindingResult().getGlobalErrors().forEach(error -> errors.add(Problems.atPointer("", error.getDefaultMessage())));
        return badRequest(errors, request);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return badRequest(parameterProblems(e.getParameterValidationResults()), request);
    }

    @Override
    protected ResponseEntity<Object> handleMethodValidationException(MethodValidationException e, HttpHeaders headers,
            HttpStatus status, WebRequest request) {
        return badRequest(parameterProblems(e.getParameterValidationResults()), request);
    }

    /** A parameter that is not of its type ("yesterday" for a date and time): named, as one out of its bounds is. */
    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException e, HttpHeaders headers, HttpStatusCode status,
            WebRequest request) {
        String parameter = e instanceof MethodArgumentTypeMismatchException argument ? argument.getName() : e.getPropertyName();
        String expected = e.getRequiredType() == null ? "not of the parameter's type" : JsonProblems.expected(e.getRequiredType());
        return badRequest(List.of(Problems.atParameter(parameter,
                expected + ", got '" + Decimals.abbreviate(String.valueOf(e.getValue())) + "'")), request);
    }

    /** Spring MVC's own errors (404, 405, 406, 415, ...): same status, our problem shape. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception e, Object body, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        String detail = body instanceof org.springframework.http.ProblemDetail spring && spring.getDetail() != null
                ? spring.getDetail() : e.getMessage();
        return Problems.response(Problems.of(status, detail, path(request)), headers);
    }

    private static List<InputProblem> parameterProblems(List<ParameterValidationResult> results) {
        List<InputProblem> errors = new ArrayList<>();
        for (ParameterValidationResult result : results) {
            result.getResolvableErrors().forEach(error ->
                    errors.add(Problems.atParameter(result.getMethodParameter().getParameterName(), error.getDefaultMessage())));
        }
        return errors;
    }

    private static ResponseEntity<Object> badRequest(List<InputProblem> errors, WebRequest request) {
        List<InputProblem> sorted = errors.stream()
                .sorted(Comparator.comparing((InputProblem p) -> String.valueOf(p.getPointer()))
                        .thenComparing(p -> String.valueOf(p.getParameter()))
                        .thenComparing(InputProblem::getReason))
                .toList();
        return Problems.response(Problems.ofInput(HttpStatus.BAD_REQUEST, Problems.INVALID_REQUEST,
                Problems.INVALID_REQUEST_TITLE, sorted, path(request)), null);
    }

    /** A JSON pointer from a bean property path: {@code facts.practices[2].memberMonths} → {@code /facts/practices/2/memberMonths}. */
    static String pointer(String propertyPath) {
        StringBuilder out = new StringBuilder();
        for (String part : propertyPath.replace("[", ".").replace("]", "").split("\\.")) {
            if (!part.isEmpty()) {
                out.append('/').append(Problems.token(part));
            }
        }
        return out.toString();
    }

    private static String reason(FieldError error) {
        if ("NotNull".equals(error.getCode())) {
            return "is required";
        }
        if ("Size".equals(error.getCode()) && error.getRejectedValue() instanceof java.util.Collection<?> items && items.isEmpty()) {
            return "must not be empty";
        }
        Object rejected = error.getRejectedValue();
        boolean scalar = rejected instanceof Number || rejected instanceof String || rejected instanceof Boolean;
        return error.getDefaultMessage() + (scalar ? " (was " + (rejected instanceof java.math.BigDecimal d ? d.toPlainString() : rejected) + ")" : "");
    }

    private static boolean csvBody(WebRequest request) {
        String type = request.getHeader("Content-Type");
        return type != null && type.toLowerCase(java.util.Locale.ROOT).startsWith("text/csv");
    }

    private static String path(WebRequest request) {
        return request instanceof ServletWebRequest servlet ? servlet.getRequest().getRequestURI() : null;
    }
}
