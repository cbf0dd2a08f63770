package org.accord.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The methodology reference the rules cite is served beside them; a page name that is not one is a problem. */
class MethodologyApiTest extends ServerTest {

    @Test
    void aPageTheRulesCiteIsServedAsMarkdownAndTheIndexListsThePages() {
        Reply page = get("/api/v1/methodology/medicare-shared-savings-program.md");
        assertThat(page.status()).as(page.body()).isEqualTo(200);
        assertThat(page.contentType()).startsWith("text/markdown");
        assertThat(page.body()).startsWith("# Medicare Shared Savings Program")
                .contains("## Excerpts")
                .contains("> **42 CFR 425.610(a)**: \"In order to qualify for a shared savings payment under the ENHANCED track");

        Reply index = get("/api/v1/methodology/README.md");
        assertThat(index.status()).as(index.body()).isEqualTo(200);
        assertThat(index.body()).contains("[risk-corridors.md](risk-corridors.md)").contains("// Cites: <citation>; docs/methodology/<page>.md");
    }

    @Test
    void aPageThatIsNotThereIsNotFoundAndANameThatIsNotAPageIsAProblemNamingIt() {
        assertThat(get("/api/v1/methodology/no-such-program.md").status()).isEqualTo(404);
        Reply notAPage = get("/api/v1/methodology/hashes.txt");
        assertThat(notAPage.status()).isEqualTo(400);
        assertThat(notAPage.body()).contains("page").contains("letters, digits and hyphens, then .md");
    }
}
