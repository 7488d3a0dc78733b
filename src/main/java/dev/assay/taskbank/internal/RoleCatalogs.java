package dev.assay.taskbank.internal;

import dev.assay.taskbank.ContentRules.RoleCatalog;
import dev.assay.taskbank.RubricCriterion;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** The installed roles and the criteria of their current rubrics, for checking task content. */
@Component
public class RoleCatalogs {

    private final RubricVersionRepository rubrics;

    RoleCatalogs(RubricVersionRepository rubrics) {
        this.rubrics = rubrics;
    }

    public Map<String, Set<String>> installed() {
        Map<String, Set<String>> byRole = new HashMap<>();
        for (RubricVersion r : rubrics.findCurrent()) {
            byRole.put(r.getRole().getKey(),
                    r.criteria().stream().map(RubricCriterion::key).collect(Collectors.toSet()));
        }
        return byRole;
    }

    public RoleCatalog current() {
        return RoleCatalog.of(installed());
    }
}
