package io.taskhub.api;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The API reference at {@code /api/docs}: Swagger UI (from its webjar) reading {@code /api/openapi.json}. The page
 * and its script are static files under {@code static/api-docs/}; anyone may read them, as the document itself.
 */
@Configuration(proxyBeanMethods = false)
public class ApiReferencePage implements WebMvcConfigurer {

    @Override
    public void addViewControllers(ViewControllerRegistry registry) {
        registry.addViewController("/api/docs").setViewName("forward:/api-docs/index.html");
    }
}
