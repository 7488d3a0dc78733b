package dev.assay;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/** Every public method of an application service states who may call it. */
class ServiceAccessRulesTest {

    @Test
    void everyPublicServiceMethodDeclaresWhoMayCallIt() throws ClassNotFoundException {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(Service.class));
        List<String> unguarded = new ArrayList<>();
        int services = 0;
        for (BeanDefinition candidate : scanner.findCandidateComponents("dev.assay")) {
            Class<?> service = Class.forName(candidate.getBeanClassName());
            services++;
            boolean classGuarded = service.isAnnotationPresent(PreAuthorize.class);
            for (Method method : service.getDeclaredMethods()) {
                if (Modifier.isPublic(method.getModifiers()) && !method.isSynthetic() && !classGuarded
                        && !method.isAnnotationPresent(PreAuthorize.class)) {
                    unguarded.add(service.getSimpleName() + "." + method.getName());
                }
            }
        }
        assertThat(services).as("application services found").isPositive();
        assertThat(unguarded).as("public service methods without @PreAuthorize").isEmpty();
    }
}
