package org.accord.testing;

/**
 * The API keys that the tests' configuration (src/test/resources/config/application.properties)
 * lists by hash; production has none of them.
 */
public final class TestKeys {

    public static final String HEADER = "X-API-Key";
    public static final String EVERY_ROLE = "accord-test-every-role";
    public static final String EXPIRED = "accord-test-expired";

    private TestKeys() {
    }

    /** The key holding only this role ({@code negotiator}, {@code integrator}, {@code reviewer}, {@code admin}). */
    public static String only(String role) {
        return "accord-test-" + role;
    }
}
