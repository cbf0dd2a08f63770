package org.accord.cli;

import java.math.BigDecimal;
import org.accord.io.Displayed;
import org.accord.scenarios.Table;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.accord.settlement.Settlement;
import org.accord.settlement.SettlementLine;

/** A settlement as a text report: findings of the contract, findings by clause, lines with their explanations, and totals. */
final class SettlementTable {

    private SettlementTable() {
    }

    /**
     * The settlement's payable lines as a table, one row a line in the settlement's order (the IPA's, then each practice's
     * by id), with the columns the answer's JSON names them by: what {@code evaluate --csv} writes.
     */
    static Table linesTable(Settlement s) {
        List<List<String>> rows = new ArrayList<>();
        for (SettlementLine l : s.lines()) {
            rows.add(Arrays.asList(l.scope(), l.clause(), l.flow(), l.amount().toPlainString(), l.rule(), l.detail(), l.explanation()));
        }
        return new Table(List.of("scope", "clause", "flow", "amount", "rule", "detail", "explanation"), rows);
    }

    static String render(Settlement s) {
        return render(s, java.util.function.UnaryOperator.identity());
    }

    /** @param words a sentence in the words the user gave the inputs in (the options CSV facts took their period from) */
    static String render(Settlement s, java.util.function.UnaryOperator<String> words) {
        StringBuilder out = new StringBuilder();
        out.append("Settlement of ").append(shown(s.ipaId())).append(", performance year ").append(s.performanceYear())
                .append(", under ").append(s.contract().templateId()).append(' ').append(s.contract().templateVersion()).append('\n');
        if (!s.contract().overrides().isEmpty()) {
            out.append("Overrides: ").append(s.contract().overrides()).append('\n');
        }
        // the scope and clause columns as wide as their longest entry, so no explanation starts out of line
        int scopeWidth = TextTable.widest(lines(s).map(line -> shown(line.scope())), 8);
        int clauseWidth = TextTable.widest(lines(s).filter(line -> !line.isOfTheContract()).map(SettlementLine::clause), 20);
        String finding = "  %-" + scopeWidth + "s %-" + clauseWidth + "s %s%n";
        String row = "%-" + scopeWidth + "s %-" + clauseWidth + "s %-12s %16s  %s%n";
        // Findings of the contract as a whole have a place of their own: they are about no one clause.
        if (s.findings().stream().anyMatch(SettlementLine::isOfTheContract)) {
            out.append('\n').append("Findings of the contract as a whole").append('\n');
            for (SettlementLine f : s.findings()) {
                if (f.isOfTheContract()) {
                    out.append("  ").append(shown(words.apply(f.explanation()))).append('\n');
                }
            }
        }
        out.append('\n').append("Findings").append('\n');
        for (SettlementLine f : s.findings()) {
            if (!f.isOfTheContract()) {
                out.append(String.format(finding, shown(f.scope()), f.clause(), shown(words.apply(f.explanation()))));
            }
        }
        out.append('\n').append(String.format(row, "Scope", "Clause", "Flow", "Amount", "Explanation"));
        for (SettlementLine l : s.lines()) {
            out.append(String.format(row, shown(l.scope()), l.clause(), l.flow(), usd(l.amount()), shown(words.apply(l.explanation()))));
        }
        out.append('\n').append("Totals").append('\n');
        out.append(String.format("  %-34s %16s%n", "Paid by the payer", usd(s.totals().payerTotal())));
        out.append(String.format("  %-34s %16s%n", "  of which to the IPA's pool", usd(s.totals().ipaPool())));
        out.append(String.format("  %-34s %16s%n", "Retained by the IPA", usd(s.totals().retainedByIpa())));
        out.append('\n').append(String.format("  %-6s %-40s %16s %16s %16s%n", "Id", "Practice", "Paid directly", "Distributed", "Total"));
        for (Settlement.PracticeTotal p : s.totals().practices()) {
            out.append(String.format("  %-6s %-40s %16s %16s %16s%n", shown(p.practiceId()), truncate(shown(p.name()), 40),
                    usd(p.paidDirectly()), usd(p.distributed()), usd(p.total())));
        }
        out.append('\n').append("Terms ").append(s.contract().termsHash()).append('\n');
        out.append("Rules ").append(s.rulesHash()).append('\n');
        out.append("Facts ").append(s.factsHash()).append('\n');
        return out.toString();
    }

    /** Ids, names and sentences that carry the client's text, without terminal controls or bidi overrides. */
    private static String shown(String clientText) {
        return Displayed.text(clientText);
    }

    private static java.util.stream.Stream<SettlementLine> lines(Settlement s) {
        return java.util.stream.Stream.concat(s.findings().stream(), s.lines().stream());
    }

    private static String usd(BigDecimal amount) {
        DecimalFormat format = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.US));
        BigDecimal cents = amount.setScale(2, RoundingMode.HALF_EVEN);
        return (cents.signum() < 0 ? "-" : "") + format.format(cents.abs());
    }

    private static String truncate(String s, int n) {
        return s == null ? "" : s.length() <= n ? s : s.substring(0, n - 1) + "…";
    }
}
