package org.accord.settlement;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.accord.content.Canonical;
import org.accord.facts.PerformanceFacts;
import org.accord.facts.PracticePerformance;
import org.accord.money.Money;
import org.accord.terms.ClauseTerms;
import org.accord.terms.ConceptDescriptor;
import org.accord.terms.ConceptRegistry;
import org.accord.terms.Terms;

/**
 * Puts the lines the rules wrote into a settlement: orders them, totals them and checks what must
 * hold (every clause settled; the pool's parts add up to the pool to the cent). A check that fails
 * is an engine problem, never a partial settlement. For a simulation's trial it totals and checks
 * the lines the same way into an {@link Outcome}, without ordering them.
 */
public final class SettlementAssembler {

    /**
     * The rule that finds the IPA's pool retained whole where no clause of the contract distributes it (rules/ipa/pool-retained.drl):
     * where it wrote its finding, the totals count the pool as retained by the IPA. A rule set stored before it writes none, and
     * its runs keep the totals they were settled with.
     */
    public static final String POOL_RETAINED_RULE = "A pool that no clause of the contract distributes is retained whole by the IPA";

    private SettlementAssembler() {
    }

    public static Settlement assemble(Terms terms, PerformanceFacts facts, List<SettlementLine> written, String rulesHash) {
        return assemble(terms, facts, factsHash(facts), written, rulesHash);
    }

    /** The hash a settlement names its facts by (docs/hashes.md): practices and measures in id order. */
    public static String factsHash(PerformanceFacts facts) {
        return Canonical.hash(facts.inIdOrder());
    }

    /**
     * As {@link #assemble(Terms, PerformanceFacts, List, String)} with the facts' hash already
     * taken: a batch that settles the same facts many times (a sweep, a comparison) hashes them once.
     */
    public static Settlement assemble(Terms terms, PerformanceFacts facts, String factsHash, List<SettlementLine> written,
                                      String rulesHash) {
        return assemble(terms, facts, () -> factsHash, written, rulesHash);
    }

    /**
     * As {@link #assemble(Terms, PerformanceFacts, String, List, String)} with the facts' hash
     * taken when the settlement's {@code factsHash} is first read (see {@link Settlement#hashOnce}).
     */
    public static Settlement assemble(Terms terms, PerformanceFacts facts, java.util.function.Supplier<String> factsHash,
                                      List<SettlementLine> written, String rulesHash) {
        Map<String, Integer> clauseOrder = new HashMap<>();
        Map<String, List<String>> monthlyLines = new HashMap<>();
        for (int i = 0; i < terms.clauses().size(); i++) {
            ClauseTerms clause = terms.clauses().get(i);
            clauseOrder.put(clause.id(), i);
            monthlyLines.put(clause.id(), ConceptRegistry.shipped().find(clause.concept())
                    .map(concept -> concept.timing().monthlyLines()).orElse(List.of()));
        }
        List<PracticePerformance> byId = practicesById(facts);
        Map<String, Integer> practiceOrder = new HashMap<>();
        for (int i = 0; i < byId.size(); i++) {
            practiceOrder.put(byId.get(i).id(), i);
        }
        // Each line's place (scope, then clause, then its stage, rule and detail) is looked up once, not at every comparison;
        // the rules' names are ranked once in their order, so lines compare names as numbers (issue 15).
        Map<String, Integer> ruleRank = ruleRanks(written);
        // A finding of the contract as a whole, of no one clause, comes before the clauses' findings.
        Function<SettlementLine, Placed> place = l -> Placed.of(
                "IPA".equals(l.scope()) ? -1 : practiceOrder.getOrDefault(l.scope(), Integer.MAX_VALUE),
                l.isOfTheContract() ? -1 : clauseOrder.getOrDefault(l.clause(), Integer.MAX_VALUE),
                monthlyLines.getOrDefault(l.clause(), List.of()).contains(l.detail()) ? Placed.PAID_MONTHLY : Placed.SETTLED_LATER,
                ruleRank.get(l.rule()), l);

        List<SettlementLine> findings = new ArrayList<>();
        List<SettlementLine> lines = new ArrayList<>();
        split(written, findings, lines);
        sortInPlace(findings, place);
        sortInPlace(lines, place);
        checkEveryClauseSettled(terms, findings, lines);
        Settlement.Totals totals = totals(terms, byId, findings, lines);
        Map<String, Map<String, Object>> clauseTerms = new LinkedHashMap<>();
        for (ClauseTerms clause : terms.clauses()) {
            clauseTerms.put(clause.id(), clause.parameters());
        }
        Settlement.Contract contract = new Settlement.Contract(terms.templateId(), terms.templateVersion(),
                terms.templateHash(), terms.hash(), terms.overrides(), clauseTerms, null);
        return new Settlement(facts.ipa().id(), terms.performanceYear(), contract, rulesHash, factsHash,
                List.copyOf(findings), List.copyOf(lines), totals, facts);
    }

