package dev.assay.base;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ErrorReferenceTest {

    @Test
    void referencesAreShortReadableAndDistinct() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            String reference = ErrorReference.next();
            assertThat(reference).matches("ERR-[2-9A-HJ-NP-Z]{6}");
            seen.add(reference);
        }
        assertThat(seen).hasSizeGreaterThan(990);
    }
}
