package dev.assay.invitation.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.assay.invitation.InvitationException;
import dev.assay.invitation.InvitationStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class InvitationRulesTest {

    private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");

    private static Invitation invitation() {
        return Invitation.create(1, "C-ABCD", "Ada Okafor", "ada@example.com", 0, NOW.plus(Duration.ofDays(7)),
                Tokens.hash(Tokens.next()), "rhea", NOW);
    }

    @Test
    void tokensCarry256RandomBitsAndOnlyTheirHashIsKept() {
        String token = Tokens.next();

        assertThat(Base64.getUrlDecoder().decode(token)).hasSize(32);
        assertThat(Tokens.wellFormed(token)).isTrue();
        assertThat(Tokens.hash(token)).hasSize(64).isNotEqualTo(token).isEqualTo(Tokens.hash(token));
        assertThat(Tokens.next()).isNotEqualTo(token);
        assertThat(Tokens.wellFormed("../../etc/passwd")).isFalse();
    }

    @Test
    void anInvitationNotStartedByItsDeadlineShowsAsExpired() {
        Invitation i = invitation();

        assertThat(i.status(NOW)).isEqualTo(InvitationStatus.SENT);
        i.markOpened(NOW.plusSeconds(60));
        assertThat(i.status(NOW.plusSeconds(60))).isEqualTo(InvitationStatus.OPENED);
        assertThat(i.status(NOW.plus(Duration.ofDays(8)))).isEqualTo(InvitationStatus.EXPIRED);
    }

    @Test
    void reSendingReplacesTheTokenAndAnExpiredOneNeedsANewDeadline() {
        Invitation i = invitation();
        Instant later = NOW.plus(Duration.ofDays(8));

        assertThatThrownBy(() -> i.reissue("new-hash", null, later)).isInstanceOf(InvitationException.class)
                .hasMessageContaining("choose a new deadline");
        i.revoke(NOW);
        i.reissue("new-hash", later.plus(Duration.ofDays(3)), later);

        assertThat(i.status(later)).isEqualTo(InvitationStatus.SENT);
        assertThat(i.getStartDeadline()).isEqualTo(later.plus(Duration.ofDays(3)));
    }

    @Test
    void badInputIsRefusedWithAClearMessage() {
        assertThatThrownBy(() -> Invitation.create(1, "C-X", " ", "a@b.co", 0, NOW.plusSeconds(60), "h", "r", NOW))
                .hasMessage("Enter the candidate's name.");
        assertThatThrownBy(() -> Invitation.create(1, "C-X", "A", "nope", 0, NOW.plusSeconds(60), "h", "r", NOW))
                .hasMessageContaining("valid email");
        assertThatThrownBy(() -> Invitation.create(1, "C-X", "A", "a@b.co", 250, NOW.plusSeconds(60), "h", "r", NOW))
                .hasMessageContaining("from 0 to 200");
        assertThatThrownBy(() -> Invitation.create(1, "C-X", "A", "a@b.co", 0, NOW.minusSeconds(1), "h", "r", NOW))
                .hasMessageContaining("in the future");
    }

    @Test
    void copiesOfMailLoseTheirWorkingLink() {
        String body = "Start here:\nhttps://assay.example.com/c/" + Tokens.next() + "\nGood luck";

        assertThat(InvitationMail.redact(body)).isEqualTo("Start here:\n[link removed from this copy]\nGood luck");
    }
}
