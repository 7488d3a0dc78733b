package dev.assay.fairness;

import static dev.assay.review.ReviewFixtures.recruiter;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.assay.attempt.SelfIdentification;
import dev.assay.ranking.stats.AdverseImpact;
import dev.assay.ranking.stats.AdverseImpact.Standing;
import dev.assay.ranking.stats.StandardisedDifference;
import dev.assay.review.ReviewFixtures;
import dev.assay.support.DatabaseTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.security.test.context.support.WithMockUser;

/**
 * The monitor on the real database: decisions, the ranking's scores and stored answers joined into the figures
 * worked out by hand in {@link FairnessFixtures}; totals only; recruiters only.
 */
class FairnessServiceIT extends DatabaseTest {

    @Autowired
    FairnessService fairness;

    @Autowired
    FairnessFixtures fixtures;

    @Autowired
    ReviewFixtures reviewFixtures;

    @Autowired
    JdbcTemplate jdbc;

    private static AdverseImpact.Row row(AdverseImpact.Table t, String label) {
        return t.rows().stream().filter(r -> r.label().equals(label)).findFirst().orElseThrow();
    }

    private static FairnessReport.Characteristic characteristic(FairnessReport report, String key) {
        return report.characteristics().stream().filter(c -> c.key().equals(key)).findFirst().orElseThrow();
    }

    @Test
    void theFiguresMatchTheHandComputedRound() {
        FairnessFixtures.Round round = fixtures.round();
        FairnessReport report = recruiter(() -> fairness.report(round.assessment().id()));

        assertThat(report.ranked()).isEqualTo(12);
        assertThat(report.decided()).isEqualTo(12);
        assertThat(report.advanced()).isEqualTo(4);
        assertThat(report.answered()).isEqualTo(11);
        assertThat(report.medianAdjusted()).isCloseTo(3.5, within(1e-9));

        FairnessReport.Characteristic sex = characteristic(report, "sex");
        assertThat(sex.selectionUnknown()).isEqualTo(1);
        assertThat(sex.selection().reference()).isEqualTo("Male");
        AdverseImpact.Row women = row(sex.selection(), "Female");
        assertThat(women.total()).isEqualTo(6);
        assertThat(women.favourable()).isEqualTo(1);
        assertThat(women.impactRatio()).isCloseTo(5.0 / 18, within(1e-12));
        assertThat(women.belowFourFifths()).isTrue();
        assertThat(women.fisherP()).isCloseTo(0.24242424242424238, within(1e-12));
        assertThat(women.zP()).as("counts too small for the z test").isNull();
        assertThat(sex.selection().rows()).extracting(AdverseImpact.Row::label)
                .as("a group nobody is in is not listed").containsExactly("Female", "Male");

        AdverseImpact.Row womenScoring = row(sex.scoring(), "Female");
        assertThat(womenScoring.favourable()).isEqualTo(2);
        assertThat(womenScoring.impactRatio()).isCloseTo(10.0 / 24, within(1e-12));
        assertThat(row(sex.scoring(), "Male").favourable()).as("3 is not above 3.5; 4 and 5 are").isEqualTo(4);
        assertThat(sex.scoringUnknown()).isEqualTo(1);

        FairnessReport.Characteristic race = characteristic(report, "race");
        assertThat(race.selectionUnknown()).as("no answer, and prefer not to say").isEqualTo(2);
        assertThat(row(race.selection(), "White").total()).isEqualTo(7);
        assertThat(row(race.selection(), "Asian").standing()).isEqualTo(Standing.TOO_FEW);
        assertThat(row(race.selection(), "Asian").rate()).isNull();
        assertThat(race.selection().note()).contains("Fewer than two groups");

        FairnessReport.Characteristic both = characteristic(report, "intersection");
        assertThat(both.selection().rows()).extracting(AdverseImpact.Row::label)
                .containsExactly("White · Female", "White · Male", "Asian · Female");
        assertThat(both.selection().rows()).allSatisfy(r -> assertThat(r.standing()).isEqualTo(Standing.TOO_FEW));
        assertThat(both.selectionUnknown()).isEqualTo(2);

        FairnessReport.Characteristic veteran = characteristic(report, "extra-veteran");
        assertThat(veteran.name()).isEqualTo("Veteran status");
        assertThat(veteran.selectionUnknown()).isEqualTo(2);
        assertThat(veteran.selection().reference()).isEqualTo("Protected veteran");
        assertThat(row(veteran.selection(), "Not a protected veteran").impactRatio()).isCloseTo(1.0 / 3, within(1e-12));
        assertThat(report.gaps()).extracting(FairnessReport.Gaps::key).containsExactly("sex", "race");

        // Score gaps: women against men on the adjusted score and on every criterion (the same level throughout).
        FairnessReport.Gaps gaps = report.gaps().stream().filter(g -> g.key().equals("sex")).findFirst().orElseThrow();
        assertThat(gaps.reference()).isEqualTo("Male");
        assertThat(gaps.groups()).containsExactly("Female");
        // The adjusted score, then the criteria the round's three tasks score; criteria no task scores are left out.
        assertThat(gaps.measures()).extracting(FairnessReport.Measure::key).containsExactly("adjusted",
                "workflow-thinking", "automation-instinct", "ai-critique");
        assertThat(gaps.measures().getFirst().key()).isEqualTo("adjusted");
        for (FairnessReport.Measure m : gaps.measures()) {
            StandardisedDifference d = m.differences().getFirst();
            assertThat(d.d()).as(m.name()).isCloseTo(-1.2632123817760783, within(1e-9));
            assertThat(d.n()).isEqualTo(6);
            assertThat(d.referenceN()).isEqualTo(5);
        }
        assertThat(report.gaps().stream().filter(g -> g.key().equals("race")).findFirst().orElseThrow().note())
                .isNotNull();

        // Nothing in the report or its CSV names or codes a candidate.
        String everything = report + FairnessCsv.write(report);
        for (ReviewFixtures.Submitted c : round.candidates()) {
            assertThat(everything).doesNotContain(c.name()).doesNotContain(c.email()).doesNotContain(c.code());
        }
        String csv = recruiter(() -> fairness.csv(round.assessment().id()));
        assertThat(csv).contains("Selection (advanced of decided),Sex,Female,compared,6,1,0.1667,0.2778,yes,0.2424")
                .contains("Sex × race/ethnicity,Asian · Female,too few to tell,3,,");
    }

