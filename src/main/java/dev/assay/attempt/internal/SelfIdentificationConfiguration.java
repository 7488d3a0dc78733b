package dev.assay.attempt.internal;

import dev.assay.attempt.SelfIdentificationQuestions;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** Binds the organisation's added self-identification questions. */
@Configuration
@EnableConfigurationProperties(SelfIdentificationQuestions.class)
class SelfIdentificationConfiguration {
}
