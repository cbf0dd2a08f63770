package org.accord.engine;

/**
 * Identifies one evaluation among the many a batch session holds: every session fact carries
 * the evaluation it belongs to, and rules join on it. Equality is identity.
 */
public final class Evaluation {

    private final int index;

    Evaluation(int index) {
        this.index = index;
    }

    public int getIndex() {
        return index;
    }

    @Override
    public String toString() {
        return "evaluation " + index;
    }
}
