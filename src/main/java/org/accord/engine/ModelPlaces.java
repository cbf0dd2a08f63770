package org.accord.engine;

import java.util.Optional;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Names a place in an uploaded DMN model as its author reads it in a modeller: the decision, the
 * table's rule (row) number and column, rather than the XML element's id alone.
 */
final class ModelPlaces {

    private final Document document;

    ModelPlaces(Document document) {
        this.document = document;
    }

    /** The place of the element with this id, if the model has one. */
    Optional<String> ofId(String id) {
        if (id == null || id.isBlank()) {
            return Optional.empty();
        }
        NodeList all = document.getElementsByTagNameNS("*", "*");
        for (int i = 0; i < all.getLength(); i++) {
            Element element = (Element) all.item(i);
            if (id.equals(element.getAttribute("id"))) {
                return Optional.of(of(element));
            }
        }
        return Optional.empty();
    }

    /**
     * The place of an element: its decision (or other named node), then within a decision table
     * the rule and the column ({@code decision 'Which rate applies?', rule 2 (id r1), input 'Quality score'}).
     */
    String of(Element element) {
        StringBuilder place = new StringBuilder(namedNode(element));
        Element table = ancestor(element, "decisionTable");
        Element rule = ancestor(element, "rule");
        if (table != null && rule != null) {
            place.append(", rule ").append(positionAmong(rule, "rule"));
            if (!rule.getAttribute("id").isEmpty()) {
                place.append(" (id ").append(rule.getAttribute("id")).append(')');
            }
            Element entry = element == rule ? null : ancestorOrSelfBelow(element, rule);
            if (entry != null && "inputEntry".equals(entry.getLocalName())) {
                place.append(", input ").append(column(table, "input", positionAmong(entry, "inputEntry")));
            } else if (entry != null && "outputEntry".equals(entry.getLocalName())) {
                place.append(", output ").append(column(table, "output", positionAmong(entry, "outputEntry")));
            }
        } else if (table != null && element != table) {
            Element clause = ancestorOrSelfBelow(element, table);
            if (clause != null && ("input".equals(clause.getLocalName()) || "output".equals(clause.getLocalName()))) {
                place.append(", ").append(clause.getLocalName()).append(' ')
                        .append(column(table, clause.getLocalName(), positionAmong(clause, clause.getLocalName())));
            }
            if (element != clause) {
                place.append(", ").append(words(element.getLocalName()));
            }
        } else if (table != null) {
            place.append(", decision table");
        } else if (element != ancestorNamedNode(element)) {
            place.append(", ").append(words(element.getLocalName()));
        }
        return place.toString();
    }

    /** How a column reads in the table's header: its label, its name, or its number. */
    private static String column(Element table, String clause, int position) {
        Element[] headers = childElements(table, clause);
        if (position < 1 || position > headers.length) {
            return String.valueOf(position);
        }
        Element header = headers[position - 1];
        for (String attribute : new String[] {"label", "name"}) {
            if (!header.getAttribute(attribute).isEmpty()) {
                return position + " ('" + header.getAttribute(attribute) + "')";
            }
        }
        Element expression = firstChild(header, "inputExpression");
        Element text = expression == null ? null : firstChild(expression, "text");
        return text == null ? String.valueOf(position) : position + " ('" + text.getTextContent().strip() + "')";
    }

    private static final String[] NAMED_NODES = {"decision", "inputData", "businessKnowledgeModel", "decisionService",
        "itemDefinition", "knowledgeSource"};

    private static String namedNode(Element element) {
        Element node = ancestorNamedNode(element);
        if (node == null) {
            return "model";
        }
        return words(node.getLocalName()) + " '" + node.getAttribute("name") + "'";
    }

    /** The nearest node of the decision requirements graph (or item definition) holding the element. */
    private static Element ancestorNamedNode(Element element) {
        Element outermost = null;
        for (Node node = element; node instanceof Element current; node = node.getParentNode()) {
            for (String named : NAMED_NODES) {
                if (named.equals(current.getLocalName())) {
                    outermost = current;
                }
            }
        }
        return outermost;
    }

    private static Element ancestor(Element element, String localName) {
        for (Node node = element; node instanceof Element current; node = node.getParentNode()) {
            if (localName.equals(current.getLocalName())) {
                return current;
            }
        }
        return null;
    }

    /** The element, or its ancestor, that is a direct child of {@code parent}. */
    private static Element ancestorOrSelfBelow(Element element, Element parent) {
        for (Node node = element; node instanceof Element current; node = node.getParentNode()) {
            if (current.getParentNode() == parent) {
                return current;
            }
        }
        return null;
    }

    private static int positionAmong(Element element, String localName) {
        Element[] siblings = childElements((Element) element.getParentNode(), localName);
        for (int i = 0; i < siblings.length; i++) {
            if (siblings[i] == element) {
                return i + 1;
            }
        }
        return 0;
    }

    private static Element[] childElements(Element parent, String localName) {
        java.util.List<Element> children = new java.util.ArrayList<>();
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element child && localName.equals(child.getLocalName())) {
                children.add(child);
            }
        }
        return children.toArray(Element[]::new);
    }

    private static Element firstChild(Element parent, String localName) {
        Element[] children = childElements(parent, localName);
        return children.length == 0 ? null : children[0];
    }

    /** {@code inputData} as "input data", {@code businessKnowledgeModel} as "business knowledge model". */
    private static String words(String camelCase) {
        return camelCase.replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(java.util.Locale.ROOT);
    }
}
