package org.accord.facts;

/**
 * The upper bound of every count in the facts, declared once: the validator refuses a count above
 * its bound naming the field, the API document states the same bound as its {@code maximum} (a test
 * compares them), and the engine relies on it.
 *
 * <p>Why these numbers. A member practice of an IPA with 400,000 attributed members would be larger
 * than most whole ACOs, and an IPA of 5,000 practices larger than any we know of; so the IPA-wide
 * sums of members and of measure counts stay at most 5,000 x 400,000 = 2,000,000,000, below
 * 2,147,483,647, and fit even an {@code int}. Member months (12 a member) and service counts (100 a
 * member) can pass that, so the engine sums every count in {@code long}: the largest sum,
 * 5,000 x 40,000,000 = 2 x 10^11, is far from the {@code long} limit of 9.2 x 10^18. The payer's
 * assigned beneficiaries are at most 100,000,000, more than all of Medicare.
 */
public enum FactLimit {

    PRACTICES(PerformanceFacts.class, "practices", 5_000, "practices"),
    ASSIGNED_BENEFICIARIES(PerformancePeriod.class, "assignedBeneficiaries", 100_000_000, "beneficiaries"),
    ATTRIBUTED_MEMBERS(PracticePerformance.class, "attributedMembers", 400_000, "members"),
    MEMBER_MONTHS(PracticePerformance.class, "memberMonths", 4_800_000, "member months"),
    VISITS(PracticePerformance.class, "visits", 40_000_000, "visits"),
    ANNUAL_WELLNESS_VISITS(PracticePerformance.class, "annualWellnessVisits", 40_000_000, "visits"),
    ED_VISITS(PracticePerformance.class, "edVisits", 40_000_000, "visits"),
    INPATIENT_ADMISSIONS(PracticePerformance.class, "inpatientAdmissions", 40_000_000, "admissions"),
    NUMERATOR(QualityMeasureCount.class, "numerator", 400_000, "members"),
    DENOMINATOR(QualityMeasureCount.class, "denominator", 400_000, "members"),
    EXCLUSIONS(QualityMeasureCount.class, "exclusions", 400_000, "members");

    private final Class<? extends Record> record;
    private final String field;
    private final int maximum;
    private final String unit;

    FactLimit(Class<? extends Record> record, String field, int maximum, String unit) {
        this.record = record;
        this.field = field;
        this.maximum = maximum;
        this.unit = unit;
    }

    /** The facts record whose field this bounds (the API schema of the same name). */
    public Class<? extends Record> record() {
        return record;
    }

    public String field() {
        return field;
    }

    public int maximum() {
        return maximum;
    }

    /** Whether a count is within its bound (negatives are the validator's other check). */
    public boolean allows(long count) {
        return count <= maximum;
    }

    /** The reason a count above the bound is refused. */
    public String reason(long count) {
        return String.format(java.util.Locale.ROOT, "must be at most %,d %s (was %,d)", maximum, unit, count);
    }
}
