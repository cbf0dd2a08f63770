package org.accord.engine;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.accord.testing.Engine;

/** The shipped decision tables with one answered by an uploaded table instead, for tests of what its answers do. */
public final class UploadedTables {

    public static final String MINIMUM_SAVINGS_RATE = "Minimum savings rate by assigned population";

    private UploadedTables() {
    }

    /** The shipped tables, with the minimum savings rate answered by this DMN model (checked as an upload is). */
    public static DecisionTables replacingTheMinimumSavingsRate(String dmn) {
        CustomTables custom = new CustomTables();
        CustomDecisionTable checked = custom.add(CustomDecisionTable.check(dmn.getBytes(StandardCharsets.UTF_8)));
        return custom.tablesFor(Engine.service().rules().decisionTables(), Map.of(MINIMUM_SAVINGS_RATE, checked.hash()));
    }
}
