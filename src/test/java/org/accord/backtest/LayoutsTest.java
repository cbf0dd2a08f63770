package org.accord.backtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.accord.terms.TemplateCatalog;
import org.junit.jupiter.api.Test;

/** The shipped layouts are consistent data: they read, and name templates and parameters that exist. */
class LayoutsTest {

    @Test
    void everyShippedLayoutNamesTemplatesThatExistWithTheParametersItUses() {
        assertThat(Layouts.load().ids()).containsExactly("mssp-aco-puf-2014", "mssp-aco-puf-2015", "mssp-aco-puf-2016",
                "mssp-aco-puf-2017", "mssp-aco-puf-2018", "mssp-aco-puf-2021", "mssp-aco-puf-2022");
        assertThat(Layouts.load().problemsWith(TemplateCatalog.load())).isEmpty();
    }

    @Test
    void aLayoutThatReadsAColumnItDoesNotRequireIsRejected() {
        String yaml = new String(Cms2018Layout.bytes(), StandardCharsets.UTF_8).replace("EarnSaveLoss, RevLossLimit]", "RevLossLimit]");
        assertThatThrownBy(() -> Layouts.parse(Layouts.FOLDER + "/mssp-aco-puf-2018.yaml", yaml.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("backtest/layouts/mssp-aco-puf-2018.yaml")
                .hasMessageContaining("[EarnSaveLoss] are read but not listed in requiredColumns");
    }

    @Test
    void aLayoutThatFillsAnUnknownFactIsRejected() {
        String yaml = new String(Cms2018Layout.bytes(), StandardCharsets.UTF_8).replace("    benchmarkExpenditure: ABtotBnchmk", "    benchmark: ABtotBnchmk");
        assertThatThrownBy(() -> Layouts.parse(Layouts.FOLDER + "/mssp-aco-puf-2018.yaml", yaml.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("facts.period.benchmark: no such field");
    }

    /** The shipped 2018 layout's text. */
    static final class Cms2018Layout {
        static byte[] bytes() {
            return org.accord.content.ClasspathFolder.read(Layouts.FOLDER).get("mssp-aco-puf-2018.yaml");
        }
    }
}