    /**
     * What a settlement of these lines comes to, without the settlement: its totals and the IPA's
     * payments by clause, summed and checked as {@link #assemble} sums and checks them. The lines are
     * neither ordered nor explained, since no one reads them (a simulation's trial, issue 15).
     */
    public static Outcome outcome(Terms terms, PerformanceFacts facts, List<SettlementLine> written) {
        List<SettlementLine> findings = new ArrayList<>();
        List<SettlementLine> lines = new ArrayList<>();
        split(written, findings, lines);
        checkEveryClauseSettled(terms, findings, lines);
        return new Outcome(totals(terms, practicesById(facts), findings, lines), ipaPaymentsByClause(lines));
    }

    /** The IPA's own payment lines summed by clause id (a clause without one absent). */
    static Map<String, BigDecimal> ipaPaymentsByClause(List<SettlementLine> lines) {
        Map<String, BigDecimal> paid = new HashMap<>();
        for (SettlementLine line : lines) {
            if (SettlementLine.PAYMENT.equals(line.flow()) && "IPA".equals(line.scope())) {
                paid.merge(line.clause(), line.amount(), BigDecimal::add);
            }
        }
        return Map.copyOf(paid);
    }

    /** The facts' practices ordered by id: their order in the facts is not significant (docs/hashes.md). */
    private static List<PracticePerformance> practicesById(PerformanceFacts facts) {
        List<PracticePerformance> byId = new ArrayList<>(facts.practices());
        byId.sort(Comparator.comparing(PracticePerformance::id));
        return byId;
    }

    /** The written lines as findings and payable lines, each payable line in its flow. */
    private static void split(List<SettlementLine> written, List<SettlementLine> findings, List<SettlementLine> lines) {
        for (SettlementLine line : written) {
            if (!line.isPayable()) {
                findings.add(line);
                continue;
            }
            // A payable line comes in its flow, decided once by flow() below as the engine writes the line.
            if (line.flow() == null) {
                throw new IllegalStateException("a payable line of clause " + line.clause() + " (" + line.rule() + ") has no flow");
            }
            lines.add(line);
        }
    }

