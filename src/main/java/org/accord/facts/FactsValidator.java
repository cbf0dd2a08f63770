package org.accord.facts;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
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
         * were stored, each of one fact against another: a practice's extra amounts declared part of a named
         * amount ({@code partOf}) summing to more than it; a period with no day in its performance year; an
         * agreement starting after the performance period.
         */
        AS_STORED
    }

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
                problems.addAll(declarations.partsBeyondTheirWhole(practice, at));
            }
        }
        return problems;
    }

    private static void checkPeriod(PerformancePeriod period, List<InputProblem> problems) {
        if (period == null) {
            problems.add(new InputProblem("/period", "the performance period is required"));
            return;
        }
        if (period.performanceYear() < 2000 || period.performanceYear() > 2100) {
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
     * The performance year chooses the contract's values (by year) and the period the days the facts cover: a
     * period with no day in the year would be settled with another year's values (a 2026 period on 2025's budget).
     * A period that reaches into the year is accepted, so a fiscal year across two calendar years is, with either;
     * a side not given is the year's first or last day.
     */
    private static void periodInItsYear(PerformancePeriod period, List<InputProblem> problems) {
        int year = period.performanceYear();
        LocalDate first = PerformancePeriod.firstDay(period);
        LocalDate last = PerformancePeriod.lastDay(period);
        if (last.getYear() < year || first.getYear() > year) {
            problems.add(new InputProblem("/period/performanceYear", "the period " + first + " to " + last + " has no day in"
                    + " performance year " + year + ", whose contract values would apply to it"));
        }
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

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
