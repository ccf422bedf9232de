package io.storeops.platform.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI document of each service: its name, the bearer scheme its staff routes require, and
 * the problem responses every route can give (with an example each), so integrators see the
 * failures as well as the successes.
 */
@Configuration(proxyBeanMethods = false)
public class ApiDocumentation {

    private static final String PROBLEM = "application/problem+json";

    /** The problems a staff route can answer, besides its own. */
    private static final Map<String, Example> STAFF_PROBLEMS = Map.of(
            "400", problem(400, "invalid-limit", "Bad request", "limit must be between 1 and 500."),
            "401", problem(401, "authentication-required", "Unauthorized", "A bearer token is required."),
            "403",
                    problem(
                            403,
                            "role-required",
                            "Forbidden",
                            "This needs one of the roles [CS_AFTERSALE, STORE_MANAGER]."),
            "404", problem(404, "not-found", "Order not found", "No order tmall-flagship:T1 in your stores."));

    /** The problems a webhook can answer. */
    private static final Map<String, Example> WEBHOOK_PROBLEMS = Map.of(
            "400", problem(400, "malformed-json", "Malformed JSON", "The body is not JSON."),
            "401", problem(401, "invalid-signature", "Unauthorized", "The signature does not match the body."),
            "413", problem(413, "payload-too-large", "Payload too large", "The body is larger than 262144 bytes."),
            "422",
                    problem(
                            422,
                            "invalid-payload",
                            "Invalid payload",
                            "totalMinor 1 is not the lines plus shipping (29500)"));

    @Bean
    OpenAPI storeOpsOpenApi(@Value("${spring.application.name}") String service) {
        return new OpenAPI()
                .info(new Info()
                        .title("StoreOps " + service)
                        .version("v1")
                        .description("Staff APIs under /api/ need a bearer token with `roles` and `stores` claims; "
                                + "webhooks under /webhooks/ are authenticated by their signature. "
                                + "Errors are RFC 9457 problem responses with a type urn:storeops:problem:<cause>."))
                .components(new Components()
                        .addSecuritySchemes(
                                "bearer",
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("bearer")
                                        .bearerFormat("JWT"))
                        .addSchemas("Problem", problemSchema()));
    }

    @Bean
    OpenApiCustomizer storeOpsProblemResponses() {
        return openApi -> openApi.getPaths()
                .forEach((path, item) -> item.readOperations()
                        .forEach(operation -> addProblems(
                                operation, path.startsWith("/webhooks/") ? WEBHOOK_PROBLEMS : STAFF_PROBLEMS)));
    }

    private static void addProblems(Operation operation, Map<String, Example> problems) {
        ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
        problems.forEach((status, example) -> {
            ApiResponse documented = responses.get(status);
            if (documented == null
                    || documented.getContent() == null
                    || !documented.getContent().containsKey(PROBLEM)) {
                responses.addApiResponse(
                        status,
                        new ApiResponse()
                                .description(example.getSummary())
                                .content(new Content()
                                        .addMediaType(
                                                PROBLEM,
                                                new MediaType()
                                                        .schema(new Schema<>().$ref("#/components/schemas/Problem"))
                                                        .addExamples(status, example))));
            }
        });
        operation.setResponses(responses);
    }

    private static Example problem(int status, String cause, String title, String detail) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "urn:storeops:problem:" + cause);
        body.put("title", title);
        body.put("status", status);
        body.put("detail", detail);
        return new Example().summary(title + " (" + cause + ")").value(body);
    }

    private static Schema<?> problemSchema() {
        return new ObjectSchema()
                .description("RFC 9457 problem details; some causes add properties such as currentStatus")
                .addProperty("type", new StringSchema().example("urn:storeops:problem:order-state"))
                .addProperty("title", new StringSchema())
                .addProperty("status", new IntegerSchema())
                .addProperty("detail", new StringSchema())
                .addProperty("instance", new StringSchema());
    }
}
