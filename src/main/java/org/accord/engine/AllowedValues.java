package org.accord.engine;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.kie.dmn.api.feel.runtime.events.FEELEvent;
import org.kie.dmn.feel.FEEL;
import org.kie.dmn.feel.codegen.feel11.ProcessedUnaryTest;
import org.kie.dmn.feel.lang.CompilerContext;
import org.kie.dmn.feel.lang.ast.ASTNode;
import org.kie.dmn.feel.lang.ast.DashNode;
import org.kie.dmn.feel.lang.ast.NumberNode;
import org.kie.dmn.feel.lang.ast.RangeNode;
import org.kie.dmn.feel.lang.ast.SignedUnaryNode;
import org.kie.dmn.feel.lang.ast.StringNode;
import org.kie.dmn.feel.lang.ast.UnaryTestListNode;
import org.kie.dmn.feel.lang.ast.UnaryTestNode;
import org.kie.dmn.feel.lang.ast.UndefinedValueNode;
import org.kie.dmn.feel.lang.types.BuiltInType;
import org.kie.dmn.feel.parser.feel11.profiles.KieExtendedFEELProfile;
import org.kie.dmn.feel.runtime.events.SyntaxErrorEvent;

/**
 * The values a decision table declares its input may take, as its author writes them in FEEL
 * ({@code >= 0}, {@code [0..5000]}, {@code ]0..5[}, {@code < 10, >= 20}, {@code "gold", "silver"}),
 * read as a set so that two tables' declarations compare: a replacement must admit every value the
 * table it replaces admits, because the rules consult it with those values and upload's gap
 * analysis covers only the values the replacement itself declares.
 * <p>
 * Numbers are a union of intervals, each end open, closed or unbounded; strings are a set of
 * literals; nothing declared admits any value (as numbers, any number; as strings, any string).
 * Anything else an author may write (names, dates, functions, {@code null}, a negated list of
 * strings) is {@link NotComparable}: the caller refuses what it cannot compare rather than
 * guess.
 */
final class AllowedValues {

    /** Nothing declared: any value. */
    static final AllowedValues ANY = new AllowedValues(Kind.ANY, List.of(), new TreeSet<>());

    private enum Kind { ANY, NUMBERS, STRINGS }

    private final Kind kind;
    /** Sorted, disjoint and not touching, none empty. */
    private final List<Interval> intervals;
    private final SortedSet<String> strings;

    private AllowedValues(Kind kind, List<Interval> intervals, SortedSet<String> strings) {
        this.kind = kind;
        this.intervals = List.copyOf(intervals);
        this.strings = java.util.Collections.unmodifiableSortedSet(new TreeSet<>(strings));
    }

    private static AllowedValues numbers(List<Interval> intervals) {
        return new AllowedValues(Kind.NUMBERS, normalized(intervals), new TreeSet<>());
    }

    private static AllowedValues strings(Set<String> strings) {
        return new AllowedValues(Kind.STRINGS, List.of(), new TreeSet<>(strings));
    }

    /** A declaration that cannot be read as numbers or strings, or two that cannot be compared. */
    static final class NotComparable extends IllegalArgumentException {
        NotComparable(String reason) {
            super(reason);
        }
    }

    /**
     * Reads FEEL unary tests as an allowed-values or type-constraint text holds them.
     *
     * @throws NotComparable naming the text and what could not be read in it
     */
    static AllowedValues read(String feelText) {
        String text = feelText == null ? "" : feelText.strip();
        if (text.isEmpty()) {
            return ANY;
        }
        FEEL feel = FEEL.newInstance(AllowedValues.class.getClassLoader(), List.of(new KieExtendedFEELProfile()));
        List<FEELEvent> events = new ArrayList<>();
        CompilerContext context = feel.newCompilerContext();
        context.getListeners().add(events::add);
        context.addInputVariableType("?", BuiltInType.UNKNOWN);
        ASTNode tree;
        try {
            tree = feel.processUnaryTests(text, context) instanceof ProcessedUnaryTest tests && tests.getInterpreted() != null
                    ? tests.getInterpreted().getASTNode() : null;
        } catch (RuntimeException e) {
            tree = null;
        }
        if (tree == null || events.stream().anyMatch(SyntaxErrorEvent.class::isInstance)) {
            throw new NotComparable("'" + text + "' is not valid FEEL");
        }
        if (!(tree instanceof UnaryTestListNode list)) {
            throw unreadable(text, text);
        }
        List<Interval> numbers = new ArrayList<>();
        Set<String> strings = new TreeSet<>();
        for (ASTNode element : list.getElements()) {
            if (element instanceof DashNode) {
                return ANY;
            }
            if (element instanceof UnaryTestNode test && test.getValue() instanceof StringNode string
                    && test.getOperator() == UnaryTestNode.UnaryOperator.EQ) {
                strings.add(string.getValue());
            } else {
                numbers.add(interval(text, element));
            }
        }
        if (!numbers.isEmpty() && !strings.isEmpty()) {
            throw new NotComparable("'" + text + "' mixes numbers and strings");
        }
        if (!strings.isEmpty()) {
            if (list.isNegated()) {
                throw new NotComparable("'" + text + "' excludes strings rather than listing them");
            }
            return strings(strings);
        }
        AllowedValues declared = numbers(numbers);
        return list.isNegated() ? numbers(complement(declared.intervals)) : declared;
    }

