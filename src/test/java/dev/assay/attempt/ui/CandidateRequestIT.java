package dev.assay.attempt.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.assay.base.SystemAuthentication;
import dev.assay.invitation.CandidateRequest;
import dev.assay.invitation.InvitationException;
import dev.assay.invitation.IssuedInvitation;
import dev.assay.staff.IssuedPassword;
import dev.assay.staff.StaffRole;
import dev.assay.staff.StaffService;
import dev.assay.support.StaffFixtures;
import dev.assay.taskbank.AssessmentView;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A candidate asks, from the landing page, for another way to be assessed; the request reaches the recruiters on
 * the invitations page and the audit log (its kind, not its text); a recruiter marks it handled with a note.
 */
class CandidateRequestIT extends CandidateBrowserTest {

    @Autowired
    StaffService staff;

    @Test
    void aRequestReachesTheRecruiterWhoMarksItHandled() {
        AssessmentView a = assessment();
        IssuedInvitation issued = invite(a);
        driver.get(linkHere(issued));
        waitForVaadin();
        // The landing page's notice: how candidates are assessed, retention, and the organisation's own paragraphs.
        String landing = waitFor(By.id("landing")).getText();
        assertThat(landing).contains("adjusts for how strictly each reviewer scores").contains("365 days")
                .contains("This organisation uses an automated employment decision tool.")
                .contains("Its latest bias audit is published on its careers page.");
        assertThat(driver.findElements(By.cssSelector("#landing .candidate-notice"))).hasSize(2);
        click(By.id("open-request"));
        waitFor(By.id("request-kind"));
        click(By.id("send-request"));
        waitUntil(d -> d.findElement(By.id("request-kind")).getDomAttribute("invalid") != null);
        click(By.cssSelector("#request-kind vaadin-radio-button:nth-of-type(2)"));
        click(By.id("send-request"));
        waitUntil(d -> d.findElement(By.id("request-message")).getDomAttribute("invalid") != null);
        assertThat(driver.findElement(By.id("request-message")).getText()).contains("Say briefly what you need");
        type(By.cssSelector("#request-message textarea"), "I use a screen reader and would prefer a conversation.");
        assertAccessible("the request dialog");
        click(By.id("send-request"));
        waitUntil(d -> d.findElement(By.id("request-sent")).isDisplayed());
        assertThat(driver.findElement(By.id("request-sent")).getText()).contains("reached the hiring team");
        screenshot("candidate-request-sent");

        Map<String, Object> audit = jdbc.sql("SELECT actor, details FROM audit_entry WHERE action = "
                + "'candidate.requested' AND subject = ?").param("invitation " + issued.invitation().id())
                .query().singleRow();
        assertThat(audit).containsEntry("actor", "candidate (own link)")
                .containsEntry("details", "Another way to be assessed");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE details LIKE '%screen reader%'")
                .query(Long.class).single()).as("the request's text stays out of the audit log").isZero();

        IssuedPassword recruiter = StaffFixtures.create(staff, "Request Recruiter", StaffRole.RECRUITER);
        signIn(recruiter.member().email(), recruiter.password());
        open("recruiter/invitations/" + a.id());
        String box = waitFor(By.id("candidate-requests")).getText();
        assertThat(box).contains("1 open").contains("Casey Candidate").contains("Another way to be assessed")
                .contains("screen reader");
        click(By.cssSelector("#candidate-requests .handle-request"));
        waitFor(By.id("request-note"));
        click(By.id("confirm-handled"));
        waitUntil(d -> d.findElement(By.id("request-note")).getDomAttribute("invalid") != null);
        type(By.cssSelector("#request-note textarea"), "Booked a structured interview instead; mailed Casey.");
        click(By.id("confirm-handled"));
        waitUntil(d -> d.findElement(By.id("candidate-requests")).getText().contains("Handled by"));
        assertThat(driver.findElement(By.id("candidate-requests")).getText()).doesNotContain("open")
                .contains("Booked a structured interview");
        assertAccessible("the invitations page with a request");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE action = 'candidate.request_handled' AND actor = ?")
                .param(recruiter.member().email()).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void requestsNeedAUsableLinkAndStopAtFive() {
        IssuedInvitation issued = invite(assessment());
        String token = tokenOf(issued);
        assertThatThrownBy(() -> invitations.request("not-a-token", CandidateRequest.Kind.ADJUSTMENT, "Time"))
                .isInstanceOf(InvitationException.class).hasMessageContaining("can no longer be used");
        for (int i = 0; i < 5; i++) {
            invitations.request(token, CandidateRequest.Kind.ADJUSTMENT, "Extra time, please (" + i + ").");
        }
        assertThatThrownBy(() -> invitations.request(token, CandidateRequest.Kind.ADJUSTMENT, "Again"))
                .isInstanceOf(InvitationException.class).hasMessageContaining("contact the hiring team directly");
        List<CandidateRequest> listed = SystemAuthentication.callAs("RECRUITER",
                () -> invitations.requests(issued.invitation().assessmentId()));
        assertThat(listed).hasSize(5).allSatisfy(r -> assertThat(r.open()).isTrue());
        SystemAuthentication.callAs("RECRUITER", () -> invitations.revoke(issued.invitation().id()));
        assertThatThrownBy(() -> invitations.request(token, CandidateRequest.Kind.ALTERNATIVE, "Please"))
                .isInstanceOf(InvitationException.class);
    }
}
