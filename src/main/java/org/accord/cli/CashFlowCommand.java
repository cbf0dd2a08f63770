package org.accord.cli;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import org.accord.scenarios.CashFlowRequest;
import org.accord.scenarios.CashFlowResult;
import org.accord.scenarios.Scenarios;
import org.accord.terms.ConceptDescriptor;
import org.accord.validation.Decimals;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "cashflow", mixinStandardHelpOptions = true,
        description = "The contract's money month by month, for the IPA or one practice, against its monthly costs: "
                + "monthly payments during the period, reconciliations the contract's lag after it, the cumulative net "
                + "and the month it turns positive.")
class CashFlowCommand implements Callable<Integer> {

    @Mixin
    FactsOptions facts;

    /** The data directory whose published templates may be named. */
    @Mixin
    RunsCommand.Where where;

    @Option(names = "--template", required = true, description = "Contract template id (see 'templates': shipped, or published in the data directory).")
    String template;

    @Option(names = "--set", paramLabel = "NAME=VALUE", parameterConsumer = OverrideOnce.class,
            description = "Override a parameter (repeatable), for example reconciliationLagMonths=12 under mssp-basic.")
    Map<String, String> overrides = new LinkedHashMap<>();

    @Option(names = "--scope", defaultValue = "IPA", paramLabel = "IPA|PRACTICE",
            description = "IPA (default: the IPA and its practices together) or a practice id.")
    String scope;

    @Option(names = "--monthly-cost", split = ",", paramLabel = "USD", converter = MonthlyCost.class,
            description = "The monthly cost: one amount for every month of the period, or amounts month by month separated by commas, "
                    + "one for each month of the period or more (a shorter list is refused). The comma separates months, so write "
                    + "amounts without thousands separators: 1000000, not 1,000,000.")
    List<BigDecimal> monthlyCosts = new ArrayList<>();

    /**
     * One month's cost. The list is split on commas, so "1,000,000" came as the three costs 1, 000 and 000 (found from
     * outside): a figure written with leading zeros is no month's cost but the part of an amount after a thousands
     * separator, and is refused saying so.
     */
    static final class MonthlyCost implements CommandLine.ITypeConverter<BigDecimal> {
        private static final Pattern LEADING_ZEROS = Pattern.compile("[+-]?0[0-9].*");

        @Override
        public BigDecimal convert(String text) {
            if (LEADING_ZEROS.matcher(text.trim()).matches()) {
                throw new CommandLine.TypeConversionException("'" + text + "' is not a plain amount (it has leading zeros): a comma"
                        + " separates months, so write each amount without thousands separators (1000000, not 1,000,000)");
            }
            try {
                return Decimals.parseOrThrow(text);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }

    @Option(names = "--p4p-timing", defaultValue = CashFlowRequest.AT_RECONCILIATION, paramLabel = "reconciliation|monthly",
            description = "When pay-for-performance bonuses are paid (default ${DEFAULT-VALUE}: once the year's measures are final).")
    String payForPerformance;

    @Mixin
    OutputOptions output;

    @Override
    public Integer call() {
        output.apartFrom(facts.facts);
        CashFlowResult result = new Scenarios(ServedTemplates.evaluations(where.directory(), List.of(template))).cashFlow(new CashFlowRequest(
                Contracts.of(template, overrides), facts.load(), scope, monthlyCosts, payForPerformance));
        output.print(result, () -> report(result));
        return 0;
    }

    private static String report(CashFlowResult r) {
        StringBuilder out = new StringBuilder();
        out.append("Cash flow of ").append(CashFlowRequest.IPA.equals(r.scope()) ? "the IPA " + r.ipaId() + " and its practices"
                : r.scope() + " " + r.name()).append(" under ").append(r.templateId());
        if (!r.overrides().isEmpty()) {
            out.append(" with ").append(r.overrides());
        }
        out.append(", performance year ").append(r.performanceYear()).append('\n');
        out.append("Period ").append(r.firstMonth()).append(" to ").append(r.lastMonth()).append("; reconciliation")
                .append(r.paysAtReconciliation() ? " paid " : ", by the contract, ")
                .append(r.reconciliationLagMonths()).append(r.reconciliationLagMonths() == 1 ? " month" : " months")
                .append(" after it ends, in ").append(r.reconciliationMonth())
                .append(" (month ").append(r.monthsToReconciliation()).append(")\n\n");
        TextTable months = new TextTable("month", "#", "monthly", "reconciliation", "inflow", "cost", "net", "cumulative net");
        for (CashFlowResult.Month m : r.months()) {
            months.row(m.month().toString(), String.valueOf(m.number()), m.monthly().toPlainString(), m.reconciliation().toPlainString(),
                    m.inflow().toPlainString(), m.cost().toPlainString(), m.net().toPlainString(), m.cumulativeNet().toPlainString());
        }
        out.append(months.render("  "));
        out.append(String.format("%n  Total inflow %s, total cost %s, net %s%n", TextTable.readable(r.totalInflow().toPlainString()),
                TextTable.readable(r.totalCost().toPlainString()), TextTable.readable(r.totalInflow().subtract(r.totalCost()).toPlainString())));
        out.append(r.firstPositiveMonth() == null
                ? "  The cumulative net never turns positive in the " + r.months().size() + " months shown.\n"
                : "  The cumulative net turns positive in " + r.firstPositiveMonth() + ", month " + r.monthsToFirstPositive()
                  + " after the period starts.\n");
        if (r.paysAtReconciliation()) {
            out.append("  Reconciliation money arrives in month ").append(r.monthsToReconciliation())
                    .append(r.monthsToReconciliation() > 12 ? ": more than a year after the period starts.\n" : ".\n");
        } else {
            boolean everyLineMonthly = r.lines().stream().allMatch(l -> ConceptDescriptor.Timing.MONTHLY.equals(l.timing()));
            out.append("  Nothing is paid at reconciliation: ")
                    .append(everyLineMonthly ? "every line is paid monthly during the period.\n" : "the lines paid then are $0.00.\n");
        }
        Map<String, BigDecimal> byTiming = new LinkedHashMap<>();
        for (CashFlowResult.ScheduledLine line : r.lines()) {
            byTiming.merge(line.clause() + " (" + line.timing() + ")", line.amount(), BigDecimal::add);
        }
        TextTable lines = new TextTable("clause (when paid)", "amount");
        byTiming.forEach((clause, amount) -> lines.row(clause, amount.toPlainString()));
        out.append("\nLines by clause\n").append(lines.render("  "));
        out.append('\n').append(SimulateCommand.wrap(r.timing(), 100, "  "));
        return out.toString();
    }
}
