package dev.assay.attempt.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.assay.attempt.AttemptException;
import dev.assay.attempt.SelfIdentification.RaceEthnicity;
import dev.assay.attempt.SelfIdentification.Sex;
import dev.assay.attempt.SelfIdentification;
import dev.assay.base.Sha256;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * The voluntary self-identification: offered only after submitting, stored apart from the work (one row per
 * invitation, replaced when answered again), and refused before the attempt is submitted.
 */
class SelfIdentificationIT extends CandidateBrowserTest {

    private static final String PAGE = "self-id-page";

    private String invited() {
        return tokenOf(invite(assessment()));
    }

    private Map<String, Object> stored(String token) {
        return jdbc.sql("SELECT s.sex, s.race_ethnicity FROM self_identification s JOIN invitation i "
                + "ON i.id = s.invitation_id WHERE i.token_hash = ?").param(Sha256.hex(token)).query().singleRow();
    }

    @Test
    void theQuestionsOpenOnlyAfterSubmittingAndAnswersAreReplacedNotAdded() {
        String token = invited();
        SelfIdentification answers = new SelfIdentification(Sex.FEMALE, RaceEthnicity.ASIAN);
        assertThatThrownBy(() -> attempts.selfIdentify(token, answers)).isInstanceOf(AttemptException.class)
                .hasMessageContaining("once your answers are submitted");
        attempts.start(token, true);
        attempts.claim(token, PAGE);
        assertThatThrownBy(() -> attempts.selfIdentify(token, answers)).isInstanceOf(AttemptException.class);
        attempts.submit(token, PAGE);
        assertThat(attempts.selfIdentified(token)).isFalse();
        assertThatThrownBy(() -> attempts.selfIdentify(token, new SelfIdentification(null, null)))
                .isInstanceOf(AttemptException.class);

        attempts.selfIdentify(token, answers);
        assertThat(attempts.selfIdentified(token)).isTrue();
        assertThat(stored(token)).containsEntry("sex", "FEMALE").containsEntry("race_ethnicity", "ASIAN");
        attempts.selfIdentify(token, new SelfIdentification(Sex.DECLINED, null));
        assertThat(stored(token)).containsEntry("sex", "DECLINED").containsEntry("race_ethnicity", null);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM self_identification s JOIN invitation i ON i.id = s.invitation_id "
                + "WHERE i.token_hash = ?").param(Sha256.hex(token)).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void addedQuestionsTakeOnlyTheirOptionsAndAreStoredApart() {
        String token = invited();
        attempts.start(token, true);
        attempts.claim(token, PAGE);
        attempts.submit(token, PAGE);
        assertThatThrownBy(() -> attempts.selfIdentify(token, new SelfIdentification(null, null,
                Map.of("veteran", "Maybe")))).isInstanceOf(AttemptException.class).hasMessageContaining("answers offered");
        assertThatThrownBy(() -> attempts.selfIdentify(token, new SelfIdentification(null, null,
                Map.of("shoe-size", "42")))).isInstanceOf(AttemptException.class);
        attempts.selfIdentify(token, new SelfIdentification(null, null, Map.of("veteran", "Protected veteran")));
        assertThat(jdbc.sql("SELECT x.answer FROM self_identification_extra x JOIN invitation i ON i.id = x.invitation_id "
                + "WHERE i.token_hash = ? AND x.question_key = 'veteran'").param(Sha256.hex(token)).query(String.class)
                .single()).isEqualTo("Protected veteran");
        attempts.selfIdentify(token, new SelfIdentification(Sex.MALE, null));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM self_identification_extra x JOIN invitation i ON i.id = x.invitation_id "
                + "WHERE i.token_hash = ?").param(Sha256.hex(token)).query(Long.class).single())
                .as("answering again replaces every answer").isZero();
    }

    @Test
    void aCandidateAnswersOnTheReceiptAndTheQuestionsDoNotComeBack() {
        String token = invited();
        attempts.start(token, true);
        attempts.claim(token, PAGE);
        attempts.submit(token, PAGE);

        open("c/" + token);
        waitFor(By.id("receipt"));
        assertThat(waitFor(By.id("self-id")).getText()).contains("voluntary").contains("cannot affect it");
        screenshot("receipt-self-identification");
        // Nothing chosen: said next to the button, nothing stored.
        click(By.id("self-id-save"));
        assertThat(waitFor(By.id("self-id-problem")).getText()).contains("at least one question");
        click(By.id("self-id-sex"));
        click(By.xpath("//vaadin-select-item[normalize-space(.)='Prefer not to say']"));
        click(By.id("self-id-race"));
        click(By.xpath("//vaadin-select-item[normalize-space(.)='Two or more races']"));
        assertThat(driver.findElement(By.id("self-id-extra-veteran")).getText()).contains("protected veteran");
        click(By.id("self-id-extra-veteran"));
        click(By.xpath("//vaadin-select-item[normalize-space(.)='Protected veteran']"));
        click(By.id("self-id-save"));
        assertThat(waitFor(By.id("self-id-thanks")).getText()).contains("counted in totals");
        assertThat(stored(token)).containsEntry("sex", "DECLINED").containsEntry("race_ethnicity", "TWO_OR_MORE");
        assertThat(jdbc.sql("SELECT x.answer FROM self_identification_extra x JOIN invitation i ON i.id = x.invitation_id "
                + "WHERE i.token_hash = ?").param(Sha256.hex(token)).query(String.class).single())
                .isEqualTo("Protected veteran");

        open("c/" + token);
        waitFor(By.id("receipt"));
        assertThat(driver.findElements(By.id("self-id"))).as("asked once").isEmpty();
    }
}