    /**
     * The totals and each practice's paid and distributed lines, summed in one pass over the payable
     * lines (sums of amounts are exact, so the order of adding does not matter); practices in id order.
     * A pool that a distribution clause split must come back whole; one that the rules found retained whole
     * ({@link #POOL_RETAINED_RULE}) is all retained.
     */
    private static Settlement.Totals totals(Terms terms, List<PracticePerformance> byId, List<SettlementLine> findings,
                                            List<SettlementLine> lines) {
        BigDecimal zero = Money.ZERO.setScale(Money.SCALE);
        BigDecimal payerTotal = zero;
        BigDecimal ipaPool = zero;
        BigDecimal retained = zero;
        BigDecimal distributed = zero;
        Map<String, BigDecimal> directByScope = new HashMap<>();
        Map<String, BigDecimal> shareByScope = new HashMap<>();
        for (SettlementLine line : lines) {
            switch (line.flow()) {
                case SettlementLine.PAYMENT -> {
                    payerTotal = payerTotal.add(line.amount());
                    if ("IPA".equals(line.scope())) {
                        ipaPool = ipaPool.add(line.amount());
                    }
                    directByScope.merge(line.scope(), line.amount(), BigDecimal::add);
                }
                case SettlementLine.RETAINED -> retained = retained.add(line.amount());
                case SettlementLine.DISTRIBUTED -> {
                    distributed = distributed.add(line.amount());
                    shareByScope.merge(line.scope(), line.amount(), BigDecimal::add);
                }
                default -> {
                }
            }
        }
        boolean distributes = terms.clauses().stream().anyMatch(c -> "distribution".equals(c.concept()));
        boolean retainedWhole = findings.stream().anyMatch(f -> f.isOfTheContract() && POOL_RETAINED_RULE.equals(f.rule()));
        if (retainedWhole) {
            retained = retained.add(ipaPool);
        }
        if ((distributes || retainedWhole) && retained.add(distributed).compareTo(ipaPool) != 0) {
            throw new IllegalStateException("the pool of " + ipaPool + " was split into " + distributed
                    + " distributed and " + retained + " retained: money was not conserved");
        }
        List<Settlement.PracticeTotal> practices = new ArrayList<>();
        for (PracticePerformance practice : byId) {
            BigDecimal direct = zero.add(directByScope.getOrDefault(practice.id(), zero));
            BigDecimal share = zero.add(shareByScope.getOrDefault(practice.id(), zero));
            practices.add(new Settlement.PracticeTotal(practice.id(), practice.name(), direct, share, direct.add(share)));
        }
        return new Settlement.Totals(payerTotal, ipaPool, retained, List.copyOf(practices));
    }

    /**
     * The flow of a payable line of a clause of the concept in the scope, the one place it is decided
     * (the engine asks it as it writes each line, and assembly reads the line's flow): a concept taken from the
     * pool (its descriptor says so) has its IPA lines retained and its practice lines distributed;
     * every other concept's lines are payments.
     */
    public static String flow(String concept, String scope) {
        boolean pooled = ConceptRegistry.shipped().get(concept).pool() == ConceptDescriptor.PoolRole.FROM_THE_POOL;
        return !pooled ? SettlementLine.PAYMENT : "IPA".equals(scope) ? SettlementLine.RETAINED : SettlementLine.DISTRIBUTED;
    }

    /**
     * Each rule name among the lines with its rank in String order: two names compare as their ranks do
     * (equal names have one rank, and the ranks follow compareTo), so the sort compares numbers, not sentences.
     */
    private static Map<String, Integer> ruleRanks(List<SettlementLine> lines) {
        Map<String, Integer> ranks = new HashMap<>();
        for (SettlementLine line : lines) {
            ranks.put(line.rule(), 0);
        }
        String[] names = ranks.keySet().toArray(new String[0]);
        Arrays.sort(names, Comparator.nullsFirst(Comparator.naturalOrder()));
        for (int i = 0; i < names.length; i++) {
            ranks.put(names[i], i);
        }
        return ranks;
    }

    /**
     * A line with its scope's, clause's and rule's positions, the first keys of a settlement's order. Within a clause,
     * the lines its concept pays monthly (its timing's monthly lines: the withhold held back) come before the rest
     * ({@code stage}), in the order the money moves, whichever rules wrote them (the all-or-nothing return's rule, "All
     * of the withhold is returned ...", sorts before "The withhold is held back ...", and the return was listed before
     * its withhold). A line about a rung of a scale (its detail {@code corridorBands[2]}) has the rung's number, and
     * takes its place among the clause's lines as the scale's first rule does ({@code group}), so that the rungs' lines
     * come in the scale's order whichever rules wrote them (a corridor's band paid a cent off its share rounded alone is
     * written by a rule of its own, and its line came after the others: [0], [2], [1]); any other line's group is its
     * own rule.
     */
    private record Placed(int scope, int clause, int stage, int group, int rung, int rule, SettlementLine line) {

        static final int PAID_MONTHLY = 0;
        static final int SETTLED_LATER = 1;

