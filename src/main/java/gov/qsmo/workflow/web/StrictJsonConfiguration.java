package gov.qsmo.workflow.web;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;

/**
 * JSON request bodies of /api are read strictly: a field the request does not have, a number or
 * true/false where text belongs, text where a number, a date or true/false belongs, a fraction for a
 * whole number and a number for a choice are refused (400 naming the field) instead of being ignored
 * or converted. Only Spring MVC's converter reads this way; the application's ObjectMapper, and so
 * Camunda's REST API, stay as they are.
 */
@Configuration(proxyBeanMethods = false)
class StrictJsonConfiguration {

  @Bean
  MappingJackson2HttpMessageConverter strictJsonConverter(Jackson2ObjectMapperBuilder builder) {
    ObjectMapper mapper = builder
        .featuresToEnable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES,
            DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
        .featuresToDisable(DeserializationFeature.ACCEPT_FLOAT_AS_INT, MapperFeature.ALLOW_COERCION_OF_SCALARS)
        .build();
    mapper.setDefaultLeniency(false);
    mapper.coercionConfigFor(LogicalType.Textual)
        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
    return new MappingJackson2HttpMessageConverter(mapper);
  }
}
