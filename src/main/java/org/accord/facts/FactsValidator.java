package org.accord.facts;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.Period;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.accord.validation.InputProblem;

/** Checks performance facts before they reach the engine; every problem names its field. */
public final class FactsValidator {

    /**
     * Which checks the facts go through. A stored run replays with the facts it ran with (docs/store.md), so a
     * check added after runs were stored is made of the facts a request brings, not of those a replay reads back:
     * an old run whose facts it would refuse still replays as it ran.
     */
    public enum Checks {
        /** Every check: the facts a request brings (evaluate, validate, scenarios, jobs, stored facts, the command line). */
        ALL,
        /**
         * The checks every stored run's facts passed when it ran, for a replay: all but those added since runs
         * were stored: a practice's extra amounts declared part of a named amount ({@code partOf}) summing to more
         * than it; a period longer than 24 months or less than half in its performance year; an agreement starting
         * after the performance period; members with no member months, more listed high-cost members than member
         * months, or more annual wellness visits than member months; a risk score or an amount beyond the bounds {@code rules/facts.yaml}
         * declares for it (a risk score from 0.1 to 10, a practice's amounts at most 480,000,000,000 USD, the
         * period's at most 2,400,000,000,000,000 USD).
         */
        AS_STORED
    }

    /** The longest performance period: CMS's longest first performance year ran 21 months (April 2012 to December 2013). */
    private static final int LONGEST_PERIOD_MONTHS = 24;

    // A day weighs 1/28, 1/29, 1/30 or 1/31 of a month: in these units, a common multiple of the four, every day weighs
    // a whole number, so halves compare exactly.
    private static final long MONTH = 28L * 29 * 15 * 31;

    private FactsValidator() {
    }

    /** Problems with the facts, the extra facts checked against the shipped declaration ({@code rules/facts.yaml}). */
    public static List<InputProblem> problems(PerformanceFacts facts) {
        return problems(facts, FactDeclarations.shipped());
    }

    /** Problems with the facts, with these checks, the extra facts checked against the shipped declaration. */
    public static List<InputProblem> problems(PerformanceFacts facts, Checks checks) {
        return problems(facts, FactDeclarations.shipped(), checks);
    }

    /** Problems with the facts, the extra facts checked against these declarations. */
    public static List<InputProblem> problems(PerformanceFacts facts, FactDeclarations declarations) {
        return problems(facts, declarations, Checks.ALL);
    }

