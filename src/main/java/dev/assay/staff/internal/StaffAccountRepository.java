package dev.assay.staff.internal;

import java.time.Instant;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.transaction.annotation.Transactional;

public interface StaffAccountRepository extends JpaRepository<StaffAccount, Long> {

    Optional<StaffAccount> findByEmail(String email);

    boolean existsByEmail(String email);

    @Query("select count(a) from StaffAccount a join a.roles r where a.enabled = true and r = dev.assay.staff.StaffRole.ADMIN")
    long countActiveAdmins();

    @Transactional
    @Modifying
    @Query("update StaffAccount a set a.lastSignInAt = :at where a.id = :id")
    void recordSignIn(Long id, Instant at);
}
