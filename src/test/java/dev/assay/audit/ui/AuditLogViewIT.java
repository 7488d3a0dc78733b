package dev.assay.audit.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextField;
import dev.assay.audit.AuditLog;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.ActiveProfiles;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@WithMockUser(username = "ada@assay.example", roles = "ADMIN")
class AuditLogViewIT extends SpringBrowserlessTest {

    @Autowired
    AuditLog audit;

    @Autowired
    dev.assay.audit.port.AuditTrail trail;

    @Test
    void anAdminFiltersTheLogAndVerifiesTheChain() {
        String subject = "assessment " + UUID.randomUUID().toString().substring(0, 8);
        trail.record("identity.revealed", subject, "names shown", "Review closed");
        navigate(AuditLogView.class);

        test($(TextField.class).withLabel("Subject").single()).setValue(subject);
        assertThat($(Span.class).id("audit-count").getText()).isEqualTo("1 entry");

        test($(Button.class).id("verify-chain")).click();
        assertThat($(Div.class).id("chain-result").getElement().getTextRecursively()).contains("The chain is intact");
    }
}
