package dev.assay.base;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PlainTextTest {

    @Test
    void ordinaryNamesInAnyScriptArePlain() {
        for (String name : new String[] {"Zoë Ångström", "Nguyễn Thị Minh Khai", "محمد رضا", "Ravi Shankar-Iyer",
                "O'Brien", "李小龍", "می‌خواهم" /* with a zero-width non-joiner, which Persian needs */}) {
            assertThat(PlainText.problem(name)).as(name).isEmpty();
        }
    }

    @Test
    void controlAndInvisibleFormattingCharactersAreRefusedWithWhereTheyAre() {
        assertThat(PlainText.problem("Quarterly\u0000 report")).get().asString().contains("U+0000").contains("position 10");
        assertThat(PlainText.problem("Ding\u0007")).get().asString().contains("U+0007");
        assertThat(PlainText.problem("Two\nlines")).get().asString().contains("U+000A");
        assertThat(PlainText.problem("invoice\u202Etxt.exe")).get().asString().contains("U+202E")
                .contains("right-to-left override");
        assertThat(PlainText.problem("Ada\u200BLovelace")).get().asString().contains("U+200B");
        assertThat(PlainText.problem("\u2067Ada\u2069")).get().asString().contains("U+2067");
    }
}
