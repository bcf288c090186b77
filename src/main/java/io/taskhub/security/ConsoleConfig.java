package io.taskhub.security;

import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.web.firewall.RequestRejectedHandler;

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

    /** Before Spring Security's filters, which are the ones that fail on such a path. */
    @Bean
    FilterRegistrationBean<PrefixMappedPaths> prefixMappedPaths(RequestRejectedHandler rejected) {
        FilterRegistrationBean<PrefixMappedPaths> registration =
                new FilterRegistrationBean<>(new PrefixMappedPaths(rejected));
        registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER - 1);
        return registration;
    }
}
