package dev.assay;

import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.Meta;
import com.vaadin.flow.server.AppShellSettings;
import com.vaadin.flow.theme.lumo.Lumo;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableAsync;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Assay: a portal for AI-first hiring assessments. Each direct sub-package is a feature module
 * (see docs/architecture.md); only a module's root package is visible to the others.
 */
@SpringBootApplication
@EnableScheduling
@EnableAsync
@StyleSheet(Lumo.STYLESHEET)
@StyleSheet("styles/assay.css")
@Meta(name = "referrer", content = "same-origin")
public class AssayApplication implements AppShellConfigurator {

    public static void main(String[] args) {
        SpringApplication.run(AssayApplication.class, args);
    }

    @Override
    public void configurePage(AppShellSettings settings) {
        settings.setPageTitle("Assay");
        settings.addFavIcon("icon", "icons/assay.svg", "any");
    }
}
