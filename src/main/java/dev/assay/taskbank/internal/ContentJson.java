package dev.assay.taskbank.internal;

import dev.assay.base.Sha256;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.assay.taskbank.RubricCriterion;
import dev.assay.taskbank.TaskContent;
import java.util.List;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * How task and rubric content is stored: canonical JSON (properties sorted, nulls left out), so that
 * equal content always gives equal text and therefore an equal SHA-256 content hash.
 */
public final class ContentJson {

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .changeDefaultPropertyInclusion(incl -> incl.withValueInclusion(JsonInclude.Include.NON_NULL))
            .build();

    private static final TypeReference<List<RubricCriterion>> CRITERIA = new TypeReference<>() {
    };

    private ContentJson() {
    }

    public static String write(TaskContent content) {
        return JSON.writeValueAsString(content);
    }

    public static TaskContent readTask(String json) {
        return JSON.readValue(json, TaskContent.class);
    }

    public static String write(List<RubricCriterion> criteria) {
        return JSON.writeValueAsString(criteria);
    }

    public static List<RubricCriterion> readCriteria(String json) {
        return JSON.readValue(json, CRITERIA);
    }

    public static String hash(String canonicalJson) {
        return Sha256.hex(canonicalJson);
    }

    public static String hash(TaskContent content) {
        return hash(write(content));
    }

    public static String hash(List<RubricCriterion> criteria) {
        return hash(write(criteria));
    }
}