        // Scope, clause, stage, group, rung, rule, detail, as Comparator.comparingInt(...).thenComparing(...) would order
        // them (the rule by its name's rank, which orders as the names do); equal details are told by reference before
        // their characters.
        static final Comparator<Placed> ORDER = (a, b) -> {
            int order = Integer.compare(a.scope(), b.scope());
            if (order == 0) {
                order = Integer.compare(a.clause(), b.clause());
            }
            if (order == 0) {
                order = Integer.compare(a.stage(), b.stage());
            }
            if (order == 0) {
                order = Integer.compare(a.group(), b.group());
            }
            if (order == 0) {
                order = Integer.compare(a.rung(), b.rung());
            }
            if (order == 0) {
                order = Integer.compare(a.rule(), b.rule());
            }
            return order != 0 ? order : compareText(a.line().detail(), b.line().detail());
        };

        static Placed of(int scope, int clause, int stage, int rule, SettlementLine line) {
            return new Placed(scope, clause, stage, rule, rung(line.detail()), rule, line);
        }

        Placed inGroup(int first) {
            return new Placed(scope, clause, stage, first, rung, rule, line);
        }

        /** The rung's number of a detail {@code name[n]}, else -1. */
        static int rung(String detail) {
            int end = detail == null ? 0 : detail.length() - 1;
            if (end < 2 || detail.charAt(end) != ']') {
                return -1;
            }
            int open = detail.lastIndexOf('[', end);
            if (open <= 0 || open == end - 1 || end - open > 9) {
                return -1;
            }
            int n = 0;
            for (int i = open + 1; i < end; i++) {
                char c = detail.charAt(i);
                if (c < '0' || c > '9') {
                    return -1;
                }
                n = n * 10 + (c - '0');
            }
            return n;
        }

        /** The scale a rung's line is about, with its scope and clause: the rungs of one scale are ordered together. */
        String scale() {
            return scope + "/" + clause + "/" + line.detail().substring(0, line.detail().lastIndexOf('['));
        }

        private static int compareText(String a, String b) {
            return a == b ? 0 : a.compareTo(b);
        }
    }

    /**
     * Sorts the lines by {@link Placed#ORDER}; stable, so lines equal in every key keep the rules' order. The order is
     * a function of the lines' own fields, so a replay compares a stored answer in it (org.accord.replay.Replay).
     */
    private static void sortInPlace(List<SettlementLine> lines, Function<SettlementLine, Placed> place) {
        List<Placed> placed = new ArrayList<>(lines.size());
        Map<String, Integer> firstRuleOfScale = null;
        for (SettlementLine line : lines) {
            Placed p = place.apply(line);
            placed.add(p);
            if (p.rung() >= 0) {
                if (firstRuleOfScale == null) {
                    firstRuleOfScale = new HashMap<>();
                }
                firstRuleOfScale.merge(p.scale(), p.rule(), Math::min);
            }
        }
        if (firstRuleOfScale != null) {
            for (int i = 0; i < placed.size(); i++) {
                Placed p = placed.get(i);
                if (p.rung() >= 0) {
                    placed.set(i, p.inGroup(firstRuleOfScale.get(p.scale())));
                }
            }
        }
        placed.sort(Placed.ORDER);
        for (int i = 0; i < placed.size(); i++) {
            lines.set(i, placed.get(i).line());
        }
    }

    private static void checkEveryClauseSettled(Terms terms, List<SettlementLine> findings, List<SettlementLine> lines) {
        // one pass over the lines, not one per clause: a 25-practice batch writes hundreds of lines
        Set<String> settled = new HashSet<>();
        lines.forEach(l -> settled.add(l.clause()));
        findings.forEach(l -> settled.add(l.clause()));
        for (ClauseTerms clause : terms.clauses()) {
            if (!settled.contains(clause.id())) {
                throw new IllegalStateException("clause " + clause.id() + " (" + clause.concept()
                        + ") produced no settlement line: no rule covered its case");
            }
        }
    }
}
