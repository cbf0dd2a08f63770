package org.accord.terms;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The README's table of contract templates names every template the jar ships, and no other. */
class ReadmeTemplatesTableTest {

    /** A row's first cell: the templates it describes, each in backquotes. */
    private static final Pattern FIRST_CELL = Pattern.compile("(?m)^\\| (`[^|]+`) \\|");
    private static final Pattern ID = Pattern.compile("`([a-z0-9-]+)`");

    @Test
    void everyShippedTemplateIsInTheTable() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        String table = readme.substring(readme.indexOf("## Contract templates"), readme.indexOf("### Templates and decision tables as data"));
        Set<String> named = new TreeSet<>();
        Matcher cell = FIRST_CELL.matcher(table);
        while (cell.find()) {
            ID.matcher(cell.group(1)).results().forEach(id -> named.add(id.group(1)));
        }
        Set<String> shipped = new TreeSet<>();
        TemplateCatalog.load().all().forEach(template -> shipped.add(template.id()));

        assertThat(named).isEqualTo(shipped);
    }
}
