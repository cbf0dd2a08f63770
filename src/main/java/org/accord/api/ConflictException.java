package org.accord.api;

/** The resource is not in a state that allows the request (a job without a result yet): a 409. */
final class ConflictException extends RuntimeException {

    ConflictException(String detail) {
        super(detail);
    }
}
