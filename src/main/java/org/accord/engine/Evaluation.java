package org.accord.engine;

import java.util.function.UnaryOperator;
import org.accord.terms.MeasureCatalogue;
import org.accord.terms.Terms;

/**
 * Identifies one evaluation among the many a batch session holds: every session fact carries
 * the evaluation it belongs to, and rules join on it. Equality is identity.
 */
public final class Evaluation {

    private final int index;
    private final UnaryOperator<String> measureDirections;

    /** An evaluation under terms whose template records no measure directions. */
    Evaluation(int index) {
        this(index, measureId -> MeasureCatalogue.direction(MeasureCatalogue.BEFORE_TEMPLATES_CARRIED_THEM, measureId));
    }

    /** An evaluation under these terms: its measures' directions are theirs ({@link Terms#measureDirection}). */
    Evaluation(int index, Terms terms) {
        this(index, terms::measureDirection);
    }

    private Evaluation(int index, UnaryOperator<String> measureDirections) {
        this.index = index;
        this.measureDirections = measureDirections;
    }

    public int getIndex() {
        return index;
    }

    /** Whether a higher or a lower rate of the measure is better under this evaluation's terms. */
    String measureDirection(String measureId) {
        return measureDirections.apply(measureId);
    }

    @Override
    public String toString() {
        return "evaluation " + index;
    }
}
