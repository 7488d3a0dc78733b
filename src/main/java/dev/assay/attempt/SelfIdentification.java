package dev.assay.attempt;

/**
 * A candidate's voluntary answers, asked only after they submitted: sex and race/ethnicity in the EEO-1
 * categories, each with "prefer not to say"; either may be left unanswered (null); and the answers to the
 * organisation's added questions by key ({@link SelfIdentificationQuestions}). Used only in totals for
 * adverse-impact analysis, never shown about one candidate.
 */
public record SelfIdentification(Sex sex, RaceEthnicity raceEthnicity, java.util.Map<String, String> extra) {

    public SelfIdentification {
        extra = extra == null ? java.util.Map.of() : java.util.Map.copyOf(extra);
    }

    public SelfIdentification(Sex sex, RaceEthnicity raceEthnicity) {
        this(sex, raceEthnicity, java.util.Map.of());
    }

    /** Whether nothing at all was answered. */
    public boolean blank() {
        return sex == null && raceEthnicity == null && extra.isEmpty();
    }

    public enum Sex {
        FEMALE("Female"),
        MALE("Male"),
        ANOTHER("Another gender"),
        DECLINED("Prefer not to say");

        private final String label;

        Sex(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** The EEO-1 race/ethnicity categories. */
    public enum RaceEthnicity {
        HISPANIC_OR_LATINO("Hispanic or Latino"),
        WHITE("White"),
        BLACK_OR_AFRICAN_AMERICAN("Black or African American"),
        NATIVE_HAWAIIAN_OR_PACIFIC_ISLANDER("Native Hawaiian or Other Pacific Islander"),
        ASIAN("Asian"),
        AMERICAN_INDIAN_OR_ALASKA_NATIVE("American Indian or Alaska Native"),
        TWO_OR_MORE("Two or more races"),
        DECLINED("Prefer not to say");

        private final String label;

        RaceEthnicity(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }
}
