package dev.assay.integration.api;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.JsonSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.Map;
import java.util.TreeMap;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The API's OpenAPI 3.1 description, generated from the controllers (served at {@code /api/v1/openapi.json}, shown at
 * {@code /api/docs}): the title, the bearer key every operation needs, and the problem responses every operation can
 * give (401 without a valid key, 403 without the scope, 429 over the rate limit) beside those it declares; every
 * 4xx response is an RFC 9457 problem.
 */
@Configuration
class ApiDescription {

    static final String KEY = "apiKey";
    static final String PROBLEM = "Problem";
    static final String PROBLEM_REF = "#/components/schemas/" + PROBLEM;

    @Bean
    OpenAPI assayApi() {
        return new OpenAPI()
                .info(new Info().title("Assay API").version("1")
                        .description("Invite candidates, follow their progress and read results once the review "
                                + "is closed. Send an API key (created by an admin under Administration, API keys) "
                                + "in the Authorization header: Bearer followed by the key. Times are ISO-8601 in "
                                + "UTC; ids are stable; lists are paged with limit and offset; every error is an "
                                + "RFC 9457 problem.")
                        .license(new License().name("Apache-2.0")))
                .components(new Components()
                        .addSecuritySchemes(KEY, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                                .description("An API key: assay_ followed by 43 characters. Scopes: read, invite."))
                        .addSchemas(PROBLEM, problemSchema()))
                // Relative, so the description is the same on every installation and port.
                .servers(java.util.List.of(new io.swagger.v3.oas.models.servers.Server().url("/")
                        .description("This Assay installation")))
                .addSecurityItem(new SecurityRequirement().addList(KEY));
    }

    private static Schema<?> problemSchema() {
        return typed("object")
                .description("An RFC 9457 problem: type (urn:assay:problem:*), title, status, detail, instance; "
                        + "invalid requests add errors (by field, or by index for bulk invitations).")
                .addProperty("type", typed("string").format("uri"))
                .addProperty("title", typed("string"))
                .addProperty("status", typed("integer"))
                .addProperty("detail", typed("string"))
                .addProperty("instance", typed("string"))
                .addProperty("errors", new JsonSchema().description("Problems by field name, or a list of "
                        + "{index, message} for bulk invitations."));
    }

    /** A schema of one type, written the OpenAPI 3.1 (JSON Schema) way. */
    private static Schema<?> typed(String type) {
        return new JsonSchema().types(new java.util.LinkedHashSet<>(java.util.List.of(type)));
    }

    /** Adds the problems any operation can answer with, and sorts responses so the description is stable. */
    @Bean
    OpenApiCustomizer commonProblems() {
        return api -> {
            // Again here: springdoc drops schemas no operation referred to before this customizer added the refs.
            api.getComponents().addSchemas(PROBLEM, problemSchema());
            api.getPaths().values().forEach(path -> path.readOperations().forEach(ApiDescription::addProblems));
        };
    }

    private static void addProblems(Operation operation) {
        Map<String, String> common = Map.of(
                "401", "No API key, or a key that is not valid or was revoked.",
                "403", "The key's scopes do not allow this request.",
                "429", "Over the key's rate limit; Retry-After says when to come back.");
        common.forEach((status, description) -> {
            if (!operation.getResponses().containsKey(status)) {
                operation.getResponses().addApiResponse(status, problem(description));
            }
        });
        // Every declared error is a problem (springdoc would describe it as the method's untyped return value).
        operation.getResponses().forEach((status, response) -> {
            if (status.startsWith("4") && (response.getContent() == null
                    || !response.getContent().containsKey("application/problem+json"))) {
                response.setContent(problem(response.getDescription()).getContent());
            }
        });
        TreeMap<String, ApiResponse> sorted = new TreeMap<>(operation.getResponses());
        operation.getResponses().clear();
        sorted.forEach(operation.getResponses()::addApiResponse);
    }

    static ApiResponse problem(String description) {
        return new ApiResponse().description(description).content(new Content().addMediaType("application/problem+json",
                new MediaType().schema(new JsonSchema().$ref(PROBLEM_REF))));
    }
}
