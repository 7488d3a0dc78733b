package dev.assay.taskbank.internal;

import dev.assay.taskbank.RubricCriterion;
import dev.assay.taskbank.RubricView;
import java.time.Clock;
import java.util.List;
import org.springframework.stereotype.Component;

/** Appends rubric versions with the next number; shared by the role service and file import. */
@Component
public class RubricVersions {

    private final RubricVersionRepository rubrics;
    private final Clock clock;

    RubricVersions(RubricVersionRepository rubrics, Clock clock) {
        this.rubrics = rubrics;
        this.clock = clock;
    }

    public RubricVersion append(JobRole role, List<RubricCriterion> criteria) {
        int next = role.getId() == null ? 1
                : rubrics.findFirstByRoleIdOrderByNumberDesc(role.getId()).map(r -> r.getNumber() + 1).orElse(1);
        return rubrics.save(RubricVersion.create(role, next, criteria, clock.instant()));
    }

    public static RubricView view(RubricVersion r) {
        return new RubricView(r.getId(), r.getNumber(), r.isFrozen(), r.getContentHash(), r.getCreatedAt(), r.criteria());
    }
}
