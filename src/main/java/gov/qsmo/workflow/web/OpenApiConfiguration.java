package gov.qsmo.workflow.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI description of /api: title, and HTTP Basic so that Swagger UI's "Authorize" signs in. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

  @Bean
  OpenAPI qsmoWorkflowApi() {
    return new OpenAPI()
        .info(new Info().title("qsmo-workflow API").version("1")
            .description("Designations of Quality Service Management Offices: their plan versions and audit trail. "
                + "Sign in with the same account as Tasklist (HTTP Basic). Errors are RFC 9457 problem details."))
        .components(new Components().addSecuritySchemes("basic",
            new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")))
        .addSecurityItem(new SecurityRequirement().addList("basic"));
  }
}
