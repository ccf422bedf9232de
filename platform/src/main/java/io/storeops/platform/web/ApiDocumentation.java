package io.storeops.platform.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI document of each service: its name, and the bearer scheme its staff routes require. */
@Configuration(proxyBeanMethods = false)
public class ApiDocumentation {

    @Bean
    OpenAPI storeOpsOpenApi(@Value("${spring.application.name}") String service) {
        return new OpenAPI()
                .info(new Info().title("StoreOps " + service).version("v1")
                        .description("Staff APIs under /api/ need a bearer token with `roles` and `stores` claims; "
                                + "webhooks under /webhooks/ are authenticated by their signature. "
                                + "Errors are RFC 9457 problem responses with a type urn:storeops:problem:<cause>."))
                .components(new Components().addSecuritySchemes("bearer",
                        new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")));
    }
}
