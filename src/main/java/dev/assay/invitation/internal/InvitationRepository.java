package dev.assay.invitation.internal;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;

public interface InvitationRepository extends JpaRepository<Invitation, Long>, JpaSpecificationExecutor<Invitation> {

    Optional<Invitation> findByTokenHash(String tokenHash);

    boolean existsByAssessmentIdAndEmailKey(long assessmentId, String emailKey);

    boolean existsByCandidateCode(String code);

    @Query("select i.emailKey from Invitation i where i.assessmentId = :assessmentId and i.emailKey in :keys")
    List<String> findInvitedEmails(long assessmentId, Collection<String> keys);

    @Query("select i.candidateCode from Invitation i")
    List<String> findAllCodes();
}
