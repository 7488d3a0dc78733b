package dev.assay.invitation.internal;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

public interface InvitationRepository extends JpaRepository<Invitation, Long>, JpaSpecificationExecutor<Invitation> {

    Optional<Invitation> findByTokenHash(String tokenHash);

    boolean existsByAssessmentIdAndEmailKey(long assessmentId, String emailKey);

    boolean existsByCandidateCode(String code);

    @Query("select i.emailKey from Invitation i where i.assessmentId = :assessmentId and i.emailKey in :keys")
    List<String> findInvitedEmails(long assessmentId, Collection<String> keys);

    @Query("select i.candidateCode from Invitation i")
    List<String> findAllCodes();

    /**
     * Records the first opening of a link as one conditional update, without the row's version: when the same
     * link is opened twice at once, one update wins and the other changes nothing, instead of failing. The
     * same rule as {@link Invitation#markOpened}. The persistence context is cleared afterwards, so nothing later
     * in the transaction writes back a stale copy of the row.
     */
    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query("update Invitation i set i.stage = dev.assay.invitation.internal.Invitation.Stage.OPENED, i.openedAt = :now, "
            + "i.updatedAt = :now where i.id = :id and i.stage = dev.assay.invitation.internal.Invitation.Stage.SENT")
    int markOpened(long id, java.time.Instant now);
}