    /** One element of the list as an interval of numbers: a number, or a range with numbers or nothing at its ends. */
    private static Interval interval(String text, ASTNode element) {
        if (!(element instanceof UnaryTestNode test)) {
            throw unreadable(text, element.getText());
        }
        if (test.getOperator() == UnaryTestNode.UnaryOperator.EQ) {
            BigDecimal value = number(test.getValue()).orElseThrow(() -> unreadable(text, element.getText()));
            return new Interval(value, true, value, true);
        }
        if (test.getOperator() == UnaryTestNode.UnaryOperator.IN && test.getValue() instanceof RangeNode range) {
            BigDecimal start = end(text, element, range.getStart());
            BigDecimal end = end(text, element, range.getEnd());
            if (start != null && end != null && start.compareTo(end) > 0) {
                throw new NotComparable(place(text, element.getText()) + " starts above its end");
            }
            return new Interval(start, start != null && range.getLowerBound() == RangeNode.IntervalBoundary.CLOSED,
                    end, end != null && range.getUpperBound() == RangeNode.IntervalBoundary.CLOSED);
        }
        throw unreadable(text, element.getText());
    }

    /** A range's end: a number, or null where the range is unbounded ({@code >= 0} has no upper end). */
    private static BigDecimal end(String text, ASTNode element, ASTNode end) {
        if (end == null || end instanceof UndefinedValueNode) {
            return null;
        }
        return number(end).orElseThrow(() -> unreadable(text, element.getText()));
    }

    private static java.util.Optional<BigDecimal> number(ASTNode node) {
        if (node instanceof NumberNode number) {
            return java.util.Optional.of(number.getValue());
        }
        if (node instanceof SignedUnaryNode signed && signed.getExpression() instanceof NumberNode number) {
            return java.util.Optional.of(signed.getSign() == SignedUnaryNode.Sign.NEGATIVE ? number.getValue().negate() : number.getValue());
        }
        return java.util.Optional.empty();
    }

    private static NotComparable unreadable(String text, String part) {
        return new NotComparable(place(text, part) + " is not a number, a range of numbers or a string");
    }

    /** The part of a text that could not be read, quoted, and the whole text where it is only a part. */
    private static String place(String text, String part) {
        return part.strip().equals(text) ? "'" + text + "'" : "'" + part.strip() + "' in '" + text + "'";
    }

    /** The values both admit: how a type's constraints and its base type's combine. */
    AllowedValues and(AllowedValues other) {
        if (kind == Kind.ANY) {
            return other;
        }
        if (other.kind == Kind.ANY) {
            return this;
        }
        requireSameKind(other);
        if (kind == Kind.STRINGS) {
            Set<String> both = new TreeSet<>(strings);
            both.retainAll(other.strings);
            return strings(both);
        }
        List<Interval> both = new ArrayList<>();
        for (Interval mine : intervals) {
            for (Interval theirs : other.intervals) {
                both.add(mine.and(theirs));
            }
        }
        return numbers(both);
    }

    /**
     * The values this admits and {@code other} does not; empty when {@code other} admits all of them.
     *
     * @throws NotComparable when one declares numbers and the other strings
     */
    AllowedValues without(AllowedValues other) {
        if (other.kind == Kind.ANY) {
            return kind == Kind.STRINGS ? strings(Set.of()) : numbers(List.of());
        }
        if (kind == Kind.ANY) {
            // Any value, as the other reads values: any number, or any string.
            return other.kind == Kind.NUMBERS ? numbers(complement(other.intervals)) : ANY;
        }
        requireSameKind(other);
        if (kind == Kind.STRINGS) {
            Set<String> left = new TreeSet<>(strings);
            left.removeAll(other.strings);
            return strings(left);
        }
        return and(numbers(complement(other.intervals)));
    }

    /** Whether it admits no value at all. */
    boolean isEmpty() {
        return kind == Kind.NUMBERS ? intervals.isEmpty() : kind == Kind.STRINGS && strings.isEmpty();
    }

    private void requireSameKind(AllowedValues other) {
        if (kind != other.kind) {
            throw new NotComparable("numbers (" + (kind == Kind.NUMBERS ? this : other) + ") cannot be compared with strings ("
                    + (kind == Kind.STRINGS ? this : other) + ")");
        }
    }

    /** The values as a condition on a named input: {@code Assigned beneficiaries > 5000}, {@code Tier in "gold", "silver"}. */
    String asConditionOn(String name) {
        if (kind == Kind.NUMBERS && intervals.size() == 1 && (intervals.get(0).lower == null) != (intervals.get(0).upper == null)) {
            return name + " " + this;
        }
        if (kind == Kind.NUMBERS && intervals.size() == 1 && intervals.get(0).lower != null && intervals.get(0).upper != null
                && intervals.get(0).lower.compareTo(intervals.get(0).upper) == 0) {
            return name + " = " + this;
        }
        return kind == Kind.ANY || this.toString().equals("any number") ? name + " of " + this : name + " in " + this;
    }

