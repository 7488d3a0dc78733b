package dev.assay.taskbank.internal;

import dev.assay.base.SearchText;
import dev.assay.taskbank.TaskFilter;
import jakarta.persistence.criteria.Join;
import jakarta.persistence.criteria.Predicate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.data.jpa.domain.Specification;

/** Turns a task bank filter into a database query over each task's latest version. */
public final class TaskSearch {

    private TaskSearch() {
    }

    public static Specification<Task> matching(TaskFilter filter) {
        return (root, query, cb) -> {
            Join<Task, TaskVersion> latest = root.join("latestVersion");
            List<Predicate> where = new ArrayList<>();
            if (filter.text() != null && !filter.text().isBlank()) {
                String like = SearchText.containsPattern(filter.text());
                where.add(cb.or(cb.like(cb.lower(latest.get("title")), like, SearchText.ESCAPE),
                        cb.like(root.get("key"), like, SearchText.ESCAPE)));
            }
            if (filter.roleKey() != null) {
                where.add(cb.isMember(filter.roleKey(), latest.<java.util.Collection<String>>get("roleKeys")));
            }
            if (filter.tag() != null) {
                where.add(cb.isMember(filter.tag(), latest.<java.util.Collection<String>>get("tags")));
            }
            if (filter.kind() != null) {
                where.add(cb.equal(root.get("kind"), filter.kind()));
            }
            if (filter.status() != null) {
                where.add(switch (filter.status()) {
                    case RETIRED -> cb.isTrue(root.get("retired"));
                    case DRAFT -> cb.and(cb.isFalse(root.get("retired")), cb.isNull(root.get("publishedVersion")));
                    case PUBLISHED -> cb.and(cb.isFalse(root.get("retired")), cb.isNotNull(root.get("publishedVersion")));
                });
            }
            if (filter.exposure() != null) {
                where.add(switch (filter.exposure()) {
                    case NEVER_SERVED -> cb.equal(root.get("exposureCount"), 0);
                    case SERVED -> cb.gt(root.get("exposureCount"), 0);
                    case LIMITED -> cb.isNotNull(root.get("exposureLimit"));
                    case AT_LIMIT -> cb.and(cb.isNotNull(root.get("exposureLimit")),
                            cb.ge(root.get("exposureCount"), root.get("exposureLimit")));
                });
            }
            return cb.and(where.toArray(Predicate[]::new));
        };
    }
}
