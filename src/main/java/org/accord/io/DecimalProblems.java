package org.accord.io;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.accord.validation.InputProblem;
import org.accord.validation.InvalidInputException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.TokenStreamContext;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ObjectReader;

/**
 * The fields of one JSON document that hold no decimal, each named where the document has it: a reader given one
 * ({@link #recording}) notes such a field and reads on, where it stopped at the first, so that a document with several is
 * refused naming every one of them, as several fields out of their constraints are. A reader given none still stops at
 * the first. One is made for each document read and is not shared between threads.
 */
public final class DecimalProblems {

    private final List<InputProblem> found = new ArrayList<>();

    /** The reader, noting here each field that holds no decimal. */
    public ObjectReader recording(ObjectReader reader) {
        return reader.withAttribute(DecimalProblems.class, this);
    }

    /** @throws InvalidInputException naming each field noted, in the document's order, when there is any */
    public void throwIfAny() {
        InvalidInputException.throwIfAny(found);
    }

    /**
     * The value a field that holds no decimal reads as: noted with the reason, and a stand-in that is never settled (the
     * reading is refused once the document has been read), when the reading records such fields; else what
     * {@code refusal} does, which stops it. An object or a list where the decimal belongs is passed over whole.
     */
    static BigDecimal notADecimal(JsonParser parser, DeserializationContext context, String reason, Supplier<Object> refusal) {
        if (!(context.getAttribute(DecimalProblems.class) instanceof DecimalProblems problems)) {
            return (BigDecimal) refusal.get();
        }
        TokenStreamContext field = parser.streamReadContext();
        if (parser.currentToken().isStructStart()) {
            // The parser has entered the value: the field is its parent's place.
            field = field.getParent();
            parser.skipChildren();
        }
        problems.found.add(new InputProblem(field.pathAsPointer().toString(), reason));
        return BigDecimal.ZERO;
    }
}