    /** As an author would write it in FEEL, or {@code any value} when nothing is declared. */
    @Override
    public String toString() {
        return switch (kind) {
            case ANY -> "any value";
            case STRINGS -> strings.isEmpty() ? "no string"
                    : strings.stream().map(s -> "\"" + s + "\"").collect(Collectors.joining(", "));
            case NUMBERS -> intervals.isEmpty() ? "no number"
                    : intervals.stream().map(Interval::toString).collect(Collectors.joining(", "));
        };
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AllowedValues other && kind == other.kind && intervals.equals(other.intervals)
                && strings.equals(other.strings);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(kind, intervals, strings);
    }

    /**
     * Numbers between two ends; a null end is unbounded (and never closed). Ends compare by value
     * with {@code compareTo}, so 5000 and 5000.0 are one end.
     */
    private record Interval(BigDecimal lower, boolean lowerClosed, BigDecimal upper, boolean upperClosed) {

        /** Lower ends in order: unbounded first; at one value a closed end first, as it admits more. */
        static final Comparator<Interval> BY_LOWER_END = (a, b) -> {
            if (a.lower == null || b.lower == null) {
                return a.lower == null ? (b.lower == null ? 0 : -1) : 1;
            }
            int byValue = a.lower.compareTo(b.lower);
            return byValue != 0 ? byValue : Boolean.compare(b.lowerClosed, a.lowerClosed);
        };

        /** Upper ends in order: unbounded last; at one value a closed end last, as it admits more. */
        static final Comparator<Interval> BY_UPPER_END = (a, b) -> {
            if (a.upper == null || b.upper == null) {
                return a.upper == null ? (b.upper == null ? 0 : 1) : -1;
            }
            int byValue = a.upper.compareTo(b.upper);
            return byValue != 0 ? byValue : Boolean.compare(a.upperClosed, b.upperClosed);
        };

        boolean isEmpty() {
            if (lower == null || upper == null) {
                return false;
            }
            int order = lower.compareTo(upper);
            return order > 0 || order == 0 && !(lowerClosed && upperClosed);
        }

        Interval and(Interval other) {
            Interval from = BY_LOWER_END.compare(this, other) >= 0 ? this : other;
            Interval to = BY_UPPER_END.compare(this, other) <= 0 ? this : other;
            return new Interval(from.lower, from.lowerClosed, to.upper, to.upperClosed);
        }

        /** Whether {@code next}, which starts no earlier, overlaps this or meets it with no value between. */
        boolean reaches(Interval next) {
            if (upper == null || next.lower == null) {
                return true;
            }
            int order = next.lower.compareTo(upper);
            return order < 0 || order == 0 && (next.lowerClosed || upperClosed);
        }

        @Override
        public String toString() {
            if (lower == null && upper == null) {
                return "any number";
            }
            if (upper == null) {
                return (lowerClosed ? ">= " : "> ") + plain(lower);
            }
            if (lower == null) {
                return (upperClosed ? "<= " : "< ") + plain(upper);
            }
            if (lower.compareTo(upper) == 0) {
                return plain(lower);
            }
            return (lowerClosed ? "[" : "(") + plain(lower) + ".." + plain(upper) + (upperClosed ? "]" : ")");
        }

        private static String plain(BigDecimal value) {
            return value.signum() == 0 ? "0" : value.stripTrailingZeros().toPlainString();
        }
    }

    /** Sorted by lower end, with those that overlap or meet joined into one, and the empty ones dropped. */
    private static List<Interval> normalized(List<Interval> intervals) {
        List<Interval> sorted = intervals.stream().filter(i -> !i.isEmpty()).sorted(Interval.BY_LOWER_END).toList();
        List<Interval> joined = new ArrayList<>();
        for (Interval next : sorted) {
            Interval last = joined.isEmpty() ? null : joined.get(joined.size() - 1);
            if (last != null && last.reaches(next)) {
                Interval to = Interval.BY_UPPER_END.compare(last, next) >= 0 ? last : next;
                joined.set(joined.size() - 1, new Interval(last.lower, last.lowerClosed, to.upper, to.upperClosed));
            } else {
                joined.add(next);
            }
        }
        return joined;
    }

    /** The numbers none of the (normalized) intervals admits. */
    private static List<Interval> complement(List<Interval> intervals) {
        List<Interval> gaps = new ArrayList<>();
        BigDecimal from = null;
        boolean fromClosed = false;
        for (Interval interval : intervals) {
            if (interval.lower != null) {
                gaps.add(new Interval(from, fromClosed, interval.lower, !interval.lowerClosed));
            }
            if (interval.upper == null) {
                return normalized(gaps);
            }
            from = interval.upper;
            fromClosed = !interval.upperClosed;
        }
        gaps.add(new Interval(from, fromClosed, null, false));
        return normalized(gaps);
    }
}