    /** Problems with the facts, with these checks, the extra facts checked against these declarations. */
    public static List<InputProblem> problems(PerformanceFacts facts, FactDeclarations declarations, Checks checks) {
        List<InputProblem> problems = new ArrayList<>();
        if (facts == null) {
            problems.add(new InputProblem("", "performance facts are required"));
            return problems;
        }
        if (facts.ipa() == null || blank(facts.ipa().id())) {
            problems.add(new InputProblem("/ipa/id", "the IPA needs an id"));
        }
        checkPeriod(facts.period(), problems);
        if (checks == Checks.ALL && facts.period() != null) {
            PerformancePeriod period = facts.period();
            withinDeclaredBounds(declarations.periodField("benchmarkExpenditure"), period.benchmarkExpenditure(), "/period", problems);
            withinDeclaredBounds(declarations.periodField("lossAdjustment"), period.lossAdjustment(), "/period", problems);
            withinDeclaredBounds(declarations.periodField("participantRevenue"), period.participantRevenue(), "/period", problems);
        }
        // A year outside its bounds is refused already, and has no days to compare the period's with.
        if (checks == Checks.ALL && facts.period() != null && yearInBounds(facts.period())) {
            periodInItsYear(facts.period(), problems);
            agreementBegun(facts.period(), problems);
        }
        if (facts.practices().isEmpty()) {
            problems.add(new InputProblem("/practices", "at least one practice is required"));
        }
        atMost(FactLimit.PRACTICES, facts.practices().size(), "", "/practices", problems);
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < facts.practices().size(); i++) {
            PracticePerformance practice = facts.practices().get(i);
            String at = "/practices/" + i;
            if (practice == null) {
                problems.add(new InputProblem(at, "a practice cannot be null"));
                continue;
            }
            if (blank(practice.id())) {
                problems.add(new InputProblem(at + "/id", "every practice needs an id"));
            } else if (!ids.add(practice.id())) {
                problems.add(new InputProblem(at + "/id", "practice id '" + practice.id() + "' is used twice"));
            }
            checkPractice(practice, at, problems);
            problems.addAll(declarations.problems(practice, at));
            if (checks == Checks.ALL) {
                withinDeclaredBounds(declarations.practiceField("averageRiskScore"), practice.averageRiskScore(), at, problems);
                withinDeclaredBounds(declarations.practiceField("totalCostOfCare"), practice.totalCostOfCare(), at, problems);
                withinDeclaredBounds(declarations.practiceField("feeScheduleAllowedAmount"), practice.feeScheduleAllowedAmount(), at,
                        problems);
                problems.addAll(declarations.partsBeyondTheirWhole(practice, at));
                membersAgainstMemberMonths(practice, at, problems);
                wellnessVisitsAgainstMemberMonths(practice, at, problems);
            }
        }
        return problems;
    }

    private static boolean yearInBounds(PerformancePeriod period) {
        return period.performanceYear() >= 2000 && period.performanceYear() <= 2100;
    }

    private static void checkPeriod(PerformancePeriod period, List<InputProblem> problems) {
        if (period == null) {
            problems.add(new InputProblem("/period", "the performance period is required"));
            return;
        }
        if (!yearInBounds(period)) {
            problems.add(new InputProblem("/period/performanceYear", "must be a year between 2000 and 2100"));
        }
        if (period.start() != null && period.end() != null && period.end().isBefore(period.start())) {
            problems.add(new InputProblem("/period/end", "the period ends before it starts"));
        }
        notNegative(period.benchmarkExpenditure(), "/period", "/benchmarkExpenditure", problems);
        notNegative(period.lossAdjustment(), "/period", "/lossAdjustment", problems);
        notNegative(period.participantRevenue(), "/period", "/participantRevenue", problems);
        if (period.assignedBeneficiaries() != null && period.assignedBeneficiaries() < 0) {
            problems.add(new InputProblem("/period/assignedBeneficiaries", "cannot be negative"));
        }
        if (period.assignedBeneficiaries() != null) {
            atMost(FactLimit.ASSIGNED_BENEFICIARIES, period.assignedBeneficiaries(), "/period", "/assignedBeneficiaries", problems);
        }
        BigDecimal quality = period.reportedQualityScore();
        if (quality != null && (quality.signum() < 0 || quality.compareTo(BigDecimal.ONE) > 0)) {
            problems.add(new InputProblem("/period/reportedQualityScore", "must be between 0 and 1"));
        }
    }

    /**
     * The performance year chooses the contract's values (by year) and the period the days they settle, so the period
     * must be the year's: at most {@value #LONGEST_PERIOD_MONTHS} months long (CMS's first performance years for
     * April and July 2012 starts ran 21 and 18 months to December 2013), and at least half of it in the year, counted
     * in months as contracts and budgets count them: a whole month is one, a part of a month its share of the month's
     * days. A July-to-June fiscal year is six months in each calendar year (184 days in the first, 181 in the second),
     * so either may name it; a period with one day in the year (2025-12-31 to 2026-12-30 as 2025) is refused, since
     * that year's values would settle another year. A side not given is the year's first or last day.
     */
    private static void periodInItsYear(PerformancePeriod period, List<InputProblem> problems) {
        int year = period.performanceYear();
        if (period.start() != null && period.end() != null && period.end().isBefore(period.start())) {
            return; // refused already, at its end
        }
        LocalDate first = PerformancePeriod.firstDay(period);
        LocalDate last = PerformancePeriod.lastDay(period);
        if (first.isAfter(last)) {
            problems.add(period.end() == null
                    ? new InputProblem("/period/performanceYear", "the period starts on " + first + ", after performance year " + year
                            + " ends on " + last + ", where a period without an end ends: it has no day in the year whose contract"
                            + " values would apply to it")
                    : new InputProblem("/period/performanceYear", "the period ends on " + last + ", before performance year " + year
                            + " starts on " + first + ", where a period without a start starts: it has no day in the year whose"
                            + " contract values would apply to it"));
            return;
        }
        long days = ChronoUnit.DAYS.between(first, last) + 1;
        String dates = "the period " + first + " to " + last + given(period);
        if (longerThanTheLongestPeriod(first, last)) {
            problems.add(new InputProblem(period.end() == null ? "/period/start" : "/period/end", dates + " lasts " + length(first, last)
                    + " (" + days + " days): a performance period lasts at most " + LONGEST_PERIOD_MONTHS + " months, so one starting"
                    + " on " + first + " ends by " + first.plusMonths(LONGEST_PERIOD_MONTHS).minusDays(1)));
            return;
        }
        LocalDate fromInYear = first.getYear() < year ? LocalDate.of(year, 1, 1) : first;
        LocalDate toInYear = last.getYear() > year ? LocalDate.of(year, 12, 31) : last;
        long inYear = monthUnits(fromInYear, toInYear);
        long all = monthUnits(first, last);
        if (2 * inYear < all) {
            long daysInYear = fromInYear.isAfter(toInYear) ? 0 : ChronoUnit.DAYS.between(fromInYear, toInYear) + 1;
            problems.add(new InputProblem("/period/performanceYear", dates + " has " + daysInYear + " of its " + days + " days in"
                    + " performance year " + year + ", " + months(inYear, RoundingMode.DOWN) + " of its " + months(all, RoundingMode.UP)
                    + " months: a year's contract values apply only to a period at least half in that year, counted in months (a"
                    + " part of a month by its share of the month's days)"));
        }
    }

    /** A length in whole months and days: 2024-01-01 to 2026-01-01 lasts 24 months and 1 day. */
    private static String length(LocalDate first, LocalDate last) {
        Period length = last.equals(LocalDate.MAX) ? Period.between(first, last).plusDays(1) : Period.between(first, last.plusDays(1));
        return length.toTotalMonths() + " months" + (length.getDays() == 0 ? "" : " and " + length.getDays()
                + (length.getDays() == 1 ? " day" : " days"));
    }

    // Months between the months first, so dates however far apart (a year 999999999) add no months beyond the calendar.
    private static boolean longerThanTheLongestPeriod(LocalDate first, LocalDate last) {
        long months = ChronoUnit.MONTHS.between(YearMonth.from(first), YearMonth.from(last));
        return months > LONGEST_PERIOD_MONTHS || months == LONGEST_PERIOD_MONTHS
                && last.isAfter(first.plusMonths(LONGEST_PERIOD_MONTHS).minusDays(1));
    }

    /** The days from first to last (first not after last), each weighing its share of its month, in {@link #MONTH}s. */
    private static long monthUnits(LocalDate first, LocalDate last) {
        if (first.isAfter(last)) {
            return 0;
        }
        YearMonth from = YearMonth.from(first);
        long months = ChronoUnit.MONTHS.between(from, YearMonth.from(last));
        long units = 0;
        for (long m = 0; m <= months; m++) {
            YearMonth month = from.plusMonths(m);
            LocalDate monthFirst = m == 0 ? first : month.atDay(1);
            LocalDate monthLast = m == months ? last : month.atEndOfMonth();
            units += (ChronoUnit.DAYS.between(monthFirst, monthLast) + 1) * (MONTH / month.lengthOfMonth());
        }
        return units;
    }

    // Rounded toward the side that keeps the sentence true: the year's part down, the whole up.
    private static String months(long units, RoundingMode rounding) {
        return BigDecimal.valueOf(units).divide(BigDecimal.valueOf(MONTH), 2, rounding).stripTrailingZeros().toPlainString();
    }

    private static String given(PerformancePeriod period) {
        if (period.start() == null && period.end() != null) {
            return " (its start the first day of performance year " + period.performanceYear() + ", as it gives none)";
        }
        if (period.end() == null && period.start() != null) {
            return " (its end the last day of performance year " + period.performanceYear() + ", as it gives none)";
        }
        return "";
    }

    /**
     * A performance year belongs to an agreement that has begun by its end: one that starts after the period's
     * last day (its end, or the 31st of December of the performance year) has no part in it, and the rules would
     * count the year in it (an agreement begun in 2024 sharing 2022's savings below the minimum savings rate). A
     * start within the period is an agreement begun in it (MSSP's July 2019 starts; April and July 2012 starts,
     * whose first performance year ran to December 2013, 42 CFR 425.608).
     */
    private static void agreementBegun(PerformancePeriod period, List<InputProblem> problems) {
        LocalDate lastDay = PerformancePeriod.lastDay(period);
        if (period.agreementStart() != null && period.agreementStart().isAfter(lastDay)) {
            problems.add(new InputProblem("/period/agreementStart", "the agreement starts on " + period.agreementStart()
                    + ", after the performance period ends on " + lastDay + " (performance year " + period.performanceYear()
                    + "): a performance year belongs to an agreement begun by its end"));
        }
    }

    private static void checkPractice(PracticePerformance practice, String at, List<InputProblem> problems) {
        count(FactLimit.ATTRIBUTED_MEMBERS, practice.attributedMembers(), at, problems);
        count(FactLimit.MEMBER_MONTHS, practice.memberMonths(), at, problems);
        count(FactLimit.VISITS, practice.visits(), at, problems);
        count(FactLimit.ANNUAL_WELLNESS_VISITS, practice.annualWellnessVisits(), at, problems);
        count(FactLimit.ED_VISITS, practice.edVisits(), at, problems);
        count(FactLimit.INPATIENT_ADMISSIONS, practice.inpatientAdmissions(), at, problems);
        if (practice.averageRiskScore() == null) {
            problems.add(new InputProblem(at + "/averageRiskScore", "is required"));
        } else if (practice.averageRiskScore().signum() <= 0) {
            problems.add(new InputProblem(at + "/averageRiskScore", "must be greater than zero"));
        }
        if (practice.totalCostOfCare() == null) {
            problems.add(new InputProblem(at + "/totalCostOfCare", "is required"));
        }
        notNegative(practice.totalCostOfCare(), at, "/totalCostOfCare", problems);
        notNegative(practice.feeScheduleAllowedAmount(), at, "/feeScheduleAllowedAmount", problems);
        Set<String> measureIds = new HashSet<>();
        for (int m = 0; m < practice.qualityMeasures().size(); m++) {
            checkMeasure(practice.qualityMeasures().get(m), at, m, measureIds, problems);
        }
    }

    /**
     * What no practice can have of its members and member months. Members are counted at period end and member months
     * over the period, so neither fixes the other: a panel that shrank accrued more months than its end count times
     * the period's months, one that grew fewer, so no ratio between them is refused. Two things no panel can be are
     * refused: members at period end with no member month (each was a member in the period; 420 members and 0 member
     * months is a column left empty, and a budget per member month then compares the practice's cost with $0), and
     * more listed high-cost members than member months (each listed member was a member for a month of the period or
     * part of one, which counts). A high-cost member may have died or left before the count at period end, so the
     * list is not held to the members counted then. Member months with no member at period end are a panel that left
     * (a practice that closed), which happens.
     */
    private static void membersAgainstMemberMonths(PracticePerformance practice, String at, List<InputProblem> problems) {
        if (practice.attributedMembers() > 0 && practice.memberMonths() == 0) {
            problems.add(new InputProblem(at + "/memberMonths", "is 0 for " + practice.attributedMembers() + " attributed members:"
                    + " a member attributed at period end was a member in the period, so member months are at least 1"));
        }
        if (practice.extra().get("highCostMemberCosts") instanceof List<?> highCost && highCost.size() > practice.memberMonths()
                && practice.memberMonths() >= 0) {
            problems.add(new InputProblem(at + "/extra/highCostMemberCosts", "lists " + highCost.size() + " high-cost members for "
                    + practice.memberMonths() + " member months: each listed member was a member for at least a month of the"
                    + " period, or part of one, which counts as one"));
        }
    }

    /**
     * More annual wellness visits than member months, which no panel can have: a member has at most one in twelve months,
     * and each member who had one was a member for at least a month of the period or part of one, which counts as one, so
     * a member with m member months had at most ceil(m / 12), never more than m, whatever the period's length. Found from
     * outside: 5,000 visits for 4,836 member months were paid 5,000 x $25.00, where the practice's own wellness-visit
     * measure counted 196.
     */
    private static void wellnessVisitsAgainstMemberMonths(PracticePerformance practice, String at, List<InputProblem> problems) {
        if (practice.annualWellnessVisits() > practice.memberMonths() && practice.memberMonths() >= 0) {
            problems.add(new InputProblem(at + "/annualWellnessVisits", practice.annualWellnessVisits() + " annual wellness visits for "
                    + practice.memberMonths() + " member months: a member has at most one in twelve months and was a member for at"
                    + " least a month of the period, or part of one, which counts as one, so the visits are at most the member months"));
        }
    }

    private static void checkMeasure(QualityMeasureCount measure, String at, int index, Set<String> measureIds, List<InputProblem> problems) {
        if (measure == null) {
            problems.add(new InputProblem(at + "/qualityMeasures/" + index, "a measure cannot be null"));
            return;
        }
        boolean duplicate = !blank(measure.measureId()) && !measureIds.add(measure.measureId());
        boolean valid = !blank(measure.measureId()) && !duplicate && measure.numerator() >= 0 && measure.denominator() >= 0
                && measure.exclusions() >= 0 && measure.exclusions() <= measure.denominator() && measure.numerator() <= measure.eligible()
                && FactLimit.DENOMINATOR.allows(measure.denominator());
        if (valid) {
            return;
        }
        String mat = at + "/qualityMeasures/" + index;
        if (blank(measure.measureId())) {
            problems.add(new InputProblem(mat + "/measureId", "every measure needs an id"));
        } else if (duplicate) {
            problems.add(new InputProblem(mat + "/measureId", "measure '" + measure.measureId() + "' is reported twice"));
        }
        count(FactLimit.NUMERATOR, measure.numerator(), mat, problems);
        count(FactLimit.DENOMINATOR, measure.denominator(), mat, problems);
        count(FactLimit.EXCLUSIONS, measure.exclusions(), mat, problems);
        if (measure.exclusions() > measure.denominator()) {
            problems.add(new InputProblem(mat + "/exclusions", "exclusions (" + measure.exclusions()
                    + ") exceed the denominator (" + measure.denominator() + ")"));
        } else if (measure.numerator() > measure.eligible()) {
            problems.add(new InputProblem(mat + "/numerator", "numerator (" + measure.numerator()
                    + ") exceeds the denominator less exclusions (" + measure.eligible() + ")"));
        }
    }

    // The pointer is built only when there is a problem: valid facts are the common case.
    private static void count(FactLimit limit, int value, String at, List<InputProblem> problems) {
        if (value < 0) {
            problems.add(new InputProblem(at + "/" + limit.field(), "cannot be negative (was " + value + ")"));
        }
        atMost(limit, value, at, "/" + limit.field(), problems);
    }

    private static void atMost(FactLimit limit, int value, String at, String field, List<InputProblem> problems) {
        if (!limit.allows(value)) {
            problems.add(new InputProblem(at + field, limit.reason(value)));
        }
    }

    private static void notNegative(BigDecimal value, String at, String field, List<InputProblem> problems) {
        if (value != null && value.signum() < 0) {
            problems.add(new InputProblem(at + field, "cannot be negative (was " + value.toPlainString() + ")"));
        }
    }

    /**
     * A risk score or an amount beyond the bounds {@code rules/facts.yaml} declares for it: far outside them it is a
     * keying error (1173 for a risk score of 1.173 pays 1,173 times the capitation; 1e20 dollars is no cost). Only a
     * value the checks above let through (present, not negative, a risk score above zero) is checked, so none is
     * refused twice.
     */
    private static void withinDeclaredBounds(Optional<FactField> field, BigDecimal value, String at, List<InputProblem> problems) {
        if (value == null || value.signum() < 0 || field.isEmpty()) {
            return;
        }
        FactField declared = field.get();
        if (value.signum() == 0 && declared.minimum() != null && declared.minimum().signum() > 0) {
            return; // a risk score of zero is refused already, as not above zero
        }
        String reason = declared.problem(value);
        if (reason != null) {
            problems.add(new InputProblem(at + "/" + declared.name(), reason));
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
