package org.accord.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The contract document served as Markdown and as HTML; a format it does not know is a problem naming it. */
class ContractDocumentApiTest extends ServerTest {

    private static final String DOCUMENT = "/api/v1/contract-templates/mssp-enhanced/document";

    @Test
    void theDocumentIsMarkdownByDefaultAndHtmlOnRequest() {
        Reply markdown = get(DOCUMENT);
        assertThat(markdown.status()).as(markdown.body()).isEqualTo(200);
        assertThat(markdown.contentType()).startsWith("text/markdown");
        assertThat(markdown.body()).contains("#### Rule \"Without the quality standard the shared loss rate is the maximum\"")
                .contains("| 1 | [0..500) | 0 | 499 | 0.122 | 0.122 | Source unverified: not in 42 CFR 425.604(b), whose 2018 table starts at 5,000;");

        Reply html = get(DOCUMENT + "?format=html");
        assertThat(html.status()).as(html.body()).isEqualTo(200);
        assertThat(html.contentType()).startsWith("text/html");
        assertThat(html.body()).startsWith("<!DOCTYPE html>").contains("<td>[0..500)</td>");
    }

    @Test
    void anUnknownFormatOrTemplateIsAProblem() {
        Reply pdf = get(DOCUMENT + "?format=pdf");
        assertThat(pdf.status()).isEqualTo(400);
        assertThat(pdf.body()).contains("format").contains("must be markdown or html");
        assertThat(get("/api/v1/contract-templates/no-such/document").status()).isEqualTo(404);
    }
}
