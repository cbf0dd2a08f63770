package org.accord.api;

/**
 * A request the caller's roles allow as an operation but not for what it names (an integrator
 * evaluating a version never published): a 403 whose problem names the field and why.
 */
final class ForbiddenException extends RuntimeException {

    private final String pointer;

    ForbiddenException(String pointer, String detail) {
        super(detail);
        this.pointer = pointer;
    }

    String pointer() {
        return pointer;
    }
}