    @Test
    void aPeriodPoolsTheAssessmentsWhoseCandidatesSubmittedInIt() {
        FairnessFixtures.Round round = fixtures.round();
        java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneOffset.UTC);
        FairnessReport period = recruiter(() -> fairness.period(today.minusDays(1), today.plusDays(1)));
        assertThat(period.pooled()).isTrue();
        assertThat(period.sources()).contains(new FairnessReport.Source(round.assessment().id(),
                round.assessment().title(), 12, 12));
        assertThat(period.medianAdjusted()).as("each assessment has its own median").isNull();
        assertThat(period.gaps()).as("rubrics differ between assessments").isEmpty();
        assertThat(period.decided()).isGreaterThanOrEqualTo(12);

        FairnessReport before = recruiter(() -> fairness.period(java.time.LocalDate.of(2001, 1, 1),
                java.time.LocalDate.of(2001, 12, 31)));
        assertThat(before.empty()).isTrue();
        assertThat(before.sources()).isEmpty();
        assertThatThrownBy(() -> recruiter(() -> fairness.period(today, today.minusDays(1))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anAssessmentWithNothingDecidedOrAnsweredSaysSoWithoutRatios() {
        var a = fixtures.emptyRound();
        FairnessReport report = recruiter(() -> fairness.report(a.id()));
        assertThat(report.empty()).isTrue();
        assertThat(report.medianAdjusted()).isNull();
        assertThat(report.characteristics()).allSatisfy(c -> {
            assertThat(c.selection().rows()).isEmpty();
            assertThat(c.selection().reference()).isNull();
        });
    }

    @Test
    void everyAnswerFitsTheTable() {
        var a = fixtures.emptyRound();
        var candidate = reviewFixtures.submit(a, "Fair Coder");
        jdbc.update("INSERT INTO self_identification (invitation_id, assessment_id, answered_at) VALUES (?, ?, ?)",
                candidate.invitationId(), a.id(), java.sql.Timestamp.from(java.time.Instant.now()));
        for (SelfIdentification.RaceEthnicity race : SelfIdentification.RaceEthnicity.values()) {
            jdbc.update("UPDATE self_identification SET race_ethnicity = ? WHERE invitation_id = ?", race.name(),
                    candidate.invitationId());
        }
        for (SelfIdentification.Sex sex : SelfIdentification.Sex.values()) {
            jdbc.update("UPDATE self_identification SET sex = ? WHERE invitation_id = ?", sex.name(),
                    candidate.invitationId());
        }
        assertThat(jdbc.queryForObject("SELECT race_ethnicity FROM self_identification WHERE invitation_id = ?",
                String.class, candidate.invitationId())).isEqualTo("DECLINED");
    }

    @Test
    @WithMockUser(username = "vera@assay.example", roles = "REVIEWER")
    void reviewersCannotReadTheMonitor() {
        assertThatThrownBy(() -> fairness.report(1)).isInstanceOf(AuthorizationDeniedException.class);
        assertThatThrownBy(() -> fairness.csv(1)).isInstanceOf(AuthorizationDeniedException.class);
    }
}
