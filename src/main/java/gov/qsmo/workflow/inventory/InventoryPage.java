package gov.qsmo.workflow.inventory;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** A data call's summary page at {@code /inventory/?dataCall=...} (static files in {@code static/inventory/}). */
@Configuration(proxyBeanMethods = false)
class InventoryPage implements WebMvcConfigurer {

  @Override
  public void addViewControllers(ViewControllerRegistry registry) {
    registry.addRedirectViewController("/inventory", "/inventory/");
    registry.addViewController("/inventory/").setViewName("forward:/inventory/index.html");
  }
}
