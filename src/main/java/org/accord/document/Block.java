package org.accord.document;

import java.util.List;

/** One block of a document, rendered the same way to Markdown and to HTML. */
sealed interface Block {

    record Heading(int level, String text) implements Block {
    }

    record Paragraph(String text) implements Block {
    }

    /** Text quoted from a regulation or a contract, with where it comes from. */
    record Quote(String text, String citation) implements Block {
    }

    record Table(List<String> headers, List<List<String>> rows) implements Block {
    }

    /** Text shown verbatim: a rule, a diagram's source. */
    record Code(String language, String text) implements Block {
    }

    record Bullets(List<String> items) implements Block {
    }
}
