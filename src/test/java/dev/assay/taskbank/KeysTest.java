package dev.assay.taskbank;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

class KeysTest {

    @Test
    void keysAreMadeFromNamesAndKeptUnique() {
        assertThat(Keys.fromName("Customer Success Manager")).isEqualTo("customer-success-manager");
        assertThat(Keys.fromName("  Données & Café!  ")).isEqualTo("donnees-cafe");
        assertThat(Keys.unique("Data Analyst", Set.of("data-analyst", "data-analyst-2")::contains))
                .isEqualTo("data-analyst-3");
        assertThat(Keys.isValid("Bad Key")).isFalse();
        assertThat(Keys.isValid("good-key-2")).isTrue();
    }
}
