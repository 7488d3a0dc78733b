package dev.assay.taskbank.internal;

import dev.assay.taskbank.Difficulty;
import dev.assay.taskbank.TaskKind;
import jakarta.persistence.criteria.Join;
import jakarta.persistence.criteria.Predicate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.domain.Specification;

/** The tasks a random slot can draw from: servable tasks whose published version matches the slot. */
public final class PoolSearch {

    private PoolSearch() {
    }

    public static Specification<Task> servable(String roleKey, TaskKind kind, String tag, Difficulty difficulty) {
        return (root, query, cb) -> {
            Join<Task, TaskVersion> published = root.join("publishedVersion");
            List<Predicate> where = new ArrayList<>();
            where.add(cb.isFalse(root.get("retired")));
            where.add(cb.or(cb.isNull(root.get("exposureLimit")),
                    cb.lt(root.get("exposureCount"), root.get("exposureLimit"))));
            if (roleKey != null) {
                where.add(cb.isMember(roleKey, published.<Collection<String>>get("roleKeys")));
            }
            if (kind != null) {
                where.add(cb.equal(root.get("kind"), kind));
            }
            if (tag != null && !tag.isBlank()) {
                where.add(cb.isMember(tag, published.<Collection<String>>get("tags")));
            }
            if (difficulty != null) {
                where.add(cb.equal(published.get("difficulty"), difficulty));
            }
            return cb.and(where.toArray(Predicate[]::new));
        };
    }
}
