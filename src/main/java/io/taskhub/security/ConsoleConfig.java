package io.taskhub.security;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The Hawtio console's Jolokia endpoint, past Spring Security's login: only the hub's own pages may call it. */
@Configuration(proxyBeanMethods = false)
public class ConsoleConfig {

    @Bean
    FilterRegistrationBean<JolokiaRequestFilter> jolokiaRequestFilter(ProblemWriter problems) {
        // mapped like Jolokia's servlet, so the container decides both from the same normalised path
        FilterRegistrationBean<JolokiaRequestFilter> registration =
                new FilterRegistrationBean<>(new JolokiaRequestFilter(problems));
        registration.addUrlPatterns("/actuator/jolokia", "/actuator/jolokia/*");
        return registration;
    }
}
