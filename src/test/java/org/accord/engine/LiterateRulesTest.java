package org.accord.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Literate rules: above every rule, the paragraph of the regulation or contract it implements,
 * as {@code docs/methodology/README.md} describes. A quoted paragraph must be word for word what
 * its source says: a contract clause's text in its template, a regulation's text in the cited
 * methodology page's excerpts; a paragraph in other words says {@code (paraphrase)}.
 */
class LiterateRulesTest {

    private static final Path RULES = Path.of("rules");
    private static final Pattern RULE = Pattern.compile("^rule \"([^\"]+)\"");
    private static final Pattern CITES = Pattern.compile("^// Cites: (.+); (docs/methodology/[a-z0-9-]+\\.md)$");
    private static final Pattern TEMPLATE_CLAUSE = Pattern.compile("^(contract-templates/[a-z0-9-]+\\.yaml), clause \"([a-z-]+)\"$");
    private static final Pattern METHODOLOGY_PAGE = Pattern.compile("docs/methodology/[a-z0-9-]+\\.md");
    private static final YAMLMapper YAML = YAMLMapper.builder().build();

    /** One rule's citation block: what it cites, the page, and the quote or paraphrase below. */
    record Citation(String file, String rule, String source, String page, String body) {
    }

    @Test
    void everyRuleHasACitationAndAQuoteOrAParaphraseAboveIt() throws IOException {
        List<String> uncited = new ArrayList<>();
        List<Citation> citations = citations(uncited);
        assertThat(citations).hasSizeGreaterThan(80);
        assertThat(uncited).as("rules without a '// Cites: <source>; docs/methodology/<page>.md' line directly above them").isEmpty();
        List<String> neither = citations.stream()
                .filter(c -> !c.body().startsWith("\"") && !c.body().startsWith("(paraphrase)"))
                .map(c -> c.file() + ": " + c.rule()).toList();
        assertThat(neither).as("citations followed by neither a quoted paragraph nor a (paraphrase)").isEmpty();
    }

    @Test
    void everyCitedMethodologyPageExists() throws IOException {
        List<String> missing = new ArrayList<>();
        for (Path file : ruleFiles()) {
            Matcher page = METHODOLOGY_PAGE.matcher(Files.readString(file));
            while (page.find()) {
                if (!Files.isRegularFile(Path.of(page.group()))) {
                    missing.add(file + " cites " + page.group());
                }
            }
        }
        assertThat(missing).as("methodology pages cited by rule files but not in docs/methodology/").isEmpty();
    }

    @Test
    void everyRuleFileHeaderNamesItsMethodologyPage() throws IOException {
        List<String> without = new ArrayList<>();
        for (Path file : ruleFiles()) {
            String text = Files.readString(file);
            String header = file.toString().endsWith(".drl") ? text.substring(0, Math.max(0, text.indexOf("package "))) : text;
            if (!METHODOLOGY_PAGE.matcher(header).find()) {
                without.add(file.toString());
            }
        }
        assertThat(without).as("rule files whose header cites no docs/methodology/ page").isEmpty();
    }

    @Test
    void aQuotedContractClauseIsWordForWordTheTemplatesText() throws IOException {
        List<String> misquoted = new ArrayList<>();
        for (Citation citation : citations(new ArrayList<>())) {
            Matcher clause = TEMPLATE_CLAUSE.matcher(citation.source());
            if (!clause.matches() || !citation.body().startsWith("\"")) {
                continue;
            }
            JsonNode template = YAML.readTree(Files.readString(Path.of(clause.group(1))));
            String text = null;
            for (JsonNode c : template.get("clauses")) {
                if (c.get("id").asString().equals(clause.group(2))) {
                    text = c.get("text").asString();
                }
            }
            if (text == null || !containsInOrder(text, quote(citation.body()))) {
                misquoted.add(citation.file() + ": " + citation.rule() + " quotes " + citation.source());
            }
        }
        assertThat(misquoted).as("quotes that are not word for word the clause text of the cited template").isEmpty();
    }

    @Test
    void aQuotedRegulationIsWordForWordInTheCitedPagesExcerpts() throws IOException {
        List<String> misquoted = new ArrayList<>();
        int regulations = 0;
        for (Citation citation : citations(new ArrayList<>())) {
            if (TEMPLATE_CLAUSE.matcher(citation.source()).matches() || !citation.body().startsWith("\"")) {
                continue;
            }
            regulations++;
            String page = Files.readString(Path.of(citation.page()));
            int excerpts = page.indexOf("## Excerpts");
            if (excerpts < 0 || !containsInOrder(page.substring(excerpts), quote(citation.body()))) {
                misquoted.add(citation.file() + ": " + citation.rule() + " quotes " + citation.source());
            }
        }
        assertThat(regulations).as("rules quoting a regulation").isPositive();
        assertThat(misquoted).as("regulation quotes not found word for word in the cited page's Excerpts").isEmpty();
    }

    @Test
    void theDecisionTablesCiteTheirSource() throws IOException {
        try (Stream<Path> files = Files.walk(RULES)) {
            for (Path dmn : files.filter(f -> f.toString().endsWith(".dmn")).toList()) {
                assertThat(Files.readString(dmn)).as(dmn.toString())
                        .containsPattern("<!-- Cites: .+; docs/methodology/[a-z0-9-]+\\.md -->");
            }
        }
    }

    /** The quoted words: from the opening quote mark to the closing one, which ends the quote. */
    private static String quote(String body) {
        int close = body.indexOf('"', 1);
        return close < 0 ? body.substring(1) : body.substring(1, close);
    }

    /** Each part of a quote between ellipses appears in the source, in order, spacing aside. */
    static boolean containsInOrder(String source, String quote) {
        String text = normalised(source);
        int from = 0;
        for (String part : quote.split("\\.\\.\\.")) {
            String words = normalised(part);
            if (words.isEmpty()) {
                continue;
            }
            int at = text.indexOf(words, from);
            if (at < 0) {
                return false;
            }
            from = at + words.length();
        }
        return true;
    }

    private static String normalised(String text) {
        return text.replaceAll("(?m)^> ", "").replaceAll("\\s+", " ").strip();
    }

    private static List<Citation> citations(List<String> uncited) throws IOException {
        List<Citation> citations = new ArrayList<>();
        for (Path file : ruleFiles()) {
            if (!file.toString().endsWith(".drl")) {
                continue;
            }
            List<String> lines = Files.readAllLines(file);
            for (int i = 0; i < lines.size(); i++) {
                Matcher rule = RULE.matcher(lines.get(i));
                if (!rule.find()) {
                    continue;
                }
                int first = i;
                while (first > 0 && lines.get(first - 1).startsWith("//")) {
                    first--;
                }
                Matcher cites = first < i ? CITES.matcher(lines.get(first)) : null;
                if (cites == null || !cites.matches()) {
                    uncited.add(file + ": " + rule.group(1));
                    continue;
                }
                StringBuilder body = new StringBuilder();
                for (int j = first + 1; j < i; j++) {
                    body.append(lines.get(j).substring(2).strip()).append(' ');
                }
                citations.add(new Citation(file.toString(), rule.group(1), cites.group(1), cites.group(2), body.toString().strip()));
            }
        }
        return citations;
    }

    private static List<Path> ruleFiles() {
        try (Stream<Path> files = Files.walk(RULES)) {
            return files.filter(f -> f.toString().endsWith(".drl") || f.toString().endsWith(".dmn")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
