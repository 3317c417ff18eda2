package gov.qsmo.workflow.marketplace;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** The catalog's page at {@code /marketplace/} (static files in {@code static/marketplace/}, no CDN). */
@Configuration(proxyBeanMethods = false)
class MarketplacePage implements WebMvcConfigurer {

  @Override
  public void addViewControllers(ViewControllerRegistry registry) {
    registry.addRedirectViewController("/marketplace", "/marketplace/");
    registry.addViewController("/marketplace/").setViewName("forward:/marketplace/index.html");
  }
}
