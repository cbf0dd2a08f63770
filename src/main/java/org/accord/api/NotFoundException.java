package org.accord.api;

/** A template or rule file that does not exist: a 404 whose message becomes the problem's detail. */
final class NotFoundException extends RuntimeException {

    NotFoundException(String detail) {
        super(detail);
    }
}
