package org.accord.document;

import java.util.List;
import java.util.stream.Collectors;

/** Writes blocks as Markdown or as a standalone HTML page with print styles. */
final class Rendering {

    private Rendering() {
    }

    static String markdown(List<Block> blocks) {
        StringBuilder out = new StringBuilder();
        for (Block block : blocks) {
            if (block instanceof Block.Heading h) {
                out.append("#".repeat(h.level())).append(' ').append(h.text()).append("\n\n");
            } else if (block instanceof Block.Paragraph p) {
                out.append(p.text()).append("\n\n");
            } else if (block instanceof Block.Quote q) {
                for (String line : q.text().strip().split("\n")) {
                    out.append("> ").append(line).append('\n');
                }
                out.append(">\n> — ").append(q.citation()).append("\n\n");
            } else if (block instanceof Block.Table t) {
                out.append(row(t.headers()));
                out.append(t.headers().stream().map(x -> "---").collect(Collectors.joining("|", "|", "|\n")));
                t.rows().forEach(r -> out.append(row(r)));
                out.append('\n');
            } else if (block instanceof Block.Code c) {
                out.append("```").append(c.language()).append('\n').append(c.text().stripTrailing())
                    .append("\n```\n\n");
            } else if (block instanceof Block.Bullets b) {
                b.items().forEach(item -> out.append("- ").append(item).append('\n'));
                out.append('\n');
            }
        }
        return out.toString();
    }

    private static String row(List<String> cells) {
        return cells.stream().map(c -> c.replace("|", "\\|").replace("\n", " "))
                .collect(Collectors.joining(" | ", "| ", " |\n"));
    }

    /** A page that prints well: tables and rules are not split across pages, links show their target. */
    private static final String STYLE = """
            body { font-family: Georgia, serif; max-width: 60em; margin: 2em auto; padding: 0 1em; line-height: 1.45; color: #111; }
            h1, h2, h3, h4 { font-family: Helvetica, Arial, sans-serif; }
            table { border-collapse: collapse; margin: 0.5em 0 1em; font-size: 0.9em; }
            th, td { border: 1px solid #999; padding: 0.2em 0.5em; text-align: left; vertical-align: top; }
            th { background: #eee; }
            blockquote { border-left: 4px solid #888; margin: 0.5em 0; padding: 0.2em 1em; background: #f6f6f6; }
            blockquote footer { font-size: 0.85em; color: #444; }
            pre { background: #f4f4f4; padding: 0.6em; overflow-x: auto; font-size: 0.8em; white-space: pre-wrap; }
            @media print {
              body { max-width: none; margin: 0; font-size: 10pt; }
              h2 { page-break-before: always; }
              h1 + * h2, h2:first-of-type { page-break-before: avoid; }
              table, pre, blockquote { page-break-inside: avoid; }
              pre { background: none; border: 1px solid #ccc; }
            }
            """;

    static String html(String title, List<Block> blocks) {
        StringBuilder out = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>")
                .append(escape(title)).append("</title>\n<style>\n").append(STYLE).append("</style>\n</head>\n<body>\n");
        for (Block block : blocks) {
            if (block instanceof Block.Heading h) {
                out.append("<h").append(h.level()).append('>').append(inline(h.text()))
                    .append("</h").append(h.level()).append(">\n");
            } else if (block instanceof Block.Paragraph p) {
                out.append("<p>").append(inline(p.text())).append("</p>\n");
            } else if (block instanceof Block.Quote q) {
                out.append("<blockquote><p>").append(escape(q.text().strip()).replace("\n", "<br>\n"))
                    .append("</p><footer>— ").append(escape(q.citation())).append("</footer></blockquote>\n");
            } else if (block instanceof Block.Table t) {
                out.append("<table>\n<thead><tr>");
                t.headers().forEach(c -> out.append("<th>").append(inline(c)).append("</th>"));
                out.append("</tr></thead>\n<tbody>\n");
                for (List<String> r : t.rows()) {
                    out.append("<tr>");
                    r.forEach(c -> out.append("<td>").append(inline(c)).append("</td>"));
                    out.append("</tr>\n");
                }
                out.append("</tbody>\n</table>\n");
            } else if (block instanceof Block.Code c) {
                out.append("<pre class=\"").append(c.language()).append("\"><code>")
                    .append(escape(c.text().stripTrailing())).append("</code></pre>\n");
            } else if (block instanceof Block.Bullets b) {
                out.append("<ul>\n");
                b.items().forEach(item -> out.append("<li>").append(inline(item)).append("</li>\n"));
                out.append("</ul>\n");
            }
        }
        return out.append("</body>\n</html>\n").toString();
    }

    /** Escapes text and turns Markdown's `code` spans into code elements. */
    private static String inline(String text) {
        return escape(text).replaceAll("`([^`]+)`", "<code>$1</code>").replaceAll("\\*\\*([^*]+)\\*\\*", "<strong>$1</strong>");
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
